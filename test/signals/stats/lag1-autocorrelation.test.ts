// Lag-1 autocorrelation, hand-computed.
import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation } from '../../../src/signals/stats/lag1-autocorrelation.js';

describe('lag1Autocorrelation', () => {
  it('lag1Autocorrelation: hand-computed, NaN when undefined', () => {
    // [1, 3, 2, 4]: mean 2.5, d = −1.5 0.5 −0.5 1.5; num = −0.75 − 0.25 − 0.75 = −1.75; den = 5
    expect(lag1Autocorrelation([1, 3, 2, 4])).toBeCloseTo(-0.35, 12);
    expect(lag1Autocorrelation([1, 2])).toBeNaN();
    expect(lag1Autocorrelation([2, 2, 2])).toBeNaN();
  });
});
