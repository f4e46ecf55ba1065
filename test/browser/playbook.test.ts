// The playbook page in Chromium against the real server over the simulated default: the comparison
// table names every strategy with buy-and-hold first, the equity, drawdown and trade charts draw, the
// trade log lists the trades the API answered, the strategy picker and the window switch refetch,
// and light / dark screenshots are written to docs/screenshots.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../src/domain/backtest.js';
import { formatSignedPercent } from '../../src/format/percent.js';
import { hasChromium, launchChromium, openDashboard, waitForPage } from './helpers/browser.js';
import { startDashboardServer, type RunningServer } from './helpers/start-server.js';

const SCREENSHOTS = resolve(process.cwd(), 'docs/screenshots');

describe.skipIf(!hasChromium)('playbook page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await openDashboard(browser, server.url, '?tab=playbook&asset=BTC', scheme);
    expect(await waitForPage(page, 'playbook', 90_000)).toBe('ready');
    return page;
  }

  const headers = (page: Page): Promise<string[]> =>
    page
      .locator('#playbook-table thead th')
      .allTextContents()
      .then((h) => h.slice(1));

  it('shows the comparison, the curves, the trades on the price and the trade log', async () => {
    const page = await open();
    expect(await headers(page)).toEqual([
      'Buy and hold',
      'Weekly DCA',
      'Phased accumulation',
      'Right-side confirmation',
      'Phase-following',
    ]);
    const episodeButton = page.locator('#playbook-controls button.seg.active');
    const from = await episodeButton.getAttribute('data-from');
    expect(await episodeButton.textContent()).toContain('Since the episode began');
    // The page shows what the API answers for the same window.
    const asOf = await page.getAttribute('#page', 'data-asof');
    const api = (await (
      await fetch(`${server.url}/api/backtest?asset=BTC&to=${asOf}&from=${from}`)
    ).json()) as BacktestResult;
    const runs = api.periods[0]!.runs;
    const trades = runs.filter((r) => r.strategy !== 'buy-and-hold').reduce((n, r) => n + r.trades.length, 0);
    expect(await page.locator('#playbook-log tbody tr').count()).toBe(trades);
    expect(Number(await page.getAttribute('#playbook-trades .chart', 'data-points'))).toBe(trades);
    expect(Number(await page.getAttribute('#playbook-equity .chart', 'data-points'))).toBe(runs[0]!.curve.length);
    expect(await page.locator('#playbook-equity svg path').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#playbook-drawdown svg path').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#playbook-exposure svg path').count()).toBeGreaterThanOrEqual(5);
    const total = await page.locator('#playbook-table tbody tr', { hasText: 'Total return' }).textContent();
    expect(total).toContain(formatSignedPercent(runs[0]!.metrics.totalReturn));
    await page.close();
  });

  it('refetches when a strategy is left out and when the window changes', async () => {
    const page = await open();
    await page.uncheck('#playbook-controls input[value=dca]');
    await page.waitForFunction(() => document.querySelectorAll('#playbook-table thead th').length === 5);
    expect(await headers(page)).not.toContain('Weekly DCA');
    const before = await page.textContent('#playbook-table tbody tr:nth-child(6)');
    await page.click('#playbook-controls button[data-from=""]');
    await page.waitForFunction(
      (b) => document.querySelector('#playbook-table tbody tr:nth-child(6)')?.textContent !== b,
      before,
    );
    expect(await page.textContent('#playbook-table tbody tr:nth-child(6)')).toContain('Peak → trough');
    await page.close();
  });

  it('writes light and dark screenshots', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(scheme);
      await page.waitForTimeout(300);
      await page.screenshot({ path: resolve(SCREENSHOTS, `playbook-${scheme}.png`), fullPage: true });
      await page.close();
    }
  });
});
