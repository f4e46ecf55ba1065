// Series built from a read's columns, on small hand-made column sets with hand-computed results:
// bars (a missing price, volume published later), cross-key sums and means (carry-forward, a key's
// last date), per-date pivots and key order.
import { describe, expect, it } from 'vitest';
/** Days since 1970-01-01 of a YYYY-MM-DD date. */
const dayNumberOf = (date: string): number => Date.parse(date) / 86_400_000;
import type { ObservationColumns, ObservationSeries } from '../../src/store/observation-columns.js';
import { ObservationText } from '../../src/store/observation-columns.js';
import {
  acrossKeys,
  dailyBars,
  fieldsByDate,
  fieldValues,
  keysInRowOrder,
  seriesMask,
} from '../../src/store/series-from-columns.js';

/** [date, key, field, value, knownAt] rows (already in read order) as a column set. */
function columnsOf(rows: readonly [string, string, string, number, string][]): ObservationColumns {
  const series: ObservationSeries[] = [];
  const index = new Map<string, number>();
  const seriesOf = rows.map(([, key, field]) => {
    const id = `${key}|${field}`;
    if (!index.has(id)) {
      index.set(id, series.length);
      series.push({ field, asset: 'BTC', key, source: 'test' });
    }
    return index.get(id)!;
  });
  return {
    dataset: 'perp',
    series,
    seriesOf: Int32Array.from(seriesOf),
    days: Int32Array.from(rows, ([date]) => dayNumberOf(date)),
    values: Float64Array.from(rows, ([, , , value]) => value),
    knownAtMs: Float64Array.from(rows, ([, , , , knownAt]) => Date.parse(knownAt)),
  };
}

const T = (date: string, hour = 0): string => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('dailyBars', () => {
  const columns = columnsOf([
    ['2026-01-05', 'x', 'open', 10, T('2026-01-05', 23)],
    ['2026-01-05', 'x', 'high', 12, T('2026-01-05', 23)],
    ['2026-01-05', 'x', 'low', 9, T('2026-01-05', 23)],
    ['2026-01-05', 'x', 'close', 11, T('2026-01-05', 23)],
    ['2026-01-05', 'x', 'volumeCoins', 100, T('2026-01-06', 12)],
    ['2026-01-06', 'x', 'open', 11, T('2026-01-06', 23)],
    ['2026-01-06', 'x', 'high', 13, T('2026-01-06', 23)],
    ['2026-01-06', 'x', 'close', 12, T('2026-01-06', 23)],
    ['2026-01-07', 'x', 'open', 12, T('2026-01-07', 23)],
    ['2026-01-07', 'x', 'high', 12, T('2026-01-07', 23)],
    ['2026-01-07', 'x', 'low', 8, T('2026-01-07', 23)],
    ['2026-01-07', 'x', 'close', 8, T('2026-01-07', 22)],
    ['2026-01-07', 'x', 'volumeUsd', 5_000, T('2026-01-07', 20)],
    ['2026-01-07', 'y', 'close', 1, T('2026-01-07', 23)],
  ]);

  it('makes a bar per date with all four prices; dollar volume from units × close or the USD volume', () => {
    const bars = dailyBars(
      columns,
      seriesMask(columns, (s) => s.key === 'x'),
      new ObservationText(),
    );
    expect(bars).toEqual([
      {
        date: '2026-01-05',
        open: 10,
        high: 12,
        low: 9,
        close: 11,
        volumeUsd: 1_100,
        volumeUnits: 100,
        knownAt: T('2026-01-05', 23),
        volumeKnownAt: T('2026-01-06', 12),
      },
      // 2026-01-06 has no low: no bar. Volume known before the prices: no volumeKnownAt.
      {
        date: '2026-01-07',
        open: 12,
        high: 12,
        low: 8,
        close: 8,
        volumeUsd: 5_000,
        volumeUnits: null,
        knownAt: T('2026-01-07', 23),
      },
    ]);
  });
});

