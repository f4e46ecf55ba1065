// Small dated-series helpers shared by the positioning, liquidity, trend and treasury signals
// (percentile rank, look-ups and windows by date, percent change, rounding; text goes through src/format). The
// statistics themselves live in src/signals/stats. Pure; every function returns null rather than NaN.
import type { DatedValue } from '../domain/market-series.js';
import { addDays } from '../domain/dates.js';

/**
 * Share of `history` strictly below `value` plus half the ties, in [0, 1]; null when `history` is empty.
 * percentileRankOf(3, [1, 2, 3, 4]) = (2 + 0.5) / 4 = 0.625.
 */
export function percentileRankOf(value: number, history: readonly number[]): number | null {
  if (history.length === 0) return null;
  let below = 0;
  let ties = 0;
  for (const h of history) {
    if (h < value) below += 1;
    else if (h === value) ties += 1;
  }
  return (below + ties / 2) / history.length;
}

/** The last element of a list, or null when empty. */
export function lastOf<T>(items: readonly T[]): T | null {
  return items.length === 0 ? null : items[items.length - 1]!;
}

/** The last point dated on or before `date` (series ascending by date), or null. */
export function pointOnOrBefore<T extends { readonly date: string }>(series: readonly T[], date: string): T | null {
  let lo = 0;
  let hi = series.length - 1;
  let found: T | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const point = series[mid]!;
    if (point.date <= date) {
      found = point;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Points dated in (`from`, `to`] — i.e. after `from`, up to and including `to`. */
export function pointsInWindow<T extends { readonly date: string }>(
  series: readonly T[],
  from: string,
  to: string,
): T[] {
  return series.filter((p) => p.date > from && p.date <= to);
}

/** Index of the first point dated after `date` (series ascending by date); series.length when none. */
export function firstIndexAfter<T extends { readonly date: string }>(series: readonly T[], date: string): number {
  let lo = 0;
  let hi = series.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The points with from < date ≤ to, like `pointsInWindow` but by binary search: the series must be
 * ascending by date (see `isDateAscending`). Same points, same order.
 */
export function pointsInWindowSorted<T extends { readonly date: string }>(
  series: readonly T[],
  from: string,
  to: string,
): T[] {
  return series.slice(firstIndexAfter(series, from), firstIndexAfter(series, to));
}

/** True when every point's date is ≥ the previous one's (ties allowed). */
export function isDateAscending(series: readonly { readonly date: string }[]): boolean {
  for (let i = 1; i < series.length; i += 1) if (series[i]!.date < series[i - 1]!.date) return false;
  return true;
}

/**
 * Percent change of a dated series from the value `days` calendar days before its last date
 * (the last point on or before that day) to its last value. null when no earlier point exists or it is 0.
 */
export function pctChangeOverDays(series: readonly DatedValue[], days: number): number | null {
  const last = lastOf(series);
  if (last === null) return null;
  const before = pointOnOrBefore(series, addDays(last.date, -days));
  if (before === null || before.value === 0) return null;
  return (last.value / before.value - 1) * 100;
}

/** Round to `digits` decimals (for stable evidence values). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
