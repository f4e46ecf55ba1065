// The standard normal CDF and the two-sided p-value at known quantiles.
import { describe, expect, it } from 'vitest';
import { normalCdf, normalTwoSidedPValue } from '../../../src/signals/stats/normal-cdf.js';

describe('normalCdf', () => {
  it('normal CDF at known quantiles', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalTwoSidedPValue(1.959964)).toBeCloseTo(0.05, 6);
  });

  it('matches the standard normal table to 7 decimals', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 7);
    expect(normalCdf(-2.5758293)).toBeCloseTo(0.005, 7);
    expect(normalTwoSidedPValue(1)).toBeCloseTo(0.3173105, 7);
  });
});
