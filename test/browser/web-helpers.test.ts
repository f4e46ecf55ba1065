// The dashboard's pure helpers (no browser needed): URL state, defensive readers, series
// aggregation, regime spans and event-study reading, with hand-worked expectations.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import { formatUsd } from '../../src/format/money.js';
import { formatField, formatSize } from '../../src/web/format.js';
import { asDatedSeries, scalarFields } from '../../src/web/read.js';
import { byKey, meanByDate, onlyKey, sumByDate, weekStart } from '../../src/web/series.js';
import { readViewState, viewQuery } from '../../src/web/state.js';

describe('view state in the URL', () => {
  it('round-trips page, as-of and asset', () => {
    const view = readViewState('?tab=etf-flows&asOf=2025-11-20&asset=eth');
    expect(view).toEqual({ page: 'etf-flows', asOf: '2025-11-20', asset: 'ETH' });
    expect(readViewState(viewQuery(view))).toEqual(view);
  });
  it('falls back on unknown values', () => {
    expect(readViewState('?tab=nope&asOf=2025-13&asset=SOL')).toEqual({ page: 'overview', asOf: null, asset: 'BTC' });
  });
});

describe('defensive readers', () => {
  it('reads dated series from objects and pairs, skipping bad points', () => {
    expect(
      asDatedSeries([{ date: '2025-01-01', value: 2 }, ['2025-01-02', 3], { date: '2025-01-03', value: 'x' }, null]),
    ).toEqual([
      { date: '2025-01-01', value: 2 },
      { date: '2025-01-02', value: 3 },
    ]);
    expect(asDatedSeries(undefined)).toEqual([]);
  });
  it('flattens one level of nested scalars and skips arrays and availability', () => {
    expect(
      scalarFields({ a: 1, b: { c: 'x', d: [1] }, availability: { available: true }, e: [1, 2], f: null }),
    ).toEqual([
      ['a', 1],
      ['b c', 'x'],
    ]);
  });
});

describe('series aggregation', () => {
  const table = {
    columns: ['date', 'venue', 'open_interest_usd'],
    rows: [
      ['2025-01-02', 'b', 30],
      ['2025-01-01', 'a', 10],
      ['2025-01-01', 'b', 20],
      ['2025-01-02', 'a', null],
    ],
  };
  it('sums and averages per date, ascending, skipping nulls', () => {
    expect(sumByDate(table, 'open_interest_usd')).toEqual([
      { date: '2025-01-01', value: 30 },
      { date: '2025-01-02', value: 30 },
    ]);
    expect(meanByDate(table, 'open_interest_usd')).toEqual([
      { date: '2025-01-01', value: 15 },
      { date: '2025-01-02', value: 30 },
    ]);
    expect(byKey(table, 'venue', 'open_interest_usd').get('a')).toEqual(new Map([['2025-01-01', 10]]));
    expect(sumByDate(table, 'missing')).toEqual([]);
  });
  it('finds the Monday of the ISO week', () => {
    expect(weekStart('2025-11-20')).toBe('2025-11-17'); // a Thursday
    expect(weekStart('2025-11-23')).toBe('2025-11-17'); // Sunday belongs to the week before
    expect(weekStart('2025-11-24')).toBe('2025-11-24');
  });
});

describe('formatting', () => {
  it('formats by field name and unit', () => {
    expect(formatUsd(-1_580_000_000)).toBe('−$1.58B');
    expect(formatField('oiChangePct', -23.07)).toBe('\u221223.1%');
    expect(formatField('outflowShare', 0.7)).toBe('70.0%');
    expect(formatField('volumeTrendRatio', 0.9111)).toBe('0.91×');
    expect(formatField('fundingRate8h', 0.0001)).toBe('0.0100% per 8h');
    expect(formatSize(8_052_000_000, 'USD net outflow')).toBe('$8.05B net outflow');
    expect(formatSize(12, 'coins')).toBe('12 coins');
  });
});

