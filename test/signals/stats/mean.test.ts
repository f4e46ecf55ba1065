// The arithmetic mean.
import { describe, expect, it } from 'vitest';
import { mean } from '../../../src/signals/stats/mean.js';

describe('mean', () => {
  it('mean on hand examples', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
  });
});
