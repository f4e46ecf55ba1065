// Two-sided p-values of Student's t against table values.
import { describe, expect, it } from 'vitest';
import { tDistributionPValue } from '../../../src/signals/stats/t-distribution-p-value.js';

describe('tDistributionPValue', () => {
  it('t-distribution two-sided p-values from tables', () => {
    expect(tDistributionPValue(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(tDistributionPValue(12.706, 1)).toBeCloseTo(0.05, 3);
    expect(tDistributionPValue(0, 5)).toBeCloseTo(1, 10);
    // ν = 1 is Cauchy: P(|T| ≥ 1) = 0.5
    expect(tDistributionPValue(1, 1)).toBeCloseTo(0.5, 10);
    expect(tDistributionPValue(1, 0)).toBeNaN();
  });

  it('matches closed forms for 2 degrees of freedom', () => {
    // ν = 2: P(|T| ≥ t) = 1 − t / √(t² + 2); t = 2 → 1 − 2/√6 = 0.1835034; t = 4.303 → 0.05 (table)
    expect(tDistributionPValue(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    expect(tDistributionPValue(-2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 10);
    expect(tDistributionPValue(4.303, 2)).toBeCloseTo(0.05, 4);
    // ν = 30, t = 2.042 → 0.05 (table)
    expect(tDistributionPValue(2.042, 30)).toBeCloseTo(0.05, 3);
  });
});
