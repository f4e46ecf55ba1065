// Sample standard deviation (n − 1 denominator).
import { mean } from './mean.js';

/**
 * Sample standard deviation with Bessel's correction; NaN when fewer than two values.
 * sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) ≈ 2.138.
 */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
