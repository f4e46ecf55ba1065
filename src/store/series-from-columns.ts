// The pieces of a MarketSeries built straight from a point-in-time read's columns
// (observation-columns.ts): dated values of a field, cross-key sums and means, daily bars, weekly
// pivots. Each walks the rows once in their order (by date, then key, field, asset) and makes an
// object only for what it returns; dates and times become text through one shared ObservationText.
import { dollarVolumeUsd } from '../domain/series-sources.js';
import type { DailyBar, DatedValue } from '../domain/market-series.js';
import type { ObservationColumns, ObservationSeries, ObservationText } from './observation-columns.js';

/** Calendar days a key's last value stands in for a missing day in a cross-key sum or mean. */
export const CARRY_FORWARD_DAYS = 5;

/** Per series of `columns`, whether `test` holds for it (1) or not (0). */
export function seriesMask(columns: ObservationColumns, test: (series: ObservationSeries) => boolean): Uint8Array {
  return Uint8Array.from(columns.series, (s) => (test(s) ? 1 : 0));
}

/** Whether any row of `columns` belongs to a series for which `test` holds. */
export function anySeries(columns: ObservationColumns, test: (series: ObservationSeries) => boolean): boolean {
  return columns.series.some(test);
}

/** The keys of the rows, each once, in the order of their first row. */
export function keysInRowOrder(columns: ObservationColumns): string[] {
  const { series, seriesOf } = columns;
  const seen = new Uint8Array(series.length);
  const keys: string[] = [];
  const known = new Set<string>();
  for (let i = 0; i < seriesOf.length; i++) {
    const s = seriesOf[i]!;
    if (seen[s]) continue;
    seen[s] = 1;
    const { key } = series[s]!;
    if (!known.has(key)) {
      known.add(key);
      keys.push(key);
    }
  }
  return keys;
}

/** The rows of the series in `mask` as dated values, in row order. */
export function datedValues(columns: ObservationColumns, mask: Uint8Array, text: ObservationText): DatedValue[] {
  const { seriesOf, days, values, knownAtMs } = columns;
  const out: DatedValue[] = [];
  for (let i = 0; i < seriesOf.length; i++)
    if (mask[seriesOf[i]!])
      out.push({ date: text.date(days[i]!), value: values[i]!, knownAt: text.instant(knownAtMs[i]!) });
  return out;
}

/** The rows of `field` (and of `key`, when given) as dated values, in row order. */
export function fieldValues(
  columns: ObservationColumns,
  field: string,
  text: ObservationText,
  key?: string,
): DatedValue[] {
  return datedValues(
    columns,
    seriesMask(columns, (s) => s.field === field && (key === undefined || s.key === key)),
    text,
  );
}

/**
 * Sums (or averages) one field across `keys` per date, over the keys present on each date: a date
 * that any key reports counts. A key missing on a date contributes its last earlier value when that
 * value is at most CARRY_FORWARD_DAYS (5) calendar days old and the date is not past the key's own
 * last date (a fund that closed or stopped reporting drops out); otherwise it is left out. So a
 * fund launched later joins the total from its first date instead of erasing the earlier totals.
 * The result's knownAt is the latest knownAt of the values used. Keys are added in the order of
 * their first row (which fixes the order of the floating-point sum).
 */
export function acrossKeys(
  columns: ObservationColumns,
  field: string,
  keys: readonly string[],
  how: 'sum' | 'mean',
  text: ObservationText,
): DatedValue[] {
  const { series, seriesOf, days, values, knownAtMs } = columns;
  const wanted = new Set(keys);
  // Per series, its key's slot (in order of the key's first row), or -1 when not read.
  const slotOfSeries = new Int32Array(series.length).fill(-1);
  const slotOfKey = new Map<string, number>();
  const lastDay: number[] = [];
  const rowCount = seriesOf.length;
  const used = series.map((s) => s.field === field && wanted.has(s.key));
  for (let i = 0; i < rowCount; i++) {
    const s = seriesOf[i]!;
    if (!used[s]) continue;
    let slot = slotOfSeries[s]!;
    if (slot < 0) {
      const key = series[s]!.key;
      slot = slotOfKey.get(key) ?? -1;
      if (slot < 0) {
        slot = slotOfKey.size;
        slotOfKey.set(key, slot);
        lastDay.push(days[i]!);
      }
      slotOfSeries[s] = slot;
    }
    lastDay[slot] = days[i]!;
  }
  const keyCount = slotOfKey.size;
  // Per key, the last value seen (its day, value, publication time); day NaN while none.
  const carriedDay = new Float64Array(keyCount).fill(NaN);
  const carriedValue = new Float64Array(keyCount);
  const carriedKnown = new Float64Array(keyCount);
  // Keys whose first row came before the current date (a key joins the sum from its first date).
  let joined = 0;
  const out: DatedValue[] = [];
  for (let i = 0; i < rowCount;) {
    const day = days[i]!;
    let any = false;
    for (; i < rowCount && days[i] === day; i++) {
      const slot = slotOfSeries[seriesOf[i]!]!;
      if (slot < 0 || !used[seriesOf[i]!]) continue;
      any = true;
      carriedDay[slot] = day;
      carriedValue[slot] = values[i]!;
      carriedKnown[slot] = knownAtMs[i]!;
      if (slot >= joined) joined = slot + 1;
    }
    if (!any) continue;
    let total = 0;
    let n = 0;
    let known = -Infinity;
    for (let k = 0; k < joined; k++) {
      const from = carriedDay[k]!;
      if (Number.isNaN(from) || day > lastDay[k]! || day - from > CARRY_FORWARD_DAYS) continue;
      total += carriedValue[k]!;
      n += 1;
      if (carriedKnown[k]! > known) known = carriedKnown[k]!;
    }
    if (n > 0)
      out.push({ date: text.date(day), value: how === 'sum' ? total : total / n, knownAt: text.instant(known) });
  }
  return out;
}

