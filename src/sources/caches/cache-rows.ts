// The `{ metadata, rows: [{ date, availableAfter, metrics, ... }] }` JSON cache shape shared by the
// Farside, Binance and CFTC caches: validates the envelope and each row's date, publication time and
// metrics, rejecting bad rows (with line and field) so that the rest of the file imports.
import { isIsoDate, parseIsoTimestamp, todayUtc } from '../../domain/dates.js';
import { checkMarketDate } from '../../domain/observation-check.js';
import { ImportError } from '../errors.js';
import type { RowReject } from '../layout.js';
import { arrayElementLines, nonFiniteToken, parseJsonText } from './json-text.js';

/** One row of a cache that passed the envelope checks. */
export interface CacheRow {
  /** 0-based index in `rows`. */
  readonly index: number;
  readonly date: string;
  /** `availableAfter`, the cache's point-in-time publication timestamp. */
  readonly availableAfter: string;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A parsed cache: metadata, the usable rows, and a reject collector that knows row lines. */
export interface JsonCache {
  readonly metadata: Readonly<Record<string, unknown>>;
  /** metadata.fetchedAt when it is a valid timestamp. */
  readonly fetchedAt: string | undefined;
  readonly rows: CacheRow[];
  /** The rejects so far, in row order. */
  sortedRejects(): RowReject[];
  /** Records a reject for row `index`; `field` is the path inside the row, e.g. "metrics.openInterestUSD". */
  reject(index: number, field: string | undefined, message: string): void;
  /** The 1-based file line on which row `index` starts. */
  lineOf(index: number): number;
  /** Adds rejects found elsewhere (e.g. by CheckedRows) so that sortedRejects lists them in row order. */
  addRejects(rejects: readonly RowReject[]): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Describes a JSON value for an error message: `string "abc"`, `null`, `NaN`. */
export function describeJsonValue(v: unknown): string {
  const token = nonFiniteToken(v);
  if (token) return token;
  if (v === undefined) return 'nothing (field missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object';
  return `${typeof v} ${String(v)}`;
}

/**
 * Checks a JSON number: returns it when finite, else the reject message (wrong type, NaN/Infinity).
 * Example: jsonNumber("12") → { ok: false, message: 'expected a number, found string "12"' }.
 */
export function jsonNumber(v: unknown): { ok: true; value: number } | { ok: false; message: string } {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v };
  if (nonFiniteToken(v)) return { ok: false, message: `${nonFiniteToken(v)} is not a finite number` };
  return { ok: false, message: `expected a number, found ${describeJsonValue(v)}` };
}

/**
 * Reads a `{ metadata, rows }` cache. Throws ImportError on malformed JSON or a wrong envelope
 * (naming the layout and file). Rows that are not objects, lack a valid `date` (YYYY-MM-DD from
 * FIRST_MARKET_DATE to `today` + the largest dataset lag), `availableAfter` (strict ISO timestamp,
 * not before the date) or a `metrics` object, or repeat an earlier date, are rejected; the first row
 * of a date is kept. `today` defaults to the clock.
 */
export function readJsonCache(layout: string, path: string, text: string, today: string = todayUtc()): JsonCache {
  const root = parseJsonText(layout, path, text);
  if (!isRecord(root) || !Array.isArray(root['rows'])) {
    throw new ImportError(
      `${layout}: ${path}: expected an object { metadata, rows: [...] }, found ${describeJsonValue(root)}${isRecord(root) ? ` with keys ${Object.keys(root).join(', ')}` : ''}`,
    );
  }
  const metadata = isRecord(root['metadata']) ? root['metadata'] : {};
  const fetched = metadata['fetchedAt'];
  const fetchedAt = typeof fetched === 'string' ? (parseIsoTimestamp(fetched) ?? undefined) : undefined;
  let lines: number[] | null = null;
  const lineOf = (index: number): number => {
    lines ??= arrayElementLines(text, 'rows');
    return lines[index] ?? 1;
  };
  const rejects: { line: number; order: number; reject: RowReject }[] = [];
  const reject = (index: number, field: string | undefined, message: string): void => {
    const at = `rows[${index}]`;
    const line = lineOf(index);
    rejects.push({ line, order: rejects.length, reject: { line, field: field ? `${at}.${field}` : at, message } });
  };
  const addRejects = (more: readonly RowReject[]): void => {
    for (const r of more) rejects.push({ line: r.line, order: rejects.length, reject: r });
  };
  const sortedRejects = (): RowReject[] =>
    [...rejects].sort((a, b) => a.line - b.line || a.order - b.order).map((r) => r.reject);
  const rows: CacheRow[] = [];
  const seen = new Set<string>();
  (root['rows'] as unknown[]).forEach((raw, index) => {
    if (!isRecord(raw)) return reject(index, undefined, `expected an object, found ${describeJsonValue(raw)}`);
    const date = raw['date'];
    if (typeof date !== 'string' || !isIsoDate(date))
      return reject(index, 'date', `expected a YYYY-MM-DD date, found ${describeJsonValue(date)}`);
    const outOfRange = checkMarketDate(date, null, today);
    if (outOfRange) return reject(index, 'date', outOfRange);
    if (seen.has(date)) return reject(index, 'date', `duplicate date ${date}: the first row is kept`);
    seen.add(date);
    const after = raw['availableAfter'];
    const availableAfter = typeof after === 'string' ? parseIsoTimestamp(after) : null;
    if (availableAfter === null) {
      return reject(index, 'availableAfter', `expected an ISO timestamp, found ${describeJsonValue(after)}`);
    }
    if (availableAfter < `${date}T00:00:00.000Z`)
      return reject(index, 'availableAfter', `${after} is before the row's date ${date}`);
    const metrics = raw['metrics'];
    if (!isRecord(metrics)) return reject(index, 'metrics', `expected an object, found ${describeJsonValue(metrics)}`);
    rows.push({ index, date, availableAfter, metrics, raw });
  });
  return { metadata, fetchedAt, rows, sortedRejects, reject, lineOf, addRejects };
}

/** True when the probe's text looks like a `{ metadata, rows }` cache mentioning every `marker`. */
export function looksLikeCache(head: string, markers: readonly string[]): boolean {
  return /^\uFEFF?\s*\{/.test(head) && /"(metadata|rows)"\s*:/.test(head) && markers.every((m) => head.includes(m));
}
