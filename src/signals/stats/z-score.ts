// Standard score of one value against a mean and a standard deviation.

/** (x − mean) / standardDeviation; NaN when the deviation is 0 or not finite. zScore(12, 10, 2) = 1. */
export function zScore(x: number, mean: number, standardDeviation: number): number {
  if (!(standardDeviation > 0) || !Number.isFinite(standardDeviation)) return Number.NaN;
  return (x - mean) / standardDeviation;
}
