// The statistics merged into src/signals/stats: median, lag-1 autocorrelation and the NaN → null bridge.
import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation } from '../../../src/signals/stats/lag1-autocorrelation.js';
import { mean } from '../../../src/signals/stats/mean.js';
import { median } from '../../../src/signals/stats/median.js';
import { nullIfNaN } from '../../../src/signals/stats/null-if-nan.js';

describe('signals/stats', () => {
  it('median: middle value, mean of the middle two, NaN when empty', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('lag1Autocorrelation: hand-computed, NaN when undefined', () => {
    // [1, 3, 2, 4]: mean 2.5, d = −1.5 0.5 −0.5 1.5; num = −0.75 − 0.25 − 0.75 = −1.75; den = 5
    expect(lag1Autocorrelation([1, 3, 2, 4])).toBeCloseTo(-0.35, 12);
    expect(lag1Autocorrelation([1, 2])).toBeNaN();
    expect(lag1Autocorrelation([2, 2, 2])).toBeNaN();
  });

  it('nullIfNaN turns an undefined statistic into null and passes numbers through', () => {
    expect(nullIfNaN(mean([]))).toBeNull();
    expect(nullIfNaN(mean([1, 2, 6]))).toBe(3);
    expect(nullIfNaN(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
