// The sample (n − 1) standard deviation.
import { describe, expect, it } from 'vitest';
import { sampleStandardDeviation } from '../../../src/signals/stats/sample-standard-deviation.js';

describe('sampleStandardDeviation', () => {
  it('sample standard deviation on hand examples', () => {
    // Σ(x−5)² = 32 over n−1 = 7 → √(32/7)
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStandardDeviation([3])).toBeNaN();
  });
});
