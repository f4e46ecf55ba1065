// A crash-window statistic against its own trailing distribution: the means of every window of
// the same length in the baseline before the fall (so a 3-day mean is compared with 3-day means,
// whose spread is narrower than single days'), scored as a percentile rank and a robust z-score.
import { medianInPlace } from './stats/median-in-place.js';
import { MAD_TO_SIGMA } from './stats/robust-z-score.js';

export interface ReferenceDistribution {
  /** The baseline window means (in window order). */
  readonly means: Float64Array;
  /** Median and MAD of the transformed means (see `transform`); NaN when none is finite. */
  readonly median: number;
  readonly mad: number;
  /** Applied before the robust z-score (e.g. Math.log for a positive, right-skewed measure). */
  readonly transform: (x: number) => number;
}

export interface ReferenceScore {
  /** Share of baseline windows strictly below plus half the ties, in [0, 1]. */
  readonly percentile: number;
  /** (transform(x) − median) / (1.4826 · MAD); null when the MAD is 0 or x is outside transform's domain. */
  readonly robustZ: number | null;
}

/**
 * Means of every run of `length` consecutive values inside daily[from..to] (inclusive indexes)
 * with no null. rollingMeans([1, 2, null, 4, 6], 0, 4, 2) = [1.5, 5].
 */
export function rollingMeans(daily: readonly (number | null)[], from: number, to: number, length: number): number[] {
  const out: number[] = [];
  let sum = 0;
  let run = 0;
  for (let i = Math.max(0, from); i <= to && i < daily.length; i += 1) {
    const v = daily[i];
    if (v === null || v === undefined) {
      sum = 0;
      run = 0;
      continue;
    }
    sum += v;
    run += 1;
    if (run > length) {
      sum -= daily[i - length]!;
      run = length;
    }
    if (run === length) out.push(sum / length);
  }
  return out;
}

/** The reference distribution of `means`; `transform` defaults to the identity. O(n), no sorting. */
export function referenceDistribution(
  means: readonly number[],
  transform: (x: number) => number = (x) => x,
): ReferenceDistribution {
  const all = new Float64Array(means.length);
  let n = 0;
  for (const m of means) {
    const v = transform(m);
    if (Number.isFinite(v)) all[n++] = v;
  }
  const t = all.subarray(0, n);
  const median = medianInPlace(t);
  for (let i = 0; i < t.length; i += 1) t[i] = Math.abs(t[i]! - median);
  const mad = medianInPlace(t);
  const copy = new Float64Array(means.length);
  for (let i = 0; i < means.length; i += 1) copy[i] = means[i]!;
  return { means: copy, median, mad, transform };
}

/**
 * Percentile rank and robust z of `x` in `reference`. With reference means [1, 2, 3, 4, 100] and
 * no transform: x = 10 → percentile 0.8, robust z (10 − 3)/(1.4826 · 1) ≈ 4.72.
 */
export function scoreAgainst(reference: ReferenceDistribution, x: number): ReferenceScore {
  const { means } = reference;
  const n = means.length;
  let below = 0;
  let ties = 0;
  for (let i = 0; i < n; i += 1) {
    const m = means[i]!;
    if (m < x) below += 1;
    else if (m === x) ties += 1;
  }
  const tx = reference.transform(x);
  const robustZ =
    reference.mad > 0 && Number.isFinite(tx) ? (tx - reference.median) / (MAD_TO_SIGMA * reference.mad) : null;
  return { percentile: n === 0 ? Number.NaN : (below + ties / 2) / n, robustZ };
}
