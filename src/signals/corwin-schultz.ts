// Corwin–Schultz (2012) bid-ask spread estimator from the highs and lows of two consecutive days.
// β = ln(H1/L1)² + ln(H2/L2)², γ = ln(max(H1,H2)/min(L1,L2))²,
// α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)), S = 2(e^α − 1)/(1 + e^α).
// Crypto trades around the clock, so the paper's overnight-gap adjustment is not applied.
// Negative two-day estimates: the paper's main results set them to 0 before averaging over a month,
// and it reports that keeping them in the average is an alternative. On 24/7 bars the two-day range
// of a trending crash dominates the one-day ranges, so most crash-day pairs are negative: flooring
// them one by one would turn exactly those days into zeros and bias every window containing them
// upward. Here the raw two-day estimates are kept, averaged over the window, and only the window
// average is floored at 0 for the reported spread (its raw value is reported too).
import type { DailyBar } from '../domain/market-series.js';
import { mean } from './stats/mean.js';

const K = 3 - 2 * Math.SQRT2;

/**
 * Two-day spread estimate (a fraction of price). Negative when the two-day range is wide relative
 * to the daily ranges (volatility or drift dominates the bounce).
 * Example: H1 100, L1 98, H2 100.5, L2 98.2 → 0.0133664; H1 101, L1 99, H2 102, L2 100 → −0.0041221.
 */
export function corwinSchultzPair(high1: number, low1: number, high2: number, low2: number): number {
  const beta = Math.log(high1 / low1) ** 2 + Math.log(high2 / low2) ** 2;
  const gamma = Math.log(Math.max(high1, high2) / Math.min(low1, low2)) ** 2;
  const alpha = (Math.sqrt(2 * beta) - Math.sqrt(beta)) / K - Math.sqrt(gamma / K);
  return (2 * (Math.exp(alpha) - 1)) / (1 + Math.exp(alpha));
}

export interface SpreadPoint {
  /** The second day of the pair. */
  readonly date: string;
  /** Raw two-day estimate, a fraction of price; may be negative. */
  readonly spread: number;
}

/** Raw (unfloored) two-day estimates, one per pair of consecutive bars, dated by the second day. */
export function corwinSchultzSeries(bars: readonly DailyBar[]): SpreadPoint[] {
  const out: SpreadPoint[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const a = bars[i - 1]!;
    const b = bars[i]!;
    if (a.low <= 0 || b.low <= 0) continue;
    out.push({ date: b.date, spread: corwinSchultzPair(a.high, a.low, b.high, b.low) });
  }
  return out;
}

export interface CorwinSchultzEstimate {
  /** Mean of the raw two-day estimates (may be negative). */
  readonly rawSpread: number;
  /** max(0, rawSpread): the spread as reported, a fraction of price. */
  readonly spread: number;
  /** Share of the pairs whose raw estimate was negative. */
  readonly negativeShare: number;
  readonly pairs: number;
}

/**
 * Corwin–Schultz spread over the last `window` pairs (default 20): raw two-day estimates averaged,
 * then floored at 0 (see the file header). null with fewer than 2 bars.
 */
export function corwinSchultzEstimate(bars: readonly DailyBar[], window = 20): CorwinSchultzEstimate | null {
  const pairs = corwinSchultzSeries(bars.slice(-(window + 1))).map((p) => p.spread);
  if (pairs.length === 0) return null;
  const rawSpread = mean(pairs);
  return {
    rawSpread,
    spread: Math.max(0, rawSpread),
    negativeShare: pairs.filter((p) => p < 0).length / pairs.length,
    pairs: pairs.length,
  };
}

/** The reported window spread of corwinSchultzEstimate (raw mean floored at 0); null with fewer than 2 bars. */
export function corwinSchultzSpread(bars: readonly DailyBar[], window = 20): number | null {
  return corwinSchultzEstimate(bars, window)?.spread ?? null;
}
