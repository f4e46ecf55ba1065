// ln Γ(x) (Lanczos) against known values.
import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/signals/stats/log-gamma.js';

describe('logGamma', () => {
  it('log-gamma at known values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it('matches ln Γ at integers and half-integers', () => {
    // Γ(1) = Γ(2) = 1; Γ(10) = 9! = 362880; Γ(3/2) = √π / 2
    expect(logGamma(1)).toBeCloseTo(0, 10);
    expect(logGamma(2)).toBeCloseTo(0, 10);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 9);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 10);
  });
});
