// The bridge between the two layers' conventions: the statistics in src/signals/stats return NaN
// where a figure is undefined (too few values, zero variance), as Math functions do; signal results
// report a missing figure as null. Signals wrap a statistic in nullIfNaN at that boundary.

/** `x`, or null when it is NaN. nullIfNaN(mean([])) = null; Infinity passes through. */
export function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
