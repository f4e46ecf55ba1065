// ln Γ(x) (Lanczos) against known values.
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/signals/stats/log-gamma.js';

describe('logGamma', () => {
  it('log-gamma at known values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});
