import { describe, expect, it } from 'vitest';
import { PLATT_SCALING_DEFAULTS, plattScaling, predictPlatt } from '../../../src/signals/stats/platt-scaling.js';

describe('plattScaling', () => {
  it('recovers the closed form for two groups: rates 1/4 at −1 and 3/4 at +1 → slope ln 3, intercept 0', () => {
    const scores = [-1, -1, -1, -1, 1, 1, 1, 1];
    const outcomes = [0, 0, 0, 1, 0, 1, 1, 1];
    const fit = plattScaling(scores, outcomes, { ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.slope).toBeCloseTo(Math.log(3), 10);
    expect(fit.intercept).toBeCloseTo(0, 10);
    expect(predictPlatt(fit, 1)).toBeCloseTo(0.75, 10);
    expect(predictPlatt(fit, -1)).toBeCloseTo(0.25, 10);
  });

  it('solves the general two-group case: σ(b − a) = p1, σ(b + a) = p2', () => {
    // p1 = 0.2, p2 = 0.6 with weights (counts): logit 0.2 = −ln 4, logit 0.6 = ln 1.5.
    const fit = plattScaling([-1, -1, 1, 1], [true, false, true, false], { ridge: 0, weights: [1, 4, 3, 2] });
    expect(fit.intercept - fit.slope).toBeCloseTo(-Math.log(4), 9);
    expect(fit.intercept + fit.slope).toBeCloseTo(Math.log(1.5), 9);
  });

  it('with a ridge and constant scores: slope 0 and n (σ(b) − rate) + ridge × b = 0', () => {
    const outcomes = [1, 0, 0, 0, 0];
    const ridge = 0.5;
    const fit = plattScaling([0, 0, 0, 0, 0], outcomes, { ridge });
    const p = 1 / (1 + Math.exp(-fit.intercept));
    expect(fit.slope).toBeCloseTo(0, 12);
    expect(5 * (p - 0.2) + ridge * fit.intercept).toBeCloseTo(0, 10);
    expect(fit.intercept).toBeGreaterThan(Math.log(0.25)); // shrunk towards 0 from logit 0.2
    expect(PLATT_SCALING_DEFAULTS.ridge).toBe(1e-3);
  });

  it('stays finite on separable outcomes with the default ridge, and rejects bad input', () => {
    const fit = plattScaling([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]);
    expect(Number.isFinite(fit.slope)).toBe(true);
    expect(fit.slope).toBeGreaterThan(0);
    expect(() => plattScaling([0, 0], [0, 1], { ridge: 0 })).toThrow(/do not vary/);
    expect(() => plattScaling([0, 1], [0, 2])).toThrow(/outcomes\[1\] is 2/);
    expect(() => plattScaling([0, 1], [0])).toThrow(/lengths differ/);
  });
});