/** Bar fields, by series field name: 0–3 the prices, 4–7 the volumes. */
const BAR_FIELD_SLOT: Readonly<Record<string, number>> = {
  open: 0,
  high: 1,
  low: 2,
  close: 3,
  volumeUsd: 4,
  volumeCoins: 5,
  volumeShares: 6,
  volumeContracts: 7,
};

/**
 * Daily bars from the rows of the series in `mask` (one instrument's): a bar is known when its
 * prices are; volume published later keeps its own time in `volumeKnownAt` (so slicing to an
 * earlier as-of can drop just the volume). A date without all four prices makes no bar; rows of
 * other fields are ignored. The last row of a field on a date counts.
 */
export function dailyBars(columns: ObservationColumns, mask: Uint8Array, text: ObservationText): DailyBar[] {
  const { series, seriesOf, days, values, knownAtMs } = columns;
  const slotOf = series.map((s, i) => (mask[i] ? (BAR_FIELD_SLOT[s.field] ?? -1) : -1));
  const day = new Float64Array(8);
  const present = new Uint8Array(8);
  const out: DailyBar[] = [];
  const rowCount = seriesOf.length;
  for (let i = 0; i < rowCount;) {
    const date = days[i]!;
    present.fill(0);
    let pricesKnown = -Infinity;
    let volumesKnown = -Infinity;
    for (; i < rowCount && days[i] === date; i++) {
      const slot = slotOf[seriesOf[i]!]!;
      if (slot < 0) continue;
      day[slot] = values[i]!;
      present[slot] = 1;
      const known = knownAtMs[i]!;
      if (slot < 4) {
        if (known > pricesKnown) pricesKnown = known;
      } else if (known > volumesKnown) volumesKnown = known;
    }
    if (!present[0] || !present[1] || !present[2] || !present[3]) continue;
    const close = day[3]!;
    const units = present[5] ? day[5]! : present[6] ? day[6]! : present[7] ? day[7]! : null;
    const volumeUsd = dollarVolumeUsd(present[4] ? day[4]! : null, units, close);
    const bar: { -readonly [K in keyof DailyBar]: DailyBar[K] } = {
      date: text.date(date),
      open: day[0]!,
      high: day[1]!,
      low: day[2]!,
      close,
      volumeUsd,
      volumeUnits: units,
      knownAt: text.instant(pricesKnown),
    };
    if (volumesKnown > pricesKnown) bar.volumeKnownAt = text.instant(volumesKnown);
    out.push(bar);
  }
  return out;
}

/** One date's fields of a pivot (byDate): the values by field and the latest publication time. */
export interface DatedFields {
  readonly day: number;
  readonly fields: Readonly<Record<string, number>>;
  readonly knownAtMs: number;
}

/**
 * Per date (ascending), the fields of the rows of the series in `mask` as one record (the last row
 * of a field on a date counts) and the latest publication time among them.
 */
export function fieldsByDate(columns: ObservationColumns, mask: Uint8Array): DatedFields[] {
  const { series, seriesOf, days, values, knownAtMs } = columns;
  const out: DatedFields[] = [];
  const rowCount = seriesOf.length;
  for (let i = 0; i < rowCount;) {
    const day = days[i]!;
    let fields: Record<string, number> | null = null;
    let known = -Infinity;
    for (; i < rowCount && days[i] === day; i++) {
      const s = seriesOf[i]!;
      if (!mask[s]) continue;
      fields ??= {};
      fields[series[s]!.field] = values[i]!;
      if (knownAtMs[i]! > known) known = knownAtMs[i]!;
    }
    if (fields !== null) out.push({ day, fields, knownAtMs: known });
  }
  return out;
}
