// Small descriptive statistics the simulator's calibration and tests share (mean, stdev, median,
// lag-1 autocorrelation, flow directionality). Pure; empty input gives NaN.

/** Arithmetic mean; NaN for an empty array. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n − 1); NaN for fewer than two values. stdev([1, 2, 3]) = 1. */
export function stdev(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (values.length - 1));
}

/** Median (mean of the middle two for even counts); NaN when empty. median([3, 1, 2, 10]) = 2.5. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Lag-1 autocorrelation around the mean; NaN for fewer than three values or zero variance. */
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

/** Flow directionality D = Σf / Σ|f| ∈ [−1, 1]; 0 when every flow is 0. directionality([3, -1]) = 0.5. */
export function directionality(flows: readonly number[]): number {
  let sum = 0;
  let abs = 0;
  for (const f of flows) {
    sum += f;
    abs += Math.abs(f);
  }
  return abs === 0 ? 0 : sum / abs;
}