describe('acrossKeys', () => {
  // a reports every day to 01-10; b from 01-03, misses 01-04..01-09 (carried at most 5 days), last 01-10.
  const columns = columnsOf([
    ['2026-01-01', 'a', 'oi', 1, T('2026-01-01', 1)],
    ['2026-01-03', 'a', 'oi', 2, T('2026-01-03', 1)],
    ['2026-01-03', 'b', 'oi', 10, T('2026-01-03', 5)],
    ['2026-01-08', 'a', 'oi', 3, T('2026-01-08', 1)],
    ['2026-01-09', 'a', 'oi', 4, T('2026-01-09', 1)],
    ['2026-01-09', 'a', 'other', 99, T('2026-01-09', 9)],
    ['2026-01-10', 'b', 'oi', 20, T('2026-01-10', 2)],
    ['2026-01-12', 'a', 'oi', 5, T('2026-01-12', 1)],
  ]);
  const text = new ObservationText();

  it('sums the keys present on each date, carrying a missing key at most 5 days and never past its last date', () => {
    expect(acrossKeys(columns, 'oi', ['a', 'b'], 'sum', text)).toEqual([
      { date: '2026-01-01', value: 1, knownAt: T('2026-01-01', 1) },
      { date: '2026-01-03', value: 12, knownAt: T('2026-01-03', 5) },
      // b's 01-03 value is 5 days old on 01-08: carried; 6 days on 01-09: dropped.
      { date: '2026-01-08', value: 13, knownAt: T('2026-01-08', 1) },
      { date: '2026-01-09', value: 4, knownAt: T('2026-01-09', 1) },
      // a carried from 01-09; b's own value.
      { date: '2026-01-10', value: 24, knownAt: T('2026-01-10', 2) },
      // b's last date is 01-10: it drops out.
      { date: '2026-01-12', value: 5, knownAt: T('2026-01-12', 1) },
    ]);
  });

  it('averages over the keys used, and reads only the keys asked for', () => {
    expect(acrossKeys(columns, 'oi', ['a', 'b'], 'mean', text).map((p) => p.value)).toEqual([1, 6, 6.5, 4, 12, 5]);
    expect(acrossKeys(columns, 'oi', ['b'], 'sum', text).map((p) => [p.date, p.value])).toEqual([
      ['2026-01-03', 10],
      ['2026-01-10', 20],
    ]);
  });

  it('gives the keys in the order of their first row, and a field’s values per key', () => {
    expect(keysInRowOrder(columns)).toEqual(['a', 'b']);
    expect(fieldValues(columns, 'oi', text, 'b').map((p) => p.value)).toEqual([10, 20]);
    expect(fieldValues(columns, 'other', text)).toEqual([
      { date: '2026-01-09', value: 99, knownAt: T('2026-01-09', 9) },
    ]);
  });
});

describe('fieldsByDate', () => {
  it('pivots the fields of each date into one record with their latest publication time', () => {
    const columns = columnsOf([
      ['2026-01-06', 'tff', 'openInterestCoins', 50, T('2026-01-09', 20)],
      ['2026-01-06', 'tff', 'leveragedFundsNetCoins', -7, T('2026-01-10', 20)],
      ['2026-01-13', 'tff', 'openInterestCoins', 52, T('2026-01-16', 20)],
    ]);
    expect(
      fieldsByDate(
        columns,
        seriesMask(columns, () => true),
      ),
    ).toEqual([
      {
        day: dayNumberOf('2026-01-06'),
        fields: { openInterestCoins: 50, leveragedFundsNetCoins: -7 },
        knownAtMs: Date.parse(T('2026-01-10', 20)),
      },
      { day: dayNumberOf('2026-01-13'), fields: { openInterestCoins: 52 }, knownAtMs: Date.parse(T('2026-01-16', 20)) },
    ]);
  });
});
