// The daily close series every track-record statistic reads: validation (ascending dates, positive
// closes, optionally one row per calendar day) and an O(1) date → position lookup.
import type { DailyClose } from '../domain/track-record.js';
import { addDays } from '../domain/dates.js';
import { isoDayNumber } from '../domain/day-number.js';

/**
 * Throws unless `closes` has valid ISO dates in strictly ascending order and positive finite closes;
 * with `consecutive`, also one row per calendar day (crypto trades 24/7: a gap must be filled or
 * trimmed by the caller). `where` names the caller in the message:
 * `forwardReturns: closes[12] is 2024-01-14 after 2024-01-12: closes must be consecutive calendar days`.
 */
export function assertDailyCloses(closes: readonly DailyClose[], where: string, consecutive: boolean): void {
  let previousDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < closes.length; i++) {
    const { date, close } = closes[i]!;
    const day = isoDayNumber(date);
    if (Number.isNaN(day)) throw new RangeError(`${where}: closes[${i}].date "${date}" is not a YYYY-MM-DD date`);
    if (!Number.isFinite(close) || close <= 0)
      throw new RangeError(`${where}: closes[${i}].close (${date}) is ${close}: must be a positive number`);
    if (day <= previousDay)
      throw new RangeError(
        `${where}: closes[${i}].date ${date} is not after ${closes[i - 1]!.date}: dates must ascend`,
      );
    if (consecutive && i > 0 && day - previousDay !== 1)
      throw new RangeError(
        `${where}: closes[${i}] is ${date} after ${closes[i - 1]!.date}: closes must be consecutive calendar days`,
      );
    previousDay = day;
  }
}

/**
 * Consecutive daily closes from ascending ones: each missing calendar day takes the previous close
 * (a zero return), and its date is listed in `filledDates` so the caller can report it.
 * fillCalendarGaps([2015-08-08: 1.2, 2015-08-11: 0.99]) fills 08-09 and 08-10 with 1.2.
 */
export function fillCalendarGaps(closes: readonly DailyClose[]): {
  closes: DailyClose[];
  filledDates: string[];
} {
  assertDailyCloses(closes, 'fillCalendarGaps', false);
  const out: DailyClose[] = [];
  const filledDates: string[] = [];
  closes.forEach((c, i) => {
    if (i > 0) {
      const previous = closes[i - 1]!;
      const gap = isoDayNumber(c.date) - isoDayNumber(previous.date);
      for (let d = 1; d < gap; d++) {
        const date = addDays(previous.date, d);
        out.push({ date, close: previous.close });
        filledDates.push(date);
      }
    }
    out.push(c);
  });
  return { closes: out, filledDates };
}

/**
 * Position lookup for consecutive daily closes: the returned function maps a date to its index in
 * `closes`, or −1 when the date lies outside them (or is not a valid date).
 */
export function dayIndex(closes: readonly DailyClose[]): (date: string) => number {
  if (closes.length === 0) return () => -1;
  const firstDay = isoDayNumber(closes[0]!.date);
  const n = closes.length;
  return (date: string): number => {
    const i = isoDayNumber(date) - firstDay;
    return i >= 0 && i < n ? i : -1; // NaN fails both
  };
}
