// Weekly net ETF flows (weeks ending Friday) and the streak of positive weeks.
import { addDays, dayOfWeek } from '../domain/dates.js';
import type { DatedValue } from '../domain/market-series.js';

export interface WeeklyNetFlow {
  /** The Friday that ends the week (Saturday–Friday window); may be after the last data day. */
  readonly weekEnding: string;
  readonly netFlowUsd: number;
  readonly days: number;
}

/** The Friday on or after `date`. fridayOnOrAfter('2026-01-06') = '2026-01-09'. */
export function fridayOnOrAfter(date: string): string {
  return addDays(date, (5 - dayOfWeek(date) + 7) % 7);
}

/**
 * Sums daily totals into weeks ending Friday, ascending; keeps the last `weeks` (default 12).
 * The current, incomplete week is included (its `days` says how many days it holds).
 */
export function weeklyNetFlows(dailyTotals: readonly DatedValue[], options: { weeks?: number } = {}): WeeklyNetFlow[] {
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
  const all = [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([weekEnding, w]) => ({ weekEnding, netFlowUsd: w.netFlowUsd, days: w.days }));
  return all.slice(Math.max(0, all.length - weeks));
}

/** Count of consecutive weeks with positive net flow ending at the latest week (0 if it is ≤ 0). */
export function consecutivePositiveWeeks(weeks: readonly WeeklyNetFlow[]): number {
  let n = 0;
  for (let i = weeks.length - 1; i >= 0 && (weeks[i]?.netFlowUsd ?? 0) > 0; i--) n++;
  return n;
}
