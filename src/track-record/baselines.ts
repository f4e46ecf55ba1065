// The two price-only baselines Tidemark ships, which every phase call is compared with: the 200-day
// rule and the 50/200 rule, computed point-in-time at the engine's as-of dates.
import type { PhaseLabel } from '../domain/analysis.js';
import type { BaselineRule, DailyClose } from '../domain/track-record.js';
import { isoDayNumber } from '../domain/day-number.js';
import { assertDailyCloses } from './daily-closes.js';

/** Display names of the baselines. */
export const BASELINE_NAMES: Readonly<Record<BaselineRule, string>> = {
  sma200: '200-day rule',
  sma50and200: '50/200 rule',
};

/** Closes the long average needs before a baseline calls anything. */
export const BASELINE_WARM_UP_CLOSES = 200;

/** One baseline call; label null while fewer than 200 closes precede the as-of date. */
export interface BaselineCall {
  readonly date: string;
  readonly label: PhaseLabel | null;
  /** The baselines state no confidence. */
  readonly confidence: null;
  /** The last close dated strictly before the as-of date (USD), and its averages over the last 50/200 closes. */
  readonly previousClose: number | null;
  readonly sma50: number | null;
  readonly sma200: number | null;
}

/**
 * Baseline calls at each of `asOfDates` (ascending ISO dates), from daily `closes` (ascending).
 *
 * Point-in-time: a call at D uses only closes dated strictly before D (the bar dated D closes at the
 * as-of cut-off, so it is not yet known), exactly what the engine sees. With previousClose the last
 * such close and smaN the mean of the last N such closes:
 * - 'sma200': previousClose > sma200 → uptrend, else trend-decline;
 * - 'sma50and200': previousClose > sma50 and > sma200 → uptrend, else trend-decline.
 * O(closes + dates) with prefix sums.
 * Example: 199 closes of 100 then one of 300 before D → sma200 = 101, previousClose 300 → uptrend.
 */
export function baselineCalls(
  closes: readonly DailyClose[],
  asOfDates: readonly string[],
  rule: BaselineRule,
): BaselineCall[] {
  assertDailyCloses(closes, 'baselineCalls', false);
  const prefix = new Float64Array(closes.length + 1);
  for (let i = 0; i < closes.length; i++) prefix[i + 1] = prefix[i]! + closes[i]!.close;
  const average = (count: number, period: number): number => (prefix[count]! - prefix[count - period]!) / period;

  const out: BaselineCall[] = [];
  let known = 0; // closes dated strictly before the current as-of date
  asOfDates.forEach((date, k) => {
    if (Number.isNaN(isoDayNumber(date)))
      throw new RangeError(`baselineCalls: asOfDates[${k}] "${date}" is not a YYYY-MM-DD date`);
    if (k > 0 && date <= asOfDates[k - 1]!)
      throw new RangeError(
        `baselineCalls: asOfDates[${k}] ${date} is not after ${asOfDates[k - 1]}: dates must ascend`,
      );
    while (known < closes.length && closes[known]!.date < date) known++;
    const previousClose = known > 0 ? closes[known - 1]!.close : null;
    if (previousClose === null || known < BASELINE_WARM_UP_CLOSES) {
      out.push({ date, label: null, confidence: null, previousClose, sma50: null, sma200: null });
      return;
    }
    const sma50 = average(known, 50);
    const sma200 = average(known, 200);
    const above = rule === 'sma200' ? previousClose > sma200 : previousClose > sma50 && previousClose > sma200;
    out.push({ date, label: above ? 'uptrend' : 'trend-decline', confidence: null, previousClose, sma50, sma200 });
  });
  return out;
}
