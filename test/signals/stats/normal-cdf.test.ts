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
});
