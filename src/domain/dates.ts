// Calendar helpers on ISO dates (YYYY-MM-DD, UTC): validation, arithmetic, weekdays.
// Every date in Tidemark is a UTC calendar date string; timestamps are ISO-8601 UTC strings.

import { isoDateOfDayNumber, isoDayNumber } from './day-number.js';

const DAY_MS = 86_400_000;

/**
 * True when `text` is a real calendar date written YYYY-MM-DD (e.g. rejects 2025-02-30). Years 0000–0099
 * are read as written (not as 19xx, which Date.UTC would do).
 */
export function isIsoDate(text: string): boolean {
  return !Number.isNaN(isoDayNumber(text));
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * Reads a strict ISO-8601 timestamp: a real calendar date, `T`, hours 00–23, minutes and seconds 00–59,
 * an optional fraction and an optional zone (`Z` or ±HH:MM; none means UTC, never the machine's zone).
 * Returns the instant in canonical UTC form (`2025-01-02T03:04:05.000Z`), or null. Unlike Date.parse it
 * refuses 2025-02-30T00:00Z (which Date.parse rolls over into March) and 25:00.
 * parseIsoTimestamp('2025-01-02T01:00:00+02:00') = '2025-01-01T23:00:00.000Z'.
 */
export function parseIsoTimestamp(text: string): string | null {
  const m = ISO_TIMESTAMP.exec(text);
  if (!m || !isIsoDate(m[1]!)) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return null;
  const ms = Date.parse(m[6] === undefined ? `${text}Z` : text);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  // Years outside 0000–9999 (reachable through a zone offset) have no 4-digit ISO form.
  return /^\d{4}-/.test(iso) ? iso : null;
}

/** The day number of a valid ISO date (see isoDayNumber); throws a RangeError naming an invalid one. */
function dayNumberOf(isoDate: string): number {
  const n = isoDayNumber(isoDate);
  if (Number.isNaN(n)) throw new RangeError(`not a valid YYYY-MM-DD date: "${isoDate}"`);
  return n;
}

/** Milliseconds since the epoch at 00:00 UTC of `isoDate`. Throws on an invalid date. */
export function dateToMs(isoDate: string): number {
  return dayNumberOf(isoDate) * DAY_MS;
}

/** The ISO date of a millisecond timestamp (UTC). */
export function msToDate(ms: number): string {
  return isoDateOfDayNumber(Math.floor(ms / DAY_MS));
}

/** `isoDate` moved by `days` calendar days (negative moves back). addDays('2024-02-28', 2) = '2024-03-01'. */
export function addDays(isoDate: string, days: number): string {
  return isoDateOfDayNumber(dayNumberOf(isoDate) + Math.round(days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(isoDate) + 4) % 7) + 7) % 7;
}

/** True for Monday–Friday. */
export function isWeekday(isoDate: string): boolean {
  const d = dayOfWeek(isoDate);
  return d >= 1 && d <= 5;
}

/** Every calendar date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumberOf(from), end = dayNumberOf(to); d <= end; d += 1) out.push(isoDateOfDayNumber(d));
  return out;
}

/** The ISO timestamp at `hourUtc`:`minuteUtc` on `isoDate` plus `dayOffset` days. */
export function timestampOn(isoDate: string, dayOffset = 0, hourUtc = 0, minuteUtc = 0): string {
  const minutes = hourUtc * 60 + minuteUtc;
  if (!Number.isInteger(dayOffset) || !Number.isInteger(minutes)) {
    const ms = dateToMs(isoDate) + dayOffset * DAY_MS + minutes * 60_000;
    return new Date(ms).toISOString();
  }
  const carry = Math.floor(minutes / 1440);
  const inDay = minutes - carry * 1440;
  const hh = Math.floor(inDay / 60);
  const mm = inDay - hh * 60;
  const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
  return `${isoDateOfDayNumber(dayNumberOf(isoDate) + dayOffset + carry)}T${two(hh)}:${two(mm)}:00.000Z`;
}

/**
 * The exclusive cut-off instant of an as-of date: everything known strictly before 00:00 UTC of the
 * next day is visible "as of" `isoDate`. asOfCutoff('2026-01-06') = '2026-01-07T00:00:00.000Z'.
 */
export function asOfCutoff(isoDate: string): string {
  return timestampOn(isoDate, 1);
}

/** Today's UTC date. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
