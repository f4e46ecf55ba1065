import { describe, expect, it } from 'vitest';
import { RELIABILITY_BIN_WIDTH, calibration } from '../../src/track-record/calibration.js';

describe('calibration', () => {
  it('computes the Brier score, the constant-rate Brier and the skill by hand', () => {
    // (0.8 − 1)² + (0.8 − 0)² + (0.2 − 0)² = 0.04 + 0.64 + 0.04 → 0.24; rate 1/3 → 2/9; skill 1 − 0.24 × 4.5.
    const c = calibration([
      { confidence: 0.8, right: true },
      { confidence: 0.8, right: false },
      { confidence: 0.2, right: false },
      { confidence: null, right: true }, // skipped: no confidence
      { confidence: 0.9, right: null }, // skipped: not scored
    ]);
    expect(c.calls).toBe(3);
    expect(c.brier).toBeCloseTo(0.24, 12);
    expect(c.constantRate).toBeCloseTo(1 / 3, 12);
    expect(c.constantRateBrier).toBeCloseTo(2 / 9, 12);
    expect(c.brierSkill).toBeCloseTo(-0.08, 12);
  });

  it('fills a reliability table of ten bins of width 0.1 (1.0 in the last, 0.3 in [0.3, 0.4))', () => {
    const c = calibration([
      { confidence: 0.3, right: true },
      { confidence: 0.35, right: false },
      { confidence: 1, right: true },
      { confidence: 0.95, right: true },
      { confidence: 0, right: false },
    ]);
    expect(RELIABILITY_BIN_WIDTH).toBe(0.1);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[0]).toEqual({ from: 0, to: 0.1, calls: 1, meanConfidence: 0, shareRight: 0 });
    expect(c.bins[3]).toMatchObject({ from: 0.3, to: 0.4, calls: 2, shareRight: 0.5 });
    expect(c.bins[3]!.meanConfidence).toBeCloseTo(0.325, 12);
    expect(c.bins[9]).toMatchObject({ from: 0.9, to: 1, calls: 2, shareRight: 1 });
    expect(c.bins[5]).toEqual({ from: 0.5, to: 0.6, calls: 0, meanConfidence: null, shareRight: null });
  });

  it('has no skill when every call is right, and nulls without calls', () => {
    const all = calibration([
      { confidence: 0.6, right: true },
      { confidence: 0.9, right: true },
    ]);
    expect(all.constantRateBrier).toBe(0);
    expect(all.brierSkill).toBeNull();
    expect(all.brier).toBeCloseTo((0.16 + 0.01) / 2, 12);
    expect(calibration([])).toMatchObject({ calls: 0, brier: null, constantRate: null, brierSkill: null });
  });

  it('rejects a confidence outside [0, 1], naming the call', () => {
    expect(() => calibration([{ confidence: 1.2, right: true }])).toThrow(/calls\[0\]\.confidence is 1.2/);
  });
});
