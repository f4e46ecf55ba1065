import { describe, expect, it } from 'vitest';
import { binomialSignTestPValue } from '../../../src/signals/stats/binomial-sign-test.js';
import { logGamma } from '../../../src/signals/stats/log-gamma.js';
import { mean } from '../../../src/signals/stats/mean.js';
import { normalCdf, normalTwoSidedPValue } from '../../../src/signals/stats/normal-cdf.js';
import { regularizedIncompleteBeta } from '../../../src/signals/stats/regularized-incomplete-beta.js';
import { rollingWindows } from '../../../src/signals/stats/rolling-windows.js';
import { sampleStandardDeviation } from '../../../src/signals/stats/sample-standard-deviation.js';
import { tDistributionPValue } from '../../../src/signals/stats/t-distribution-p-value.js';
import { zScore } from '../../../src/signals/stats/z-score.js';

describe('stats helpers', () => {
  it('mean and sample standard deviation on hand examples', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
    // Σ(x−5)² = 32 over n−1 = 7 → √(32/7)
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStandardDeviation([3])).toBeNaN();
  });

  it('rolling windows and z-score', () => {
    expect(rollingWindows([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(rollingWindows([1], 2)).toEqual([]);
    expect(() => rollingWindows([1], 0)).toThrow(/positive integer/);
    expect(zScore(12, 10, 2)).toBe(1);
    expect(zScore(12, 10, 0)).toBeNaN();
  });

  it('normal CDF at known quantiles', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalTwoSidedPValue(1.959964)).toBeCloseTo(0.05, 6);
  });

  it('log-gamma and incomplete beta', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    // I_x(1, 1) = x; I_x(2, 1) = x²
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 10);
    expect(regularizedIncompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 10);
  });

  it('t-distribution two-sided p-values from tables', () => {
    expect(tDistributionPValue(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(tDistributionPValue(12.706, 1)).toBeCloseTo(0.05, 3);
    expect(tDistributionPValue(0, 5)).toBeCloseTo(1, 10);
    // ν = 1 is Cauchy: P(|T| ≥ 1) = 0.5
    expect(tDistributionPValue(1, 1)).toBeCloseTo(0.5, 10);
    expect(tDistributionPValue(1, 0)).toBeNaN();
  });

  it('exact sign test', () => {
    // 9 of 10: P = 2·(C(10,9)+C(10,10))/1024 = 22/1024
    expect(binomialSignTestPValue(9, 10)).toBeCloseTo(22 / 1024, 12);
    expect(binomialSignTestPValue(5, 10)).toBeCloseTo(1, 12);
    expect(binomialSignTestPValue(0, 0)).toBe(1);
  });
});
