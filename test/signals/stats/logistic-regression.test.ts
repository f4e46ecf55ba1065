import { describe, expect, it } from 'vitest';
import { logisticRegression, predictLogistic } from '../../../src/signals/stats/logistic-regression.js';

describe('logisticRegression', () => {
  it('recovers the log-odds of two groups by hand (ridge 0)', () => {
    // g = 0: 1 of 4 right → log-odds ln(1/3); g = 1: 3 of 4 → ln 3, so the slope is 2 ln 3.
    const x = [0, 0, 0, 0, 1, 1, 1, 1].map((g) => [1, g]);
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = logisticRegression(x, y, { ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(1 / 3), 9);
    expect(fit.coefficients[1]).toBeCloseTo(2 * Math.log(3), 9);
    expect(predictLogistic(fit.coefficients, [1, 1])).toBeCloseTo(0.75, 9);
  });

  it('the ridge pulls the slope towards 0 and leaves the intercept free', () => {
    const x = [0, 0, 0, 0, 1, 1, 1, 1].map((g) => [1, g]);
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const free = logisticRegression(x, y, { ridge: 0 }).coefficients[1]!;
    const shrunk = logisticRegression(x, y, { ridge: 5 }).coefficients[1]!;
    expect(shrunk).toBeGreaterThan(0);
    expect(shrunk).toBeLessThan(free);
    // A constant outcome rate with no slope: the intercept alone is the log-odds of the rate.
    const flat = logisticRegression(
      [1, 1, 1, 1].map(() => [1]),
      [1, 1, 1, 0],
      { ridge: 0 },
    );
    expect(flat.coefficients[0]).toBeCloseTo(Math.log(3), 9);
  });

  it('refuses mismatched input', () => {
    expect(() => logisticRegression([[1]], [1, 0])).toThrow(/one non-empty feature row per outcome/);
  });
});
