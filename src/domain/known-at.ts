// When each kind of number becomes public (point-in-time rules). Importers and connectors use these
// so that an analysis as of a past date never sees a number before it was published.
// Sources: ../shared/domain-notes.md ("When a number becomes known").
import { COT_DELAYED_RELEASES } from './cot-release-schedule.js';
import type { DatasetName } from './datasets.js';
import { addDays, dateRange, dayOfWeek, isWeekday, timestampOn } from './dates.js';
import { isUsFederalHoliday, isUsTradingDay } from './us-market-calendar.js';

/** Farside ETF flows for US trading day D: the table fills in that evening (US) — known D+1 02:00 UTC. */
export function etfFlowKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 1, 2);
}

/** A crypto daily bar or daily aggregate closing at 00:00 UTC after D: known D+1 00:00 UTC. */
export function cryptoDailyKnownAt(date: string): string {
  return timestampOn(date, 1);
}

/** A US-listed instrument's daily bar (close 16:00 New York): known D 21:00 UTC. */
export function usCloseKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 0, 21);
}

/** CME settlement for trade date D (~16:00 Chicago): known D 22:00 UTC. */
export function cmeSettleKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 0, 22);
}

/**
 * CME final volume and open interest for trade date D: the settlement price is out the same
 * afternoon, but CME publishes the day's cleared volume and open interest only the next business
 * morning (Daily Bulletin, ~09:00 Chicago). Known at the next US trading day after D, 15:00 UTC
 * (09:00 Chicago in summer is 14:00 UTC, in winter 15:00 UTC; we use the later of the two all year).
 * Friday 2025-07-11 → Monday 2025-07-14T15:00:00.000Z; Thursday 2025-07-03 (Friday the 4th is a
 * holiday) → 2025-07-07T15:00:00.000Z. A non-trading D (a weekend-dated row) also maps to the next
 * trading day after it.
 */
export function cmeOpenInterestKnownAt(tradeDate: string): string {
  let next = addDays(tradeDate, 1);
  while (!isUsTradingDay(next)) next = addDays(next, 1);
  return timestampOn(next, 0, 15);
}

/**
 * CFTC Commitments of Traders: positions as of Tuesday D, normally published Friday 15:30 New York
 * (20:30 UTC in winter; we use 20:30 UTC all year, the later of the two). Exceptions:
 * - reports in COT_DELAYED_RELEASES (the post-shutdown catch-up schedules) at their real date;
 * - a week with a US federal holiday from the Monday before the report to the Friday is published
 *   a business day late: we use the next trading day after that Friday (later, never earlier, than
 *   the real release — safe for point-in-time reads).
 * cotKnownAt('2026-01-06') = '2026-01-16T20:30:00.000Z' (catch-up); cotKnownAt('2026-02-24') = Friday 2026-02-27 20:30 UTC.
 */
export function cotKnownAt(reportDate: string): string {
  const delayed = COT_DELAYED_RELEASES[reportDate];
  if (delayed) return timestampOn(delayed, 0, 20, 30);
  const daysToFriday = (5 - dayOfWeek(reportDate) + 7) % 7 || 7;
  const friday = addDays(reportDate, daysToFriday);
  const holidayWeek = dateRange(addDays(reportDate, -1), friday).some((d) => isWeekday(d) && isUsFederalHoliday(d));
  if (!holidayWeek) return timestampOn(friday, 0, 20, 30);
  let release = addDays(friday, 1);
  while (!isUsTradingDay(release) || isUsFederalHoliday(release)) release = addDays(release, 1);
  return timestampOn(release, 0, 20, 30);
}

/** A weekly or monthly aggregate dated by its last day: known the day after, 00:00 UTC. */
export function periodEndKnownAt(periodEnd: string): string {
  return timestampOn(periodEnd, 1);
}

/**
 * Datasets whose source publishes a day as one table row listing every key, and fills a key's cell
 * in later: Farside's flow table shows "-" for a fund that has not reported yet and the figure once
 * it has (late funds, D+1 afternoon or days later). For these, a key missing from a stored day and
 * present in a later snapshot of the same source was not public before that snapshot: it is known
 * from the snapshot's time, not from the day's own publication time (see sources/first-seen.ts).
 */
export const LATE_FILLED_DATASETS: ReadonlySet<DatasetName> = new Set<DatasetName>(['etf-flows']);
