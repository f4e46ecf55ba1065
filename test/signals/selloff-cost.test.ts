// The level of a cost-of-trading reading against the sell-off thresholds.
import { describe, expect, it } from 'vitest';
import { COST_LEVEL_RANK, levelOf } from '../../src/signals/selloff-cost.js';

describe('levelOf', () => {
  it('price impact is extreme at p ≥ 0.99 and z ≥ 3, elevated at p ≥ 0.95 and z ≥ 2', () => {
    expect(levelOf('amihud', 0.99, 3)).toBe('extreme');
    expect(levelOf('amihud', 0.99, 2.99)).toBe('elevated');
    expect(levelOf('amihud', 0.98, 10)).toBe('elevated');
    expect(levelOf('amihud', 0.94, 10)).toBe('normal');
    expect(levelOf('amihud', 1, null)).toBe('normal');
  });

  it('spreads need p = 1 and z ≥ 4 to be extreme', () => {
    expect(levelOf('abdiRanaldo', 1, 4)).toBe('extreme');
    expect(levelOf('abdiRanaldo', 0.995, 9)).toBe('elevated');
    expect(levelOf('corwinSchultz', 1, 3.5)).toBe('elevated');
    expect(levelOf('corwinSchultz', 0.5, 0)).toBe('normal');
  });

  it('ranks normal < elevated < extreme', () => {
    expect(COST_LEVEL_RANK).toEqual({ normal: 0, elevated: 1, extreme: 2 });
  });
});
