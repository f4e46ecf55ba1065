// The z-score of a value against a mean and a standard deviation.
import { describe, expect, it } from 'vitest';
import { zScore } from '../../../src/signals/stats/z-score.js';

describe('zScore', () => {
  it('z-score, NaN without spread', () => {
    expect(zScore(12, 10, 2)).toBe(1);
    expect(zScore(12, 10, 0)).toBeNaN();
  });
});
