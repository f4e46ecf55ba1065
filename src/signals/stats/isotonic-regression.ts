// Weighted isotonic (non-decreasing) regression by the pool-adjacent-violators algorithm: the
// monotone fit used to turn a score into a calibrated probability.

/** One pooled block of the fit: inputs xFrom … xTo share the fitted value. */
export interface IsotonicBlock {
  readonly xFrom: number;
  readonly xTo: number;
  readonly value: number;
  /** Total weight pooled in the block. */
  readonly weight: number;
}

export interface IsotonicFit {
  /** Blocks in ascending x with non-decreasing values. */
  readonly blocks: readonly IsotonicBlock[];
}

/**
 * The non-decreasing step function of x closest to y in weighted least squares (PAV): points are
 * sorted by x, equal x pooled first, then adjacent blocks that violate the order are pooled into
 * their weighted mean until none does. Weights default to 1 and must be positive.
 * isotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]) → blocks 1 | 2–3 at 2.5 | 4.
 */
export function isotonicRegression(
  x: readonly number[],
  y: readonly number[],
  weights?: readonly number[],
): IsotonicFit {
  if (x.length !== y.length || (weights && weights.length !== x.length))
    throw new RangeError(
      `isotonicRegression: x, y${weights ? ', weights' : ''} lengths differ (${x.length}, ${y.length}${weights ? `, ${weights.length}` : ''})`,
    );
  x.forEach((v, i) => {
    if (!Number.isFinite(v) || !Number.isFinite(y[i]!))
      throw new RangeError(`isotonicRegression: point ${i} is (${v}, ${y[i]}): must be finite`);
    const w = weights?.[i] ?? 1;
    if (!(w > 0 && Number.isFinite(w))) throw new RangeError(`isotonicRegression: weights[${i}] is ${w}: must be > 0`);
  });
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]!);
  interface Block {
    xFrom: number;
    xTo: number;
    sum: number;
    weight: number;
  }
  const stack: Block[] = [];
  for (const i of order) {
    const w = weights?.[i] ?? 1;
    const top = stack[stack.length - 1];
    if (top && top.xTo === x[i]) {
      top.sum += w * y[i]!;
      top.weight += w;
    } else stack.push({ xFrom: x[i]!, xTo: x[i]!, sum: w * y[i]!, weight: w });
    // Pool while the last block's mean falls below the one before it.
    while (stack.length > 1) {
      const last = stack[stack.length - 1]!;
      const prev = stack[stack.length - 2]!;
      if (prev.sum / prev.weight <= last.sum / last.weight) break;
      prev.xTo = last.xTo;
      prev.sum += last.sum;
      prev.weight += last.weight;
      stack.pop();
    }
  }
  return { blocks: stack.map((b) => ({ xFrom: b.xFrom, xTo: b.xTo, value: b.sum / b.weight, weight: b.weight })) };
}

/**
 * The fitted value at `x`: the block's value inside a block, linear between the end of one block and
 * the start of the next, the first (last) block's value below (above) the fitted range. NaN for an
 * empty fit.
 */
export function predictIsotonic(fit: IsotonicFit, x: number): number {
  const blocks = fit.blocks;
  if (blocks.length === 0) return Number.NaN;
  if (x <= blocks[0]!.xTo) return blocks[0]!.value;
  let lo = 0;
  let hi = blocks.length - 1;
  if (x >= blocks[hi]!.xFrom) return blocks[hi]!.value;
  // Invariant: x > blocks[lo].xTo and x < blocks[hi].xFrom.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (x < b.xFrom) hi = mid;
    else if (x > b.xTo) lo = mid;
    else return b.value;
  }
  const left = blocks[lo]!;
  const right = blocks[hi]!;
  return left.value + ((x - left.xTo) / (right.xFrom - left.xTo)) * (right.value - left.value);
}
