// Abdi–Ranaldo (2017) bid-ask spread estimator from daily close, high and low prices. With
// c = ln close and η = (ln high + ln low)/2 (the log mid-range), the squared spread satisfies
// S² = 4·E[(c_t − η_t)(c_t − η_{t+1})]. One pair of consecutive days gives one (noisy, possibly
// negative) estimate of S²; a window estimate averages those raw products first and only then takes
// the root: S = sign(m)·√|m| for the mean product m (the paper's monthly estimator, which sets a
// negative window estimate to 0 when a spread is reported). Nothing is floored per pair: on 24/7
// crash days the drift makes many pairs negative, and dropping them would bias the window upward.
import type { DailyBar } from '../domain/market-series.js';
import { mean } from './stats/mean.js';

/**
 * Raw two-day estimate of the squared spread from day 1's close, high and low and day 2's high
 * and low: 4·(c₁ − η₁)·(c₁ − η₂), a fraction² of price. Negative when day 1 closed on one side of
 * its range and day 2's range moved away on the same side (drift dominates the bounce).
 * Example: H1 102, L1 98, C1 101, H2 100, L2 96 → 4·ln(101/√(102·98))·ln(101/√(100·96))
 * = 4 · 0.0101504 · 0.0303613 ≈ 1.2327e-3 (a 3.5 % spread: day 1 closed at the ask, day 2 traded lower).
 */
export function abdiRanaldoSquaredPair(
  high1: number,
  low1: number,
  close1: number,
  high2: number,
  low2: number,
): number {
  const c = Math.log(close1);
  const eta1 = (Math.log(high1) + Math.log(low1)) / 2;
  const eta2 = (Math.log(high2) + Math.log(low2)) / 2;
  return 4 * (c - eta1) * (c - eta2);
}

export interface SquaredSpreadPoint {
  /** The second day of the pair. */
  readonly date: string;
  /** Raw two-day estimate of the squared spread (may be negative). */
  readonly squaredSpread: number;
}

/** Raw two-day squared-spread estimates, one per pair of consecutive bars, dated by the second day. */
export function abdiRanaldoSeries(bars: readonly DailyBar[]): SquaredSpreadPoint[] {
  const out: SquaredSpreadPoint[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const a = bars[i - 1]!;
    const b = bars[i]!;
    if (!(a.low > 0 && b.low > 0 && a.close > 0)) continue;
    out.push({ date: b.date, squaredSpread: abdiRanaldoSquaredPair(a.high, a.low, a.close, b.high, b.low) });
  }
  return out;
}

/** Signed spread from a mean squared-spread estimate: sign(m)·√|m|. signedSpreadFromSquared(-4e-4) = −0.02. */
export function signedSpreadFromSquared(meanSquaredSpread: number): number {
  return Math.sign(meanSquaredSpread) * Math.sqrt(Math.abs(meanSquaredSpread));
}

export interface AbdiRanaldoEstimate {
  /** Mean of the raw two-day squared-spread estimates. */
  readonly meanSquaredSpread: number;
  /** sign(mean)·√|mean|: negative when the window's drift outweighs its bounce. */
  readonly signedSpread: number;
  /** max(0, signedSpread): the spread as reported (a fraction of price). */
  readonly spread: number;
  /** Share of the pairs whose raw estimate was negative. */
  readonly negativeShare: number;
  readonly pairs: number;
}

/**
 * Abdi–Ranaldo spread over the last `window` pairs (default 20): raw pair estimates averaged, then
 * the root, then the floor at 0 (see the file header). null with fewer than 2 bars.
 */
export function abdiRanaldoSpread(bars: readonly DailyBar[], window = 20): AbdiRanaldoEstimate | null {
  const pairs = abdiRanaldoSeries(bars.slice(-(window + 1))).map((p) => p.squaredSpread);
  if (pairs.length === 0) return null;
  const meanSquaredSpread = mean(pairs);
  const signedSpread = signedSpreadFromSquared(meanSquaredSpread);
  return {
    meanSquaredSpread,
    signedSpread,
    spread: Math.max(0, signedSpread),
    negativeShare: pairs.filter((p) => p < 0).length / pairs.length,
    pairs: pairs.length,
  };
}
