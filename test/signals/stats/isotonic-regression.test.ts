import { describe, expect, it } from 'vitest';
import { isotonicRegression, predictIsotonic } from '../../../src/signals/stats/isotonic-regression.js';

describe('isotonicRegression (PAV)', () => {
  it('pools one violating pair into its mean', () => {
    const fit = isotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(fit.blocks).toEqual([
      { xFrom: 1, xTo: 1, value: 1, weight: 1 },
      { xFrom: 2, xTo: 3, value: 2.5, weight: 2 },
      { xFrom: 4, xTo: 4, value: 4, weight: 1 },
    ]);
  });

  it('pools backwards through several blocks, with weights, from unsorted input', () => {
    // Sorted by x: (1, 3; w 1), (2, 2; w 1), (3, 0; w 2). 3 > 2 → pool to 2.5 (w 2); 2.5 > 0 → pool
    // all: (3 + 2 + 0) / 4 = 1.25.
    const fit = isotonicRegression([3, 1, 2], [0, 3, 2], [2, 1, 1]);
    expect(fit.blocks).toEqual([{ xFrom: 1, xTo: 3, value: 1.25, weight: 4 }]);
  });

  it('pools equal x first (0/1 outcomes at the same confidence become their share)', () => {
    const fit = isotonicRegression([0.2, 0.2, 0.2, 0.8, 0.8], [0, 0, 1, 1, 1]);
    expect(fit.blocks.map((b) => [b.xFrom, b.xTo, b.value])).toEqual([
      [0.2, 0.2, 1 / 3],
      [0.8, 0.8, 1],
    ]);
  });

  it('predicts a step inside blocks, linear between them, clamped outside', () => {
    const fit = isotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(predictIsotonic(fit, 0)).toBe(1);
    expect(predictIsotonic(fit, 1.5)).toBe(1.75); // from (1, 1) to (2, 2.5)
    expect(predictIsotonic(fit, 2.7)).toBe(2.5);
    expect(predictIsotonic(fit, 3.5)).toBe(3.25); // from (3, 2.5) to (4, 4)
    expect(predictIsotonic(fit, 9)).toBe(4);
    expect(predictIsotonic({ blocks: [] }, 1)).toBeNaN();
  });

  it('keeps an already increasing series and rejects bad input', () => {
    expect(isotonicRegression([1, 2, 3], [1, 2, 3]).blocks).toHaveLength(3);
    expect(() => isotonicRegression([1, 2], [1])).toThrow(/lengths differ/);
    expect(() => isotonicRegression([1, 2], [1, 2], [1, 0])).toThrow(/weights\[1\] is 0/);
    expect(() => isotonicRegression([1, Number.NaN], [1, 2])).toThrow(/point 1/);
  });
});