describe('CSV, the per-fund table and the previous session', () => {
  it('writes RFC 4180 CSV and joins series on date', async () => {
    const { seriesCsv, toCsv } = await import('../../src/web/csv.js');
    expect(
      toCsv({
        header: ['date', 'title'],
        rows: [
          ['2026-01-02', 'a, "b"'],
          ['2026-01-03', null],
        ],
      }),
    ).toBe('date,title\r\n2026-01-02,"a, ""b"""\r\n2026-01-03,\r\n');
    expect(
      seriesCsv([
        { name: 'a', points: [{ date: '2026-01-02', value: 1 }] },
        {
          name: 'b',
          points: [
            { date: '2026-01-01', value: 2 },
            { date: '2026-01-02', value: 3 },
          ],
        },
      ]),
    ).toEqual({
      header: ['date', 'a', 'b'],
      rows: [
        ['2026-01-01', null, 2],
        ['2026-01-02', 1, 3],
      ],
    });
  });
  it('orders funds as Farside does, latest day first, totals over the funds that reported', async () => {
    const { fundFlowTable } = await import('../../src/web/pages/etf-fund-table.js');
    const perFund = new Map([
      [
        'GBTC',
        new Map([
          ['2026-01-02', -100],
          ['2026-01-05', -50],
        ]),
      ],
      ['IBIT', new Map([['2026-01-02', 300]])],
      ['ZZZZ', new Map([['2026-01-05', 10]])],
    ]);
    expect(fundFlowTable(perFund, 'BTC')).toEqual({
      funds: ['IBIT', 'GBTC', 'ZZZZ'],
      days: [
        { date: '2026-01-05', flowsUsd: [null, -50, 10], totalUsd: -40 },
        { date: '2026-01-02', flowsUsd: [300, -100, null], totalUsd: 200 },
      ],
    });
  });
  it('takes the previous US trading day as the previous session', async () => {
    const { previousSession } = await import('../../src/web/what-changed.js');
    expect(previousSession('2026-01-05')).toBe('2026-01-02'); // Monday → Friday
    expect(previousSession('2025-11-28')).toBe('2025-11-26'); // Thanksgiving skipped
    expect(previousSession('2026-08-18')).toBe('2026-08-17');
  });
  it('marks a figure "(stale)" only when its own input is stale, as the note does', async () => {
    const { markStale } = await import('../../src/web/what-changed.js');
    const analysis = {
      freshness: [
        { input: 'openInterestUsd', lastDate: '2026-04-11', ageDays: 87, stale: true },
        { input: 'cme', lastDate: '2026-07-06', ageDays: 1, stale: false },
      ],
    } as unknown as Analysis;
    expect(markStale(analysis, 'openInterestUsd', '$24.6B')).toBe('$24.6B (stale)');
    expect(markStale(analysis, 'cme', '+10.5%')).toBe('+10.5%');
    expect(markStale(analysis, 'fundingRate8h', '−0.0007% per 8h')).toBe('−0.0007% per 8h');
  });
  it('names the stale inputs a table reads, with their last date and age, above the table', async () => {
    const { staleInputsLine } = await import('../../src/web/what-changed.js');
    const analysis = {
      freshness: [
        { input: 'spot', lastDate: '2026-07-06', ageDays: 1, stale: false },
        { input: 'openInterestUsd', lastDate: '2026-04-11', ageDays: 87, stale: true },
        { input: 'cme', lastDate: '2026-04-16', ageDays: 82, stale: true },
      ],
    } as unknown as Analysis;
    expect(staleInputsLine(analysis, ['openInterestUsd', 'cme'])).toBe(
      'Stale, left out of the call: perp open interest (last 11 Apr 2026, 87 days old); CME futures (last 16 Apr 2026, 82 days old).',
    );
    expect(staleInputsLine(analysis, ['spot'])).toBeNull();
  });
});

describe('one source out of several', () => {
  const spot = {
    columns: ['date', 'venue', 'close'],
    rows: [
      ['2026-01-15', 'coingecko', 95514.88],
      ['2026-01-15', 'cryptoquant', 95583.35],
    ],
  };
  it('charts the source the analysis read instead of the mean across sources', () => {
    expect(meanByDate(spot, 'close')[0]?.value).toBeCloseTo(95549.115, 3);
    expect(meanByDate(onlyKey(spot, 'venue', 'cryptoquant'), 'close')).toEqual([
      { date: '2026-01-15', value: 95583.35 },
    ]);
  });
  it('keeps every row when the source is unknown or absent', () => {
    expect(onlyKey(spot, 'venue', undefined)).toBe(spot);
    expect(onlyKey(spot, 'venue', 'kraken')).toBe(spot);
  });
});
