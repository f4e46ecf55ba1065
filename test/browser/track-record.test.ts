// The Track record page in Chromium against the real server over the simulated store: the three charts
// have points, the verdict list is not empty, the record is read once per asset, simulated data are
// marked; full-page screenshots in light and dark go to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, openDashboard, waitForPage } from './helpers/browser.js';
import { startDashboardServer, type RunningServer } from './helpers/start-server.js';

const SCREENSHOTS = resolve(process.cwd(), 'docs/screenshots');

describe.skipIf(!hasChromium)('track record page in Chromium', () => {
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

  /** Opens the page for `asset` and counts its /api/track-record requests. */
  async function open(
    asset: 'BTC' | 'ETH',
    scheme: 'light' | 'dark' = 'light',
  ): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, colorScheme: scheme });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/track-record')) requests.push(r.url());
    });
    await page.goto(`${server.url}/?tab=track-record&asset=${asset}`);
    expect(await waitForPage(page, 'track-record', 90_000)).toBe('ready');
    return { page, requests };
  }

  const points = async (page: Page, id: string): Promise<number> =>
    Number(await page.getAttribute(`${id} .chart`, 'data-points'));

  it.skipIf(process.env['TIDEMARK_BROWSER_SERVER'] === 'fixture')(
    'draws the price with the calls, the equity curves and the reliability diagram, and lists the verdicts',
    async () => {
      const { page, requests } = await open('BTC');
      expect(await points(page, '#tr-price')).toBeGreaterThan(300);
      // The bands and strips are drawn: many more SVG paths than the few series.
      expect(await page.locator('#tr-price svg path').count()).toBeGreaterThan(50);
      expect(await points(page, '#tr-equity')).toBeGreaterThan(100);
      expect(await page.locator('#tr-equity svg path').count()).toBeGreaterThan(4);
      expect(await points(page, '#tr-reliability')).toBeGreaterThan(3);
      expect(await page.locator('#tr-verdicts li').count()).toBeGreaterThan(5);
      expect(await page.locator('#tr-verdicts li.worse').count()).toBe(await page.locator('#tr-worse li').count());
      expect(await page.locator('#tr-table tbody tr').count()).toBeGreaterThan(14);
      // Reliability table under the diagram, with the Brier score against the constant rate.
      expect(await page.locator('#tr-reliability-table tbody tr').count()).toBe(await points(page, '#tr-reliability'));
      expect(await page.textContent('#tr-reliability-table')).toMatch(
        /Brier score 0\.\d{3} over [\d,]+ calls against 0\.\d{3}/,
      );
      // One row per phase label; the engine called at least one of them.
      expect(await page.locator('#tr-labels tbody tr').count()).toBe(4);
      expect(await page.textContent('#tr-labels tbody')).toMatch(/[\d,]+ days, \d+\.\d% right/);
      // Forward returns at the middle horizon: bars with whiskers, rows with intervals; another horizon redraws.
      expect(await page.getAttribute('#tr-forward button.active', 'data-horizon')).toBe('60');
      const bars60 = await points(page, '#tr-forward');
      expect(bars60).toBeGreaterThan(3);
      expect(await page.locator('#tr-forward-table tbody tr').count()).toBe(bars60);
      expect(await page.textContent('#tr-forward-table tbody')).toMatch(
        /[+−]\d+\.\d% \[[+−]?\d+\.\d%, [+−]?\d+\.\d%\]/,
      );
      await page.click('#tr-forward button[data-horizon="20"]');
      expect(await page.getAttribute('#tr-forward button.active', 'data-horizon')).toBe('20');
      expect(await points(page, '#tr-forward')).toBeGreaterThanOrEqual(bars60);
      expect(await page.locator('#tr-turns tbody tr').count()).toBeGreaterThan(0);
      expect(await page.textContent('#tr-intro')).toContain('SIMULATED DATA');
      expect(await page.locator('#tr-periods button.active').count()).toBe(1);
      await page.click('#tr-periods button[data-period="0"]');
      expect(await points(page, '#tr-equity')).toBeGreaterThan(100);
      expect(requests).toHaveLength(1);
      expect(new URL(requests[0]!).searchParams.get('asset')).toBe('BTC');

      // Another asset: one more request; back to BTC: none (kept for the page's lifetime).
      await page.selectOption('#asset', 'ETH');
      await page.waitForFunction(
        () =>
          document.getElementById('page')?.dataset['ready'] === 'track-record' &&
          document.querySelector('#tr-intro h2')?.textContent?.includes('ETH'),
        undefined,
        { timeout: 90_000 },
      );
      expect(await points(page, '#tr-price')).toBeGreaterThan(300);
      await page.selectOption('#asset', 'BTC');
      await page.waitForFunction(
        () => document.querySelector('#tr-intro h2')?.textContent?.includes('BTC'),
        undefined,
        { timeout: 30_000 },
      );
      expect(requests.map((u) => new URL(u).searchParams.get('asset'))).toEqual(['BTC', 'ETH']);
      await page.close();
    },
  );

  it.skipIf(process.env['TIDEMARK_BROWSER_SERVER'] === 'fixture')(
    'writes full-page screenshots in light and dark',
    async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        const { page } = await open('BTC', scheme);
        await page.waitForTimeout(300);
        await page.screenshot({ path: resolve(SCREENSHOTS, `track-record-page-${scheme}.png`), fullPage: true });
        await page.close();
      }
    },
  );

  it('shows the server’s message when the record cannot be loaded', async () => {
    const page = await openDashboard(browser, server.url, '?tab=track-record&asset=ETH');
    await page.route('**/api/track-record**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'not-enough-history', message: 'track record of ETH: 12 closes', field: null },
        }),
      }),
    );
    await page.reload();
    expect(await waitForPage(page, 'track-record', 60_000)).toBe('ready');
    const text = await page.textContent('#page .error');
    expect(text).toContain('track record of ETH: 12 closes');
    expect(text).toContain('HTTP 404');
    await page.close();
  });
});
