import { describe, expect, it } from 'vitest';
import { directionality } from '../../src/signals/directionality.js';
import { regimeOf } from '../../src/signals/etf-flow-regime.js';
import { seededNormal } from '../helpers/seeded-normal.js';

describe('directionality', () => {
  it('is Σf/Σ|f| on a 4-day example', () => {
    // net 100 − 50 + 30 − 80 = 0 over gross 260
    expect(directionality([100, -50, 30, -80])).toBe(0);
    // net 200 + 100 − 50 − 50 = 200 over gross 400
    expect(directionality([200, 100, -50, -50])).toBeCloseTo(0.5, 12);
    expect(directionality([-10, -20, -30, 0])).toBe(-1);
    expect(directionality([])).toBeNull();
    expect(directionality([0, 0])).toBeNull();
  });

  it('stays in [−1, 1] and flipping every sign flips D and the regime (property, seeded)', () => {
    const normal = seededNormal(7);
    for (let trial = 0; trial < 300; trial++) {
      const bias = normal();
      const flows = Array.from({ length: 3 + (trial % 15) }, () => (normal() + bias) * 1e8);
      const d = directionality(flows)!;
      expect(d).toBeGreaterThanOrEqual(-1);
      expect(d).toBeLessThanOrEqual(1);
      const flipped = directionality(flows.map((f) => -f))!;
      expect(flipped).toBeCloseTo(-d, 12);
      const r = regimeOf(d);
      const rf = regimeOf(flipped);
      const mirror = {
        'one-way-inflow': 'one-way-outflow',
        'one-way-outflow': 'one-way-inflow',
        'two-way': 'two-way',
      } as const;
      if (Math.abs(Math.abs(d) - 0.6) > 1e-9) expect(rf).toBe(mirror[r!]);
    }
  });
});
