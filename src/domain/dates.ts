// Calendar helpers on ISO dates (YYYY-MM-DD, UTC): validation, arithmetic, weekdays.
// Every date in Tidemark is a UTC calendar date string; timestamps are ISO-8601 UTC strings.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `text` is a real calendar date written YYYY-MM-DD (e.g. rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const t = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(t).toISOString().slice(0, 10) === text;
}

/** Milliseconds since the epoch at 00:00 UTC of `isoDate`. Throws on an invalid date. */
export function dateToMs(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a valid YYYY-MM-DD date: "${isoDate}"`);
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** The ISO date of a millisecond timestamp (UTC). */
export function msToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `isoDate` moved by `days` calendar days (negative moves back). addDays('2024-02-28', 2) = '2024-03-01'. */
export function addDays(isoDate: string, days: number): string {
  return msToDate(dateToMs(isoDate) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToMs(to) - dateToMs(from)) / DAY_MS);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  return new Date(dateToMs(isoDate)).getUTCDay();
}

/** True for Monday–Friday. */
export function isWeekday(isoDate: string): boolean {
  const d = dayOfWeek(isoDate);
  return d >= 1 && d <= 5;
}

/** Every calendar date from `from` to `to`, both included. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = dateToMs(from), end = dateToMs(to); t <= end; t += DAY_MS) out.push(msToDate(t));
  return out;
}

/** The ISO timestamp at `hourUtc`:`minuteUtc` on `isoDate` plus `dayOffset` days. */
export function timestampOn(isoDate: string, dayOffset = 0, hourUtc = 0, minuteUtc = 0): string {
  const ms = dateToMs(isoDate) + dayOffset * DAY_MS + (hourUtc * 60 + minuteUtc) * 60_000;
  return new Date(ms).toISOString();
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
