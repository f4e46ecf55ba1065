// Median of a list of numbers.

/** Median (mean of the middle two for even counts); NaN for an empty list. median([3, 1, 2, 10]) = 2.5. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
