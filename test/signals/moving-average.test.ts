import { describe, expect, it } from 'vitest';
import { pctFromAverage, sma } from '../../src/signals/moving-average.js';

describe('sma', () => {
  it('averages the last n closes (hand-computed)', () => {
    expect(sma([1, 2, 3, 4], 3)).toBe(3);
    expect(sma([10, 20, 30, 40, 50], 5)).toBe(30);
    expect(sma([5], 1)).toBe(5);
  });

  it('is null with fewer closes than the period', () => {
    expect(sma([1, 2], 3)).toBeNull();
    expect(sma([], 1)).toBeNull();
  });

  it('gives the distance from the average in percent', () => {
    expect(pctFromAverage(110, 100)).toBeCloseTo(10, 12);
    expect(pctFromAverage(90, 100)).toBeCloseTo(-10, 12);
    expect(pctFromAverage(90, null)).toBeNull();
  });
});
