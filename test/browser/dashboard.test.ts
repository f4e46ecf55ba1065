// The dashboard in a real browser: every page loads and draws real data, the as-of picker replays
// the judgment of another day, API errors are shown, and screenshots of every page are written.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/format/dates.js';
import { PAGES } from '../../src/web/state.js';
import { hasChromium, inkedPixels, launchChromium, openDashboard, waitForPage } from './helpers/browser.js';
import { startDashboardServer, type RunningServer } from './helpers/start-server.js';
import { phaseDates } from './helpers/phase-dates.js';

const SCREENSHOTS = resolve(process.cwd(), 'docs/screenshots');

describe.skipIf(!hasChromium)('dashboard in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dates: { first: string; second: string; asset: 'BTC' | 'ETH' };

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    dates = await phaseDates(server);
    console.log(
      `browser tests against the ${server.kind} server at ${server.url}; as-of dates ${dates.first} / ${dates.second}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(tab: string, scheme: 'light' | 'dark' = 'light', asOf = dates.second): Promise<Page> {
    const page = await openDashboard(browser, server.url, `?tab=${tab}&asOf=${asOf}&asset=${dates.asset}`, scheme);
    expect(await waitForPage(page, tab)).toBe('ready');
    return page;
  }

  it('overview shows phase, confidence, evidence, checklist and a drawn price chart', async () => {
    const page = await open('overview');
    const label = (await page.textContent('#phase-label'))?.trim();
    expect(['trend-decline', 'bottoming', 'uptrend', 'topping']).toContain(label);
    expect(await page.locator('.gauge').count()).toBe(1);
    expect(await page.locator('#evidence li').count()).toBeGreaterThan(0);
    expect(await page.locator('#checklist li').count()).toBeGreaterThan(0);
    expect(await inkedPixels(page, '#overview-price')).toBeGreaterThan(200);
    await page.close();
  });

  it('overview says "no call" and why for a date before the data, with no confidence gauge', async () => {
    // The real server has no simulated data before 2023-04-01; the fixture server answers one analysis,
    // so there the answer is replaced by the real analysis of an empty series.
    const asOf = '2023-03-01';
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    if (server.kind !== 'real') {
      const { analyzeSeries } = await import('../../src/phase/analyze.js');
      const { emptyMarketSeries } = await import('../helpers/market-series.js');
      const none = analyzeSeries(emptyMarketSeries({ asset: dates.asset, asOf }));
      await page.route('**/api/analysis**', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(none) }),
      );
    }
    await page.goto(`${server.url}/?tab=overview&asOf=${asOf}&asset=${dates.asset}`);
    expect(await waitForPage(page, 'overview')).toBe('ready');
    expect((await page.textContent('#phase-label'))?.trim()).toBe('no call');
    expect(await page.textContent('#no-call-reason')).toContain(
      `no data for ${dates.asset} was known by ${formatDate(asOf)}`,
    );
    expect(await page.locator('.gauge').count()).toBe(0);
    expect(await page.getAttribute('#page', 'data-phase')).toBe('no-call');
    await page.close();
  });

  it('shows the SIMULATED DATA banner for simulated analyses', async () => {
    const page = await open('overview');
    const res = await fetch(`${server.url}/api/analysis?asOf=${dates.second}&asset=${dates.asset}`);
    const simulated = ((await res.json()) as { simulated: boolean }).simulated;
    expect(await page.locator('#banner').isVisible()).toBe(simulated);
    if (simulated) expect(await page.textContent('#banner')).toContain('SIMULATED DATA');
    await page.close();
  });

  it('ETF flows page stacks per-fund bars with a cumulative line, and switches to weekly', async () => {
    const page = await open('etf-flows');
    const daily = Number(await page.getAttribute('#etf-chart .chart', 'data-points'));
    expect(daily).toBeGreaterThan(20);
    expect(await page.locator('#etf-chart svg path').count()).toBeGreaterThan(daily);
    await page.click('button[data-view="weekly"]');
    await page.waitForFunction(
      (d) => Number(document.querySelector('#etf-chart .chart')?.getAttribute('data-points')) < d,
      daily,
    );
    const weekly = Number(await page.getAttribute('#etf-chart .chart', 'data-points'));
    expect(weekly).toBeGreaterThan(3);
    expect(weekly).toBeLessThan(daily);
    await page.close();
  });

  it('positioning page draws perp OI, funding and liquidations', async () => {
    const page = await open('positioning');
    for (const id of ['#perp-oi', '#funding', '#liquidations']) {
      expect(Number(await page.getAttribute(`${id} .chart`, 'data-points')), id).toBeGreaterThan(10);
      expect(await inkedPixels(page, id), id).toBeGreaterThan(100);
    }
    await page.close();
  });

  it('liquidity page shows the sell-off type and draws volume, Amihud and spread', async () => {
    const page = await open('liquidity');
    expect(await page.getAttribute('#selloff-type', 'data-code')).toMatch(
      /^(liquidity-failure|position-rebalancing|none)$/,
    );
    expect((await page.textContent('#selloff-type'))?.trim()).toMatch(
      /^(liquidity failure|position rebalancing|none)$/,
    );
    expect(await inkedPixels(page, '#volume')).toBeGreaterThan(100);
    for (const id of ['#amihud', '#spread']) {
      expect(Number(await page.getAttribute(`${id} .chart`, 'data-points')), id).toBeGreaterThan(100);
      expect(await inkedPixels(page, id), id).toBeGreaterThan(100);
    }
    await page.close();
  });

  it('events page plots the timeline and an event study when one exists', async () => {
    const page = await open('events');
    const events = await page.locator('#event-list tr[data-index]').count();
    if (events === 0) {
      expect(await page.textContent('#event-timeline')).toContain('not available');
    } else {
      expect(Number(await page.getAttribute('#event-timeline .chart', 'data-points'))).toBe(events);
      expect(await page.locator('#event-timeline svg path').count()).toBeGreaterThanOrEqual(events);
      if ((await page.locator('#event-list tr.has-study').count()) > 0) {
        expect(Number(await page.getAttribute('#event-study .chart', 'data-points'))).toBeGreaterThan(3);
      }
    }
    await page.close();
  });

  it('waves page draws each wave on one time axis', async () => {
    const page = await open('waves');
    const rows = await page.locator('#waves-table tbody tr').count();
    if (rows > 0) {
      expect(Number(await page.getAttribute('#waves-chart .chart', 'data-points'))).toBe(rows);
      expect(await page.locator('#waves-chart svg path').count()).toBeGreaterThanOrEqual(rows);
    } else expect(await page.textContent('#waves-chart')).toContain('not available');
    await page.close();
  });

  it('changing the as-of date replays the judgment and keeps the URL in sync', async () => {
    const page = await open('overview', 'light', dates.first);
    const before = (await page.textContent('#phase-label'))?.trim();
    await page.fill('#asof', dates.second); // fill() fires input and change
    await page.waitForFunction(
      (d) =>
        document.getElementById('page')?.dataset['asof'] === d &&
        document.getElementById('page')?.dataset['ready'] === 'overview',
      dates.second,
    );
    const after = (await page.textContent('#phase-label'))?.trim();
    expect(after).not.toBe(before);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(dates.second);
    await page.goBack();
    await page.waitForFunction(
      (d) =>
        document.getElementById('page')?.dataset['asof'] === d &&
        document.getElementById('page')?.dataset['ready'] === 'overview',
      dates.first,
    );
    expect((await page.textContent('#phase-label'))?.trim()).toBe(before);
    await page.close();
  });

  it('shows the API error message when /api/analysis fails', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.route('**/api/analysis**', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'bad-request', message: 'asOf "2031-02-30" is not a valid date', field: 'asOf' },
        }),
      }),
    );
    await page.goto(`${server.url}/?asOf=2031-02-28`);
    expect(await waitForPage(page, 'overview')).toBe('error');
    const text = await page.textContent('#page .error');
    expect(text).toContain('asOf "2031-02-30" is not a valid date');
    expect(text).toContain('HTTP 400');
    await page.close();
  });

  it('shows a chart-level error when one series fails and keeps the rest', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.route('**/api/series/perp**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":{"code":"internal","message":"store unavailable","field":null}}',
      }),
    );
    await page.goto(`${server.url}/?tab=positioning&asOf=${dates.second}&asset=${dates.asset}`);
    expect(await waitForPage(page, 'positioning')).toBe('ready');
    expect(await page.textContent('#perp-oi')).toContain('store unavailable');
    expect(await inkedPixels(page, '#cme')).toBeGreaterThan(0);
    await page.close();
  });

  it('writes a screenshot of every page in light and dark', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      // The track record has its own full-page screenshots (test/browser/track-record.test.ts).
      for (const tab of PAGES.filter((p) => p !== 'track-record')) {
        const page = await open(tab, scheme);
        await page.waitForTimeout(300); // let chart animations settle before the picture
        await page.screenshot({ path: resolve(SCREENSHOTS, `${tab}-${scheme}.png`), fullPage: true });
        await page.close();
      }
    }
  });
});
