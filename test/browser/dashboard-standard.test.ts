// The dashboard held to the note's standard, in Chromium on the simulated store: every chart on every
// page draws points, every table and chart downloads as CSV with its header and rows, tables read in
// words and house digits (no raw keys, ISO dates or ASCII minus), the events timeline's text neither
// overlaps nor leaves the chart, ECharts axes read "18 Aug", the flow regime shades the whole chart,
// the per-fund table adds up, the "what changed" panel compares with the previous session, and an
// as-of change asks the server for each answer exactly once.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../src/web/state.js';
import { hasChromium, launchChromium, openDashboard, waitForPage } from './helpers/browser.js';
import { startDashboardServer, type RunningServer } from './helpers/start-server.js';
import { phaseDates } from './helpers/phase-dates.js';

/** Parses the CSV the dashboard writes (quoted cells with "" escapes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe.skipIf(!hasChromium)('dashboard standard in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let dates: { first: string; second: string; asset: 'BTC' | 'ETH' };

  beforeAll(async () => {
    server = await startDashboardServer();
    browser = await launchChromium();
    dates = await phaseDates(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(tab: string, asOf = dates.second): Promise<Page> {
    const page = await openDashboard(browser, server.url, `?tab=${tab}&asOf=${asOf}&asset=${dates.asset}`);
    expect(await waitForPage(page, tab)).toBe('ready');
    return page;
  }

  /** Clicks the CSV button of the card `cardId` and returns the downloaded file's rows. */
  async function downloadCsv(page: Page, cardId: string): Promise<{ name: string; rows: string[][] }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${cardId} button.csv`)]);
    const path = await download.path();
    return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(path, 'utf8')) };
  }

  it('every chart on every page has points, and every table and chart downloads as CSV', async () => {
    let charts = 0;
    let downloads = 0;
    for (const tab of PAGES) {
      const page = await open(tab);
      const chartCards = await page.$$eval('#page section.card[data-kind="chart"]', (cards) =>
        cards.map((c) => ({ id: c.id, points: Number(c.querySelector('[data-points]')?.getAttribute('data-points')) })),
      );
      expect(chartCards.length, tab).toBeGreaterThan(0);
      for (const c of chartCards) expect(c.points, `${tab} #${c.id}`).toBeGreaterThan(0);
      charts += chartCards.length;
      // Every card with a table or a chart has a CSV button, and each file has a header and rows.
      const cards = await page.$$eval('#page section.card', (all) =>
        all
          .filter((c) => c.querySelector('table') !== null || c.getAttribute('data-kind') === 'chart')
          .map((c) => ({
            id: c.id,
            hasButton: c.querySelector('button.csv') !== null,
            tableRows: c.querySelector('table')?.querySelectorAll('tbody tr').length ?? 0,
            headed: c.querySelector('table thead') !== null,
          })),
      );
      for (const c of cards) {
        expect(c.id, `${tab}: a card with a table or chart has no id`).not.toBe('');
        expect(c.hasButton, `${tab} #${c.id} has no CSV button`).toBe(true);
        const { name, rows } = await downloadCsv(page, c.id);
        downloads++;
        expect(name).toMatch(/\.csv$/);
        const [header, ...body] = rows;
        expect(header!.length, `${tab} #${c.id} header`).toBeGreaterThan(1);
        expect(body.length, `${tab} #${c.id} rows`).toBeGreaterThan(0);
        for (const r of body) expect(r.length, `${tab} #${c.id} ragged row`).toBe(header!.length);
        // A headed HTML table downloads as shown (the per-fund table downloads the whole window).
        if (c.headed && c.id !== 'etf-fund-table') expect(body.length, `${tab} #${c.id}`).toBe(c.tableRows);
      }
      await page.close();
    }
    console.log(`${charts} charts with points, ${downloads} CSV downloads checked across ${PAGES.length} pages`);
  });

  it('tables read in words and house digits: no raw keys, booleans, codes, ISO dates or ASCII minus', async () => {
    for (const tab of PAGES) {
      const page = await open(tab);
      const cells = await page.$$eval('#page table th, #page table td', (els) =>
        els.map((e) => (e.textContent ?? '').trim()),
      );
      expect(cells.length, tab).toBeGreaterThan(0);
      for (const text of cells) {
        expect(text, `${tab}: camelCase key`).not.toMatch(/\b[a-z]+[A-Z][a-z]+/);
        expect(text, `${tab}: raw boolean`).not.toMatch(/\b(true|false)\b/);
        expect(text, `${tab}: coded value`).not.toMatch(
          /\b(one-way-|two-way-|liquidity-failure|position-rebalancing|cftc-total-oi|cme-front-month|oi-falling|oi-rising)/,
        );
        expect(text, `${tab}: ISO date`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
        expect(text, `${tab}: ASCII minus before a figure`).not.toMatch(/(^|[\s(])-[$\d]/);
        expect(text, `${tab}: unformatted long decimal`).not.toMatch(/\d\.\d{5,}/);
      }
      await page.close();
    }
  });

  it('positioning table uses the label table: "CME basis, annualised" in percent, liquidation spike as yes/no', async () => {
    const page = await open('positioning');
    const rows = await page.$$eval('#positioning-signal tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']),
    );
    const value = (label: string): string | undefined => rows.find(([k]) => k === label)?.[1];
    expect(value('Perp OI change, 1 day')).toMatch(/^([+\u2212]?\d+\.\d%|n\/a)$/);
    expect(value('Liquidation spike on the latest day')).toMatch(/^(yes|no)$/);
    expect(value('CME basis, annualised')).toMatch(/^([+\u2212]?\d+\.\d%|n\/a)$/);
    expect(value('Funding rate')).toMatch(/% per 8h$|^n\/a$/);
    await page.close();
  });

  it('the events timeline is legible: no text overlaps, none is cut, axis dates read "18 Aug"', async () => {
    for (const tab of ['events', 'waves', 'etf-flows']) {
      const page = await open(tab);
      const id = tab === 'events' ? '#event-timeline' : tab === 'waves' ? '#waves-chart' : '#etf-chart';
      const boxes = await page.$$eval(`${id} svg text`, (texts) =>
        texts
          .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).display !== 'none')
          .map((t) => {
            const r = t.getBoundingClientRect();
            const svg = (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
            return {
              text: t.textContent ?? '',
              r: { x0: r.left, x1: r.right, y0: r.top, y1: r.bottom },
              inside:
                r.left >= svg.left - 1 &&
                r.right <= svg.right + 1 &&
                r.top >= svg.top - 1 &&
                r.bottom <= svg.bottom + 1,
            };
          }),
      );
      expect(boxes.length, tab).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.inside, `${tab}: "${b.text}" leaves the chart`).toBe(true);
        expect(b.text, `${tab}: "${b.text}" is cut`).not.toMatch(/…|\.\.\.$/);
      }
      if (tab === 'events') {
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!.r, boxes[j]!.r];
            const overlap =
              Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
            expect(overlap, `"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`).toBe(false);
          }
      }
      // Date ticks on the x axis read "18 Aug"; no ISO or two-digit-year dates anywhere.
      const texts = boxes.map((b) => b.text.trim());
      expect(texts.filter((t) => /^\d{1,2} [A-Z][a-z]{2}$/.test(t)).length, `${tab}: date ticks`).toBeGreaterThan(1);
      for (const t of texts) expect(t, tab).not.toMatch(/\d{4}-\d{2}|^\d{2}-\d{2}-\d{2}$/);
      await page.close();
    }
  });

  it('the flow regime shades the whole visible range of the ETF chart', async () => {
    const page = await open('etf-flows');
    const first = await page.getAttribute('#etf-chart .chart', 'data-first-date');
    const shadedFrom = await page.getAttribute('#etf-chart .chart', 'data-shaded-from');
    const shadedTo = await page.getAttribute('#etf-chart .chart', 'data-shaded-to');
    const last = await page.getAttribute('#etf-chart .chart', 'data-last-date');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The regime needs a 10-day window: shading may start up to two weeks after the first bar.
    const gapDays = (Date.parse(shadedFrom!) - Date.parse(first!)) / 86_400_000;
    expect(gapDays).toBeLessThanOrEqual(16);
    expect(shadedTo).toBe(last);
    await page.close();
  });

  it('the per-fund daily flow table has a row per day, a column per fund and a total that adds up', async () => {
    const page = await open('etf-flows');
    const header = await page.$$eval('#etf-fund-table thead th', (ths) => ths.map((t) => t.textContent ?? ''));
    expect(header[0]).toBe('Date');
    expect(header.at(-1)).toBe('Total');
    expect(header.length).toBeGreaterThan(3);
    const shown = await page.locator('#etf-fund-table tbody tr').count();
    expect(shown).toBeGreaterThan(10);
    const { rows } = await downloadCsv(page, 'etf-fund-table');
    const [csvHeader, ...days] = rows;
    expect(csvHeader![0]).toBe('date');
    expect(csvHeader!.at(-1)).toBe('total_usd');
    expect(csvHeader!.length).toBe(header.length);
    expect(days.length).toBeGreaterThanOrEqual(shown);
    for (const day of days) {
      const funds = day.slice(1, -1).reduce((s, v) => s + (v === '' ? 0 : Number(v)), 0);
      expect(Math.abs(funds - Number(day.at(-1)))).toBeLessThan(1);
    }
    // Latest day first, as desks read it.
    expect(days[0]![0]! > days[1]![0]!).toBe(true);
    await page.close();
  });

  it('the "what changed" panel compares with the previous session: call, key numbers, stale inputs', async () => {
    const page = await open('overview');
    const call = await page.textContent('#what-changed-call');
    expect(call).toMatch(/^Call (unchanged|changed) since \d{1,2} [A-Z][a-z]{2} \d{4}: /);
    const labels = await page.$$eval('#what-changed tbody th', (ths) => ths.map((t) => t.textContent ?? ''));
    expect(labels).toEqual(expect.arrayContaining(['Call', 'Perp open interest', 'ETF flow regime', 'Funding rate']));
    expect(await page.textContent('#what-changed')).toMatch(/stale/i);
    await page.close();
  });

  it('asks the server once per as-of change: each answer requested exactly once', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${server.url}/?asOf=${dates.first}&asset=${dates.asset}`);
    expect(await waitForPage(page, 'overview')).toBe('ready');
    const initial = requests.splice(0);
    expect(initial.filter((u) => u.startsWith('/api/analysis')).length).toBe(2); // the day and the previous session
    expect(new Set(initial).size).toBe(initial.length);
    await page.fill('#asof', dates.second);
    await page.waitForFunction(
      (d) =>
        document.getElementById('page')?.dataset['asof'] === d &&
        document.getElementById('page')?.dataset['ready'] === 'overview',
      dates.second,
    );
    await page.waitForTimeout(300);
    const changed = requests.splice(0);
    const analyses = changed.filter((u) => u.startsWith('/api/analysis'));
    expect(analyses.filter((u) => u.includes(`asOf=${dates.second}`)).length).toBe(1);
    expect(analyses.length).toBe(2);
    expect(new Set(changed).size, changed.join('\n')).toBe(changed.length);
    // Switching pages and back asks for no analysis again.
    await page.click('a[data-page="positioning"]');
    expect(await waitForPage(page, 'positioning')).toBe('ready');
    await page.click('a[data-page="overview"]');
    expect(await waitForPage(page, 'overview')).toBe('ready');
    expect(requests.filter((u) => u.startsWith('/api/analysis'))).toEqual([]);
    // Typing a date digit by digit passes through other complete dates (year 0002, 0020 …): only the
    // typed day is asked for.
    const [y, m, d] = dates.first.split('-');
    await page.focus('#asof');
    await page.keyboard.type(`${m}${d}${y}`, { delay: 60 });
    await page.waitForFunction(
      (day) =>
        document.getElementById('page')?.dataset['asof'] === day &&
        document.getElementById('page')?.dataset['ready'] === 'overview',
      dates.first,
    );
    await page.waitForTimeout(800);
    const typed = requests.splice(0).filter((u) => u.startsWith('/api/analysis'));
    expect(typed, typed.join('\n')).toEqual([]); // dates.first and its previous session were asked for at the start
    await page.close();
  });
});
