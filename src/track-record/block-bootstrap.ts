// Moving-block bootstrap intervals for means of serially dependent observations (overlapping
// forward windows from consecutive days are not independent: blocks keep their dependence).
import { createRandom } from '../signals/stats/seeded-random.js';

/** Defaults: 1,000 resamples, a 90 % interval, seed 7 (any fixed seed makes the intervals reproducible). */
export const BLOCK_BOOTSTRAP_DEFAULTS = { resamples: 1000, level: 0.9, seed: 7 } as const;

export interface BlockBootstrapOptions {
  /** Consecutive observations per block (≥ 1); for forward returns the horizon. */
  readonly blockLength: number;
  /** Default 1,000. */
  readonly resamples?: number;
  /** Central coverage of the interval. Default 0.9. */
  readonly level?: number;
  /** Seed of the mulberry32 generator. Default 7. */
  readonly seed?: number;
}

export interface BootstrapInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Percentile intervals of the mean of each of `series` (same length n, aligned in time) by the
 * moving-block bootstrap: each resample concatenates ⌈n / blockLength⌉ blocks of consecutive
 * observations starting at uniformly drawn positions in [0, n − blockLength], truncated to n; the
 * same blocks serve every series, so their intervals describe one resampling of the days. The
 * interval is the type-7 quantiles at (1 ∓ level) / 2 of the resampled means.
 *
 * Returns null when n < 2 × blockLength: fewer than two non-overlapping blocks give no honest interval.
 * A constant series gets a zero-width interval. Same seed, same intervals.
 */
export function blockBootstrapMeans(
  series: readonly (readonly number[])[],
  options: BlockBootstrapOptions,
): BootstrapInterval[] | null {
  const {
    blockLength,
    resamples = BLOCK_BOOTSTRAP_DEFAULTS.resamples,
    level = BLOCK_BOOTSTRAP_DEFAULTS.level,
    seed = BLOCK_BOOTSTRAP_DEFAULTS.seed,
  } = options;
  if (!Number.isInteger(blockLength) || blockLength < 1)
    throw new RangeError(`blockBootstrapMeans: blockLength is ${blockLength}: must be a positive integer`);
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`blockBootstrapMeans: resamples is ${resamples}: must be a positive integer`);
  if (!(level > 0 && level < 1)) throw new RangeError(`blockBootstrapMeans: level is ${level}: must be in (0, 1)`);
  const n = series[0]?.length ?? 0;
  series.forEach((s, k) => {
    if (s.length !== n)
      throw new RangeError(`blockBootstrapMeans: series[${k}] has ${s.length} values, series[0] ${n}`);
  });
  if (n === 0 || n < 2 * blockLength) return null;

  const prefixes = series.map((s) => {
    const p = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) p[i + 1] = p[i]! + s[i]!;
    return p;
  });
  const random = createRandom(seed);
  const blocks = Math.ceil(n / blockLength);
  const lastLength = n - (blocks - 1) * blockLength;
  const means = series.map(() => new Float64Array(resamples));
  const sums = new Float64Array(series.length);
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    for (let b = 0; b < blocks; b++) {
      const start = random.int(0, n - blockLength);
      const end = start + (b === blocks - 1 ? lastLength : blockLength);
      for (let k = 0; k < prefixes.length; k++) sums[k]! += prefixes[k]![end]! - prefixes[k]![start]!;
    }
    for (let k = 0; k < series.length; k++) means[k]![r] = sums[k]! / n;
  }
  const tail = (1 - level) / 2;
  return means.map((m) => {
    m.sort();
    return { lower: quantileSorted(m, tail), upper: quantileSorted(m, 1 - tail) };
  });
}

/** Type-7 (linear interpolation) quantile of ascending values. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
