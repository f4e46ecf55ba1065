import { describe, expect, it } from 'vitest';
import { directionality, lag1Autocorrelation, mean, median, stdev } from '../../src/sim/stats.js';
import { createRandom } from '../../src/sim/random.js';

describe('sim stats', () => {
  it('computes hand-checked values', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(stdev([1, 2, 3])).toBeCloseTo(1, 12);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    // mean 2.5, deviations -1.5 -0.5 0.5 1.5: num = 0.75 - 0.25 + 0.75 = 1.25, den = 5
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(directionality([3, -1])).toBe(0.5);
    expect(directionality([])).toBe(0);
    expect(Number.isNaN(stdev([1]))).toBe(true);
  });

  it('directionality stays in [-1, 1] and flips with the signs', () => {
    const random = createRandom(5);
    for (let k = 0; k < 50; k++) {
      const flows = Array.from({ length: 10 }, () => random.normal());
      const d = directionality(flows);
      expect(Math.abs(d)).toBeLessThanOrEqual(1);
      expect(directionality(flows.map((f) => -f))).toBeCloseTo(-d, 12);
    }
  });
});

describe('sim random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xa = Array.from({ length: 20 }, () => a.uniform());
    expect(Array.from({ length: 20 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 20 }, () => c.uniform())).not.toEqual(xa);
  });

  it('draws uniforms in [0, 1) and normals with mean ~0 and stdev ~1', () => {
    const r = createRandom(1);
    const u = Array.from({ length: 20_000 }, () => r.uniform());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const n = Array.from({ length: 20_000 }, () => r.normal());
    expect(Math.abs(mean(n))).toBeLessThan(0.03);
    expect(stdev(n)).toBeGreaterThan(0.97);
    expect(stdev(n)).toBeLessThan(1.03);
    const ints = Array.from({ length: 2_000 }, () => r.int(-3, 3));
    expect(new Set(ints)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
  });
});
