// The NaN → null bridge from statistics to the JSON output.
import { describe, expect, it } from 'vitest';
import { mean } from '../../../src/signals/stats/mean.js';
import { nullIfNaN } from '../../../src/signals/stats/null-if-nan.js';

describe('nullIfNaN', () => {
  it('nullIfNaN turns an undefined statistic into null and passes numbers through', () => {
    expect(nullIfNaN(mean([]))).toBeNull();
    expect(nullIfNaN(mean([1, 2, 6]))).toBe(3);
    expect(nullIfNaN(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});
