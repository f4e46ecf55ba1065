// Weekly net ETF flows (weeks ending Friday), whether each week is complete at the as-of date, and
// the streak of positive complete weeks.
import { addDays, dayOfWeek } from '../domain/dates.js';
import type { DatedValue } from '../domain/market-series.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import type { WeeklyNetFlow } from '../domain/sections/etf-flows.js';

/** The Friday on or after `date`. fridayOnOrAfter('2026-01-06') = '2026-01-09'. */
export function fridayOnOrAfter(date: string): string {
  return addDays(date, (5 - dayOfWeek(date) + 7) % 7);
}

/**
 * The last NYSE trading day of the Saturday–Friday week ending `weekEnding` (a Friday); the
 * Friday itself when the whole week is closed (never happens on the NYSE calendar).
 * lastUsTradingDayOfWeek('2026-04-03') = '2026-04-02' (Good Friday).
 */
export function lastUsTradingDayOfWeek(weekEnding: string): string {
  for (let back = 0; back < 7; back += 1) {
    const day = addDays(weekEnding, -back);
    if (isUsTradingDay(day)) return day;
  }
  return weekEnding;
}

/**
 * Sums daily totals into weeks ending Friday, ascending; keeps the last `weeks` (default 12).
 * The current, incomplete week is included (its `days` says how many days it holds). With `asOf`,
 * each week carries `complete`: true when `asOf` is after the week's last US trading day.
 */
export function weeklyNetFlows(
  dailyTotals: readonly DatedValue[],
  options: { weeks?: number; asOf?: string } = {},
): WeeklyNetFlow[] {
  const weeks = options.weeks ?? 12;
  const byWeek = new Map<string, { netFlowUsd: number; days: number }>();
  let lastKey = '';
  let lastSaturday = '';
  for (const d of dailyTotals) {
    // Dates usually come ascending: reuse the previous week's Friday while the date is inside that week.
    let key = lastKey;
    if (!(d.date <= lastKey && d.date >= lastSaturday)) {
      key = lastKey = fridayOnOrAfter(d.date);
      lastSaturday = addDays(key, -6);
    }
    const w = byWeek.get(key) ?? { netFlowUsd: 0, days: 0 };
    w.netFlowUsd += d.value;
    w.days += 1;
    byWeek.set(key, w);
  }
  const { asOf } = options;
  const all = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([weekEnding, w]): WeeklyNetFlow => ({
      weekEnding,
      netFlowUsd: w.netFlowUsd,
      days: w.days,
      ...(asOf === undefined ? {} : { complete: asOf > lastUsTradingDayOfWeek(weekEnding) }),
    }));
  return all.slice(Math.max(0, all.length - weeks));
}

/**
 * Count of consecutive complete weeks with positive net flow, ending at the latest complete week
 * (0 if that week is ≤ 0). Weeks flagged `complete: false` are skipped; weeks without the flag count
 * as complete.
 */
export function consecutivePositiveWeeks(weeks: readonly WeeklyNetFlow[]): number {
  let n = 0;
  for (let i = weeks.length - 1; i >= 0; i--) {
    const w = weeks[i]!;
    if (w.complete === false) continue;
    if (w.netFlowUsd <= 0) break;
    n++;
  }
  return n;
}
