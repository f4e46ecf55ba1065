import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/signals/stats/seeded-random.js';
import { BLOCK_BOOTSTRAP_DEFAULTS, blockBootstrapMeans } from '../../src/track-record/block-bootstrap.js';

describe('blockBootstrapMeans', () => {
  it('two observations, blocks of one: resampled means are x0, the midpoint or x1 → interval [x0, x1]', () => {
    // P(both draws x0) = 1/4 > 5 %, so the 5 % and 95 % quantiles are the extremes.
    const [interval] = blockBootstrapMeans([[2, 6]], { blockLength: 1 })!;
    expect(interval).toEqual({ lower: 2, upper: 6 });
  });

  it('gives a constant series a zero-width interval at the constant', () => {
    const [interval] = blockBootstrapMeans([new Array<number>(50).fill(0.07)], { blockLength: 5 })!;
    expect(interval!.lower).toBeCloseTo(0.07, 14);
    expect(interval!.upper - interval!.lower).toBeLessThan(1e-14);
  });

  it('is deterministic for a seed and differs for another', () => {
    const random = createRandom(3);
    const xs = Array.from({ length: 200 }, () => random.normal());
    const a = blockBootstrapMeans([xs], { blockLength: 10, seed: 1 });
    const b = blockBootstrapMeans([xs], { blockLength: 10, seed: 1 });
    const c = blockBootstrapMeans([xs], { blockLength: 10, seed: 2 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(BLOCK_BOOTSTRAP_DEFAULTS).toEqual({ resamples: 1000, level: 0.9, seed: 7 });
  });

  it('brackets the sample mean, and longer blocks widen the interval of a persistent series', () => {
    // AR(1) with φ = 0.9: neighbouring values move together, so blocks of one understate the spread.
    const random = createRandom(5);
    const xs: number[] = [];
    let x = 0;
    for (let i = 0; i < 600; i++) xs.push((x = 0.9 * x + random.normal()));
    const sampleMean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const [iid] = blockBootstrapMeans([xs], { blockLength: 1 })!;
    const [blocks] = blockBootstrapMeans([xs], { blockLength: 30 })!;
    for (const i of [iid!, blocks!]) {
      expect(i.lower).toBeLessThan(sampleMean);
      expect(i.upper).toBeGreaterThan(sampleMean);
    }
    expect(blocks!.upper - blocks!.lower).toBeGreaterThan(2 * (iid!.upper - iid!.lower));
  });

  it('resamples the same blocks for every series (a series and its double move together)', () => {
    const random = createRandom(8);
    const xs = Array.from({ length: 80 }, () => random.uniform());
    const [one, two] = blockBootstrapMeans([xs, xs.map((v) => 2 * v)], { blockLength: 4 })!;
    expect(two!.lower).toBeCloseTo(2 * one!.lower, 12);
    expect(two!.upper).toBeCloseTo(2 * one!.upper, 12);
  });

  it('returns null with fewer than two blocks of observations and rejects bad options', () => {
    expect(blockBootstrapMeans([[1, 2, 3]], { blockLength: 2 })).toBeNull();
    expect(blockBootstrapMeans([[]], { blockLength: 1 })).toBeNull();
    expect(() => blockBootstrapMeans([[1, 2]], { blockLength: 0 })).toThrow(/blockLength is 0/);
    expect(() => blockBootstrapMeans([[1, 2]], { blockLength: 1, level: 1 })).toThrow(/level is 1/);
    expect(() => blockBootstrapMeans([[1, 2], [1]], { blockLength: 1 })).toThrow(/series\[1\] has 1 values/);
  });
});
