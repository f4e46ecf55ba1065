// The descriptive statistics the simulator's calibration and tests use, under the names they use:
// each is the one implementation in src/signals/stats (NaN where undefined). Nothing is computed here.
import { directionality as flowDirectionality } from '../signals/directionality.js';

export { mean } from '../signals/stats/mean.js';
export { median } from '../signals/stats/median.js';
export { sampleStandardDeviation as stdev } from '../signals/stats/sample-standard-deviation.js';
export { lag1Autocorrelation } from '../signals/stats/lag1-autocorrelation.js';

/**
 * Flow directionality D = Σf / Σ|f| ∈ [−1, 1] (src/signals/directionality.ts), read as 0 when
 * every flow is 0 or the list is empty: the simulator's checks treat a flat window as two-way.
 * directionality([3, -1]) = 0.5.
 */
export function directionality(flows: readonly number[]): number {
  return flowDirectionality(flows) ?? 0;
}
