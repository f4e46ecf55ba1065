// Trailing windows over a list: the building block of rolling statistics.

/**
 * Trailing windows of `size` elements ending at each index from size − 1 onwards.
 * rollingWindows([1, 2, 3, 4], 2) = [[1, 2], [2, 3], [3, 4]]. Empty when size > length.
 * Throws when size is not a positive integer.
 */
export function rollingWindows<T>(values: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`rollingWindows: size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let end = size; end <= values.length; end++) out.push(values.slice(end - size, end));
  return out;
}
