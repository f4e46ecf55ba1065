import { describe, expect, it } from 'vitest';
import { trimToDirectionality } from '../../src/sim/etf.js';

describe('trimToDirectionality', () => {
  it('leaves a flow alone when the 10-day window is already two-way', () => {
    // sum 1 + 0.5 = 1.5, abs 9 + 0.5 = 9.5, limit 0.25 × 9.5 = 2.375 ≥ 1.5
    expect(trimToDirectionality(0.5, 1, 9, 0.25)).toBe(0.5);
  });

  it('trims a flow that would push |D| over the limit to the limit exactly', () => {
    // sum9 5, abs9 9, flow 3: D = 8 / 12 > 0.25. Negative solution: (0.25·9 − 5) / 1.25 = −2.2,
    // giving sum 2.8 and abs 11.2: D = 0.25.
    const trimmed = trimToDirectionality(3, 5, 9, 0.25);
    expect(trimmed).toBeCloseTo(-2.2, 12);
    expect((5 + trimmed) / (9 + Math.abs(trimmed))).toBeCloseTo(0.25, 12);
    // mirrored signs give the mirrored answer
    expect(trimToDirectionality(-3, -5, 9, 0.25)).toBeCloseTo(2.2, 12);
  });

  it('keeps the sign of the flow when a smaller same-sign flow suffices', () => {
    // sum9 −1, abs9 9, flow 4: D = 3 / 13 = 0.23 < 0.25 → unchanged; flow 6: D = 5 / 15 > 0.25
    expect(trimToDirectionality(4, -1, 9, 0.25)).toBe(4);
    const trimmed = trimToDirectionality(6, -1, 9, 0.25);
    expect(trimmed).toBeCloseTo((0.25 * 9 + 1) / 0.75, 12);
    expect((trimmed - 1) / (9 + trimmed)).toBeCloseTo(0.25, 12);
  });
});
