import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/sources/errors.js';
import { FarsideLayoutError, parseFarsideHtml } from '../../src/sources/farside/farside-html.js';
import { detectLayout, importFiles } from '../../src/sources/import-files.js';
import { farsideDailyHtml } from '../../src/sources/layouts-html.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const DIR = resolve(process.cwd(), 'test/fixtures/farside-html');
const path = (name: string): string => resolve(DIR, name);
const read = (name: string): string => readFileSync(path(name), 'utf8');

describe('farside-html: parseFarsideHtml', () => {
  it('reads the BTC table: parenthesised negatives, "-" skipped, thousands, totals', () => {
    const table = parseFarsideHtml(read('btc-all-data.html'), 'btc-all-data.html');
    expect(table.asset).toBe('BTC');
    expect(table.funds).toHaveLength(12);
    expect(table.rejects).toEqual([]);
    const cell = (date: string, key: string): number | undefined =>
      table.observations.find((o) => o.date === date && o.key === key)?.value;
    expect(cell('2026-01-05', 'IBIT')).toBe(-243_200_000);
    expect(cell('2026-01-05', 'farside')).toBe(-406_100_000);
    expect(cell('2026-01-06', 'IBIT')).toBe(1_012_300_000);
    expect(cell('2026-01-06', 'farside')).toBe(1_178_200_000);
    expect(cell('2026-01-02', 'ARKB')).toBeUndefined(); // "-" = no figure
    expect(cell('2026-01-02', 'BTC')).toBe(6_700_000); // Grayscale mini
    // 2026-01-07: every fund "-", only the total 0.0 is stored.
    expect(table.observations.filter((o) => o.date === '2026-01-07').map((o) => o.key)).toEqual(['farside']);
    // Footer rows (Total/Average/Maximum/Minimum) are not dates and are ignored.
    expect(new Set(table.observations.map((o) => o.date))).toEqual(
      new Set(['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07']),
    );
    const ibit = table.observations.find((o) => o.key === 'IBIT' && o.date === '2026-01-05')!;
    expect(ibit).toMatchObject({
      dataset: 'etf-flows',
      field: 'netFlowUsd',
      asset: 'BTC',
      knownAt: '2026-01-06T02:00:00.000Z',
    });
    expect(table.observations.find((o) => o.key === 'farside')!.dataset).toBe('etf-flows-total');
  });

  it('reads the ETH table', () => {
    const table = parseFarsideHtml(read('eth-all-data.html'), 'eth-all-data.html');
    expect(table.asset).toBe('ETH');
    expect(table.observations.find((o) => o.key === 'ETHA' && o.date === '2026-01-05')?.value).toBe(-98_400_000);
    expect(table.observations.find((o) => o.key === 'ETH' && o.date === '2026-01-05')?.value).toBe(4_500_000);
  });

  it('rejects bad rows naming the row and the fund, keeping the good rows', () => {
    const table = parseFarsideHtml(read('btc-bad-rows.html'), 'btc-bad-rows.html');
    expect(table.rejects).toEqual([
      { line: 6, field: 'date', message: '"31 Feb 2026" is not a valid date' },
      { line: 7, field: 'IBIT', message: '"abc" is not a number' },
    ]);
    expect(new Set(table.observations.map((o) => o.date))).toEqual(new Set(['2026-01-02', '2026-01-05']));
  });

  it('a changed layout fails naming the file and what was expected', () => {
    expect(() => parseFarsideHtml(read('btc-layout-changed.html'), 'saved.html')).toThrowError(FarsideLayoutError);
    expect(() => parseFarsideHtml(read('btc-layout-changed.html'), 'saved.html')).toThrowError(
      /saved\.html: expected Farside's flow table .*"Total".*layout may have changed/,
    );
    expect(() => parseFarsideHtml('<html><body><p>hello</p></body></html>', 'empty.html')).toThrowError(
      /no <table> at all/,
    );
  });
});

describe('farside-html: file layout', () => {
  it('detects saved Farside pages (table beyond the first 4 KiB) and nothing else', () => {
    expect(detectLayout(path('btc-all-data.html'))).toBe(farsideDailyHtml);
    expect(detectLayout(path('eth-all-data.html'))).toBe(farsideDailyHtml);
    expect(
      farsideDailyHtml.detect({ path: path('challenge.html'), name: 'challenge.html', head: '<html><title>x</title>' }),
    ).toBe(false);
    expect(farsideDailyHtml.detect({ path: path('btc-all-data.html'), name: 'btc-all-data.csv', head: '' })).toBe(
      false,
    );
  });

  it('parse turns a layout change into an ImportError', () => {
    expect(() => farsideDailyHtml.parse({ path: 'x/page.html', text: read('btc-layout-changed.html') })).toThrowError(
      ImportError,
    );
    const parsed = farsideDailyHtml.parse({ path: 'btc.html', text: read('btc-all-data.html') });
    expect(parsed.source).toBe('farside');
    expect(parsed.observations.length).toBeGreaterThan(20);
  });

  it('tidemark import reads a saved page and reports a changed one by name', async () => {
    const store = await openDuckDbStore(':memory:');
    try {
      const [good, changed] = await importFiles(store, [path('btc-all-data.html'), path('btc-layout-changed.html')]);
      expect(good).toMatchObject({
        layout: 'farside-daily-html',
        rejected: 0,
        firstDate: '2026-01-02',
        lastDate: '2026-01-07',
      });
      expect(good!.counts.inserted).toBe(good!.counts.inserted + good!.counts.revised);
      expect(good!.counts.inserted).toBeGreaterThan(20);
      expect(changed!.skipped).toMatch(/btc-layout-changed\.html: expected Farside's flow table/);
      expect((await store.read({ dataset: 'etf-flows-total', asset: 'BTC' })).map((o) => o.value)).toEqual([
        247_800_000, -406_100_000, 1_178_200_000, 0,
      ]);
    } finally {
      await store.close();
    }
  });
});
