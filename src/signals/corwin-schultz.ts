// Corwin–Schultz (2012) bid-ask spread estimator from the highs and lows of two consecutive days.
// β = ln(H1/L1)² + ln(H2/L2)², γ = ln(max(H1,H2)/min(L1,L2))²,
// α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)), S = 2(e^α − 1)/(1 + e^α).
// Crypto trades around the clock, so the paper's overnight-gap adjustment is not applied.
import type { DailyBar } from '../domain/market-series.js';
import { mean } from './stats/mean.js';
import { nullIfNaN } from './stats/null-if-nan.js';

const K = 3 - 2 * Math.SQRT2;

/**
 * Two-day spread estimate (a fraction of price). Can be negative when the two-day range is wide
 * relative to the daily ranges (volatility dominates); callers usually floor it at 0.
 */
export function corwinSchultzPair(high1: number, low1: number, high2: number, low2: number): number {
  const beta = Math.log(high1 / low1) ** 2 + Math.log(high2 / low2) ** 2;
  const gamma = Math.log(Math.max(high1, high2) / Math.min(low1, low2)) ** 2;
  const alpha = (Math.sqrt(2 * beta) - Math.sqrt(beta)) / K - Math.sqrt(gamma / K);
  return (2 * (Math.exp(alpha) - 1)) / (1 + Math.exp(alpha));
}

/** Per-pair estimates (negative values set to 0, as in the paper) dated by the second day. */
export function corwinSchultzSeries(bars: readonly DailyBar[]): { date: string; spread: number }[] {
  const out: { date: string; spread: number }[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const a = bars[i - 1]!;
    const b = bars[i]!;
    if (a.low <= 0 || b.low <= 0) continue;
    out.push({ date: b.date, spread: Math.max(0, corwinSchultzPair(a.high, a.low, b.high, b.low)) });
  }
  return out;
}

/** Mean floored two-day estimate over the last `window` pairs (default 20); null with fewer than 2 bars. */
export function corwinSchultzSpread(bars: readonly DailyBar[], window = 20): number | null {
  return nullIfNaN(mean(corwinSchultzSeries(bars.slice(-(window + 1))).map((p) => p.spread)));
}
