// Turns API wide rows into the dated series charts draw: per-date sums or means across venues or
// funds, and per-key series. Display aggregation only; no analytics here.
import type { SeriesTable } from './api.js';
import type { DatedPoint } from './read.js';
import { dollarVolumeUsd, perpSourceLabel, perpVenuesFor } from '../domain/series-sources.js';

/** Index of a column, or -1. */
export function columnIndex(table: SeriesTable, name: string): number {
  return table.columns.indexOf(name);
}

function reduceByDate(table: SeriesTable, field: string, mean: boolean): DatedPoint[] {
  const di = columnIndex(table, 'date');
  const fi = columnIndex(table, field);
  if (di < 0 || fi < 0) return [];
  const acc = new Map<string, { sum: number; n: number }>();
  for (const row of table.rows) {
    const date = row[di];
    const v = row[fi];
    if (typeof date !== 'string' || typeof v !== 'number' || !Number.isFinite(v)) continue;
    const a = acc.get(date) ?? { sum: 0, n: 0 };
    a.sum += v;
    a.n += 1;
    acc.set(date, a);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, a]) => ({ date, value: mean ? a.sum / a.n : a.sum }));
}

/** Sum of `field` across keys for each date, ascending; rows with a null field are skipped. */
export function sumByDate(table: SeriesTable, field: string): DatedPoint[] {
  return reduceByDate(table, field, false);
}

/** Mean of `field` across keys for each date, ascending. */
export function meanByDate(table: SeriesTable, field: string): DatedPoint[] {
  return reduceByDate(table, field, true);
}

/** `field` per key (fund, venue …) per date: Map key → Map date → value. */
export function byKey(table: SeriesTable, keyColumn: string, field: string): Map<string, Map<string, number>> {
  const di = columnIndex(table, 'date');
  const ki = columnIndex(table, keyColumn);
  const fi = columnIndex(table, field);
  const out = new Map<string, Map<string, number>>();
  if (di < 0 || ki < 0 || fi < 0) return out;
  for (const row of table.rows) {
    const date = row[di];
    const key = row[ki];
    const v = row[fi];
    if (typeof date !== 'string' || typeof v !== 'number' || !Number.isFinite(v)) continue;
    const k = String(key);
    let m = out.get(k);
    if (!m) out.set(k, (m = new Map()));
    m.set(date, v);
  }
  return out;
}

/** Monday (ISO week start) of a YYYY-MM-DD date, as YYYY-MM-DD. */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD shifted by `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The rows whose `keyColumn` equals `key` (e.g. the one spot source the analysis read), so a chart
 * shows the figure the engine used instead of a mean across sources; the whole table when `key`
 * is undefined or matches no row.
 */
export function onlyKey(table: SeriesTable, keyColumn: string, key: string | undefined): SeriesTable {
  const ki = columnIndex(table, keyColumn);
  if (key === undefined || ki < 0) return table;
  const rows = table.rows.filter((row) => row[ki] === key);
  return rows.length > 0 ? { ...table, rows } : table;
}

/** The keys (venue, contract …) whose rows carry a finite `field`. */
function keysCarrying(table: SeriesTable, keyColumn: string, field: string): Set<string> {
  const ki = columnIndex(table, keyColumn);
  const fi = columnIndex(table, field);
  const out = new Set<string>();
  if (ki < 0 || fi < 0) return out;
  for (const row of table.rows) {
    const v = row[fi];
    if (typeof v === 'number' && Number.isFinite(v)) out.add(String(row[ki]));
  }
  return out;
}

/**
 * A perp field as the analysis reads it (domain/series-sources.ts): the all-venue aggregate when it
 * carries the field, else the sum or mean of the single venues that do; with its source for the label.
 */
export function perpSeries(
  table: SeriesTable,
  field: string,
  how: 'sum' | 'mean',
): { points: DatedPoint[]; source: string } {
  const venues = perpVenuesFor(keysCarrying(table, 'venue', field));
  const ki = columnIndex(table, 'venue');
  const rows = table.rows.filter((row) => venues.includes(String(row[ki])));
  const picked = { ...table, rows };
  return {
    points: how === 'sum' ? sumByDate(picked, field) : meanByDate(picked, field),
    source: perpSourceLabel(venues, how),
  };
}

/**
 * Daily dollar volume of one spot source (the one the analysis read), by the analysis's rule
 * (domain/series-sources.ts dollarVolumeUsd): USD volume, else coins × close; days without either
 * are left out (gaps stay gaps, never another source's figure).
 */
export function spotDollarVolume(table: SeriesTable, source: string | undefined): DatedPoint[] {
  const di = columnIndex(table, 'date');
  const vi = columnIndex(table, 'venue');
  const ui = columnIndex(table, 'volume_usd');
  const ci = columnIndex(table, 'volume_coins');
  const pi = columnIndex(table, 'close');
  if (di < 0 || pi < 0 || source === undefined) return [];
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const out: DatedPoint[] = [];
  for (const row of table.rows) {
    const date = row[di];
    const close = num(row[pi]);
    if (typeof date !== 'string' || close === null || (vi >= 0 && row[vi] !== source)) continue;
    const usd = dollarVolumeUsd(ui < 0 ? null : num(row[ui]), ci < 0 ? null : num(row[ci]), close);
    if (usd !== null) out.push({ date, value: usd });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
