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
});
