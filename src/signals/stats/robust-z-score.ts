// Robust standard score: distance from the median in units of the scaled median absolute deviation.
import { median } from './median.js';

/** 1.4826: makes the MAD a consistent estimator of the standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;

/**
 * Median absolute deviation around the median; NaN for an empty list.
 * medianAbsoluteDeviation([1, 2, 3, 4, 100]) = median([2, 1, 0, 1, 97]) = 1.
 */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * (x − median) / (1.4826 · MAD) of `values`; NaN when the list is empty or the MAD is 0 (no spread
 * to measure against). robustZScore(10, [1, 2, 3, 4, 100]) = (10 − 3) / 1.4826 ≈ 4.7214.
 */
export function robustZScore(x: number, values: readonly number[]): number {
  const mad = medianAbsoluteDeviation(values);
  if (!(mad > 0)) return Number.NaN;
  return (x - median(values)) / (MAD_TO_SIGMA * mad);
}
