// The median by quickselect, in place on a Float64Array.
import { describe, expect, it } from 'vitest';
import { medianInPlace } from '../../../src/signals/stats/median-in-place.js';

describe('medianInPlace', () => {
  it('median by quickselect equals the sorted median', () => {
    expect(medianInPlace(Float64Array.of(3, 1, 2, 10))).toBe(2.5);
    expect(medianInPlace(Float64Array.of(5, 1, 4))).toBe(4);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    for (let n = 1; n < 60; n += 1) {
      const xs = Array.from({ length: n }, () => Math.round(rnd()));
      const sorted = [...xs].sort((a, b) => a - b);
      const expected = n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(medianInPlace(Float64Array.from(xs))).toBe(expected);
    }
  });
});
