// Position proxy (CME or perps): cumulative sum over weeks of |ΔOI_w| × sign(ΔPrice_w). Any OI
// change in an up-week is read as net long positioning added (or shorts covered), in a down-week as
// net long positioning cut (or shorts added); the running sum tracks the net positioning built.
import type { DatedValue } from '../domain/market-series.js';
import { addDays, dayOfWeek } from '../domain/dates.js';

export interface WeeklyProxyPoint {
  /** The last date with data in the week (weeks run Monday–Sunday). */
  readonly date: string;
  readonly openInterest: number;
  readonly price: number;
  /** |ΔOI_w| × sign(ΔPrice_w) for this week; 0 for the first week. */
  readonly contribution: number;
  /** Running sum of contributions. */
  readonly positionProxy: number;
}

export interface PositionProxyOptions {
  /**
   * Weeks (given by their Monday) whose contribution is set to 0, e.g. front-month roll weeks where
   * OI jumps because the chart switched contracts, not because positions changed. Default: none.
   */
  readonly skipWeek?: (weekMonday: string) => boolean;
}

/** Monday of the ISO week containing `isoDate`. */
export function weekStart(isoDate: string): string {
  return addDays(isoDate, -((dayOfWeek(isoDate) + 6) % 7));
}

/** Last point of each Monday–Sunday week. */
export function lastPointPerWeek(series: readonly DatedValue[]): DatedValue[] {
  const byWeek = new Map<string, DatedValue>();
  for (const p of series) byWeek.set(weekStart(p.date), p);
  return [...byWeek.values()];
}

/**
 * Weekly position proxy from a daily OI series (any unit: coins, contracts or USD; the proxy keeps
 * that unit) and a daily price series. Each week uses its last OI point and the price on that same
 * date; weeks whose last OI date has no price are skipped; `skipWeek` weeks contribute 0. Fewer than two weeks → [].
 * Example: OI 100, 120, 110 and price 10, 11, 12 over three weeks → contributions 0, |+20|·(+1), |−10|·(+1) → proxy 0, 20, 30.
 */
export function positionProxy(
  openInterest: readonly DatedValue[],
  price: readonly DatedValue[],
  options: PositionProxyOptions = {},
): WeeklyProxyPoint[] {
  const { skipWeek = () => false } = options;
  const priceByDate = new Map(price.map((p) => [p.date, p.value]));
  const weeks = lastPointPerWeek(openInterest.filter((p) => priceByDate.has(p.date)));
  const out: WeeklyProxyPoint[] = [];
  let running = 0;
  for (let i = 0; i < weeks.length; i += 1) {
    const week = weeks[i]!;
    const weekPrice = priceByDate.get(week.date)!;
    let contribution = 0;
    const prev = weeks[i - 1];
    if (prev !== undefined && !skipWeek(weekStart(week.date))) {
      contribution = Math.abs(week.value - prev.value) * Math.sign(weekPrice - priceByDate.get(prev.date)!);
    }
    running += contribution;
    out.push({ date: week.date, openInterest: week.value, price: weekPrice, contribution, positionProxy: running });
  }
  return out.length < 2 ? [] : out;
}
