// The Wald–Wolfowitz runs test on sign sequences counted by hand.
import { describe, expect, it } from 'vitest';
import { runsTest } from '../../src/signals/runs-test.js';

describe('runsTest', () => {
  it('counts runs on a known sign sequence', () => {
    // + + − − − + : 3 runs, n₊ = 3, n₋ = 3, expected 4, variance 1.2
    const r = runsTest([1, 2, -1, -2, -3, 4])!;
    expect(r.runs).toBe(3);
    expect(r.expectedRuns).toBe(4);
    expect(r.z).toBeCloseTo(-1 / Math.sqrt(1.2), 12);
    expect(r.pValue).toBeCloseTo(0.3613, 3);
  });

  it('alternating signs give many runs (z > 0); zeros are dropped; one-sided input is null', () => {
    const r = runsTest([1, -1, 1, -1, 0, 1, -1, 1, -1])!;
    // 8 non-zero alternating: 8 runs, n₊ = n₋ = 4, expected 5, variance 2·16·24/(64·7) = 12/7
    expect(r.runs).toBe(8);
    expect(r.z).toBeCloseTo(3 / Math.sqrt(12 / 7), 12);
    expect(runsTest([1, 2, 3, -1])).toBeNull();
  });
});
