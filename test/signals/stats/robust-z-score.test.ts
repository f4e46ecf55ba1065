// The median absolute deviation and the robust z-score, hand-computed.
import { describe, expect, it } from 'vitest';
import { medianAbsoluteDeviation, robustZScore } from '../../../src/signals/stats/robust-z-score.js';

describe('robustZScore', () => {
  it('MAD and robust z (hand-computed)', () => {
    // median 3, deviations 2, 1, 0, 1, 97 → MAD 1; z(10) = 7 / 1.4826 = 4.72144
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(robustZScore(10, [1, 2, 3, 4, 100])).toBeCloseTo(4.721435, 6);
    expect(robustZScore(10, [5, 5, 5])).toBeNaN();
  });
});
