import { describe, expect, it } from 'vitest';
import { referenceDistribution, rollingMeans, scoreAgainst } from '../../src/signals/trailing-reference.js';

describe('trailing reference distribution', () => {
  it('takes the means of every complete run of the window length', () => {
    expect(rollingMeans([1, 2, null, 4, 6], 0, 4, 2)).toEqual([1.5, 5]);
    expect(rollingMeans([1, 2, 3, 4], 1, 3, 3)).toEqual([3]);
    expect(rollingMeans([1, 2], 0, 1, 3)).toEqual([]);
  });

  it('scores a value by percentile rank and robust z (hand-computed)', () => {
    const ref = referenceDistribution([1, 2, 3, 4, 100]);
    expect(ref.median).toBe(3);
    expect(ref.mad).toBe(1);
    const s = scoreAgainst(ref, 10);
    expect(s.percentile).toBe(0.8); // 4 of 5 below
    expect(s.robustZ).toBeCloseTo(4.721435, 6);
    expect(scoreAgainst(ref, 3).percentile).toBe(0.5); // 2 below + half of one tie
    expect(scoreAgainst(ref, 1000).percentile).toBe(1);
  });

  it('applies the transform to the robust z only', () => {
    // log means: ln 1, ln 10, ln 100 → median ln 10, MAD ln 10; x = 1000 → z = (ln 1000 − ln 10)/(1.4826 ln 10) = 2/1.4826
    const ref = referenceDistribution([1, 10, 100], Math.log);
    const s = scoreAgainst(ref, 1000);
    expect(s.percentile).toBe(1);
    expect(s.robustZ).toBeCloseTo(2 / 1.4826, 10);
    expect(scoreAgainst(referenceDistribution([2, 2, 2]), 5).robustZ).toBeNull(); // no spread
  });
});
