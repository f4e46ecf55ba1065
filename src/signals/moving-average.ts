// Simple moving averages of closes and where the latest close stands against them.

/** Mean of the last `period` values; null when fewer than `period` values. sma([1, 2, 3, 4], 3) = 3. */
export function sma(closesAscending: readonly number[], period: number): number | null {
  if (period < 1 || closesAscending.length < period) return null;
  let sum = 0;
  for (let i = closesAscending.length - period; i < closesAscending.length; i += 1) sum += closesAscending[i]!;
  return sum / period;
}

/** Percent distance of `close` above (+) or below (−) `average`; null when the average is missing or ≤ 0. */
export function pctFromAverage(close: number, average: number | null): number | null {
  return average === null || average <= 0 ? null : (close / average - 1) * 100;
}
