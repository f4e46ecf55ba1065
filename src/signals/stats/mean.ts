// Arithmetic mean of a list of numbers.

/** Arithmetic mean; NaN for an empty list. mean([1, 2, 6]) = 3. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}
