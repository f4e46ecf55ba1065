// Wald–Wolfowitz runs test on the signs of a series: are inflow and outflow days clustered?
import { normalTwoSidedPValue } from './stats/normal-cdf.js';

export interface RunsTestResult {
  /** Number of maximal runs of equal sign. */
  readonly runs: number;
  /** Expected runs under randomness: 2·n₊·n₋/n + 1. */
  readonly expectedRuns: number;
  /** (runs − expected) / sd; negative = fewer runs than chance = clustered (one-way) flows. */
  readonly z: number;
  readonly pValue: number;
  readonly positives: number;
  readonly negatives: number;
}

/**
 * Runs test on the signs of `values` (zeros are dropped). null when there are fewer than two values
 * of either sign (the variance is zero). Signs + + − − − + → runs 3, n₊ 3, n₋ 3, expected 4,
 * variance 2·9·(18−6)/(36·5) = 1.2, z = (3 − 4)/√1.2 ≈ −0.913.
 */
export function runsTest(values: readonly number[]): RunsTestResult | null {
  const signs = values.filter((v) => v !== 0).map((v) => v > 0);
  const positives = signs.filter(Boolean).length;
  const negatives = signs.length - positives;
  if (positives < 2 || negatives < 2) return null;
  let runs = 1;
  for (let i = 1; i < signs.length; i++) if (signs[i] !== signs[i - 1]) runs++;
  const n = positives + negatives;
  const product = 2 * positives * negatives;
  const expectedRuns = product / n + 1;
  const variance = (product * (product - n)) / (n * n * (n - 1));
  const z = (runs - expectedRuns) / Math.sqrt(variance);
  return { runs, expectedRuns, z, pValue: normalTwoSidedPValue(z), positives, negatives };
}
