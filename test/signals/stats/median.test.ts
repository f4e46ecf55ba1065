// The median of a list of numbers.
import { describe, expect, it } from 'vitest';
import { median } from '../../../src/signals/stats/median.js';

describe('median', () => {
  it('median: middle value, mean of the middle two, NaN when empty', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
