// Lag-1 autocorrelation of a list of numbers around its mean.
import { mean } from './mean.js';

/**
 * Σ(dᵢ·dᵢ₋₁) / Σdᵢ² with dᵢ = xᵢ − mean; NaN for fewer than three values or zero variance.
 * lag1Autocorrelation([1, 2, 3, 4]) = 1.25 / 5 = 0.25.
 */
export function lag1Autocorrelation(values: readonly number[]): number {
  if (values.length < 3) return Number.NaN;
  const m = mean(values);
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - m;
    den += d * d;
    if (i > 0) num += d * (values[i - 1]! - m);
  }
  return den === 0 ? Number.NaN : num / den;
}
