import { describe, expect, it } from 'vitest';
import {
  abdiRanaldoSeries,
  abdiRanaldoSpread,
  abdiRanaldoSquaredPair,
  signedSpreadFromSquared,
} from '../../src/signals/abdi-ranaldo.js';
import { bar } from '../helpers/market-series.js';

describe('Abdi–Ranaldo', () => {
  it('estimates the squared spread from one pair of days (hand-computed)', () => {
    // day 1 H 102, L 98, C 101 (closed near its high, at the ask); day 2 H 100, L 96 (traded lower)
    // c − η₁ = ln(101/√(102·98)) = ln(101/99.97999…) = 0.0101504
    // c − η₂ = ln(101/√(100·96)) = ln(101/97.97959…) = 0.0303613
    // S² = 4 · 0.0101504 · 0.0303613 = 1.23271e-3 → S = 3.511 %
    expect(abdiRanaldoSquaredPair(102, 98, 101, 100, 96)).toBeCloseTo(1.232715e-3, 9);
    expect(Math.sqrt(abdiRanaldoSquaredPair(102, 98, 101, 100, 96))).toBeCloseTo(0.0351101, 6);
  });

  it('goes negative on a 24/7 crash day where the next range keeps falling', () => {
    // day 1 H 100, L 90, C 91 (closed near its low); day 2 H 92, L 80 (mid 85.79 < 91)
    // c − η₁ = ln(91/√9000) = −0.0416304; c − η₂ = ln(91/√7360) = +0.0589519 → 4·(−)(+) = −0.00981677
    expect(abdiRanaldoSquaredPair(100, 90, 91, 92, 80)).toBeCloseTo(-0.00981677, 8);
  });

  it('averages the raw two-day estimates first, then takes the root, then floors', () => {
    const bars = [
      bar('2025-01-01', 101, 1e9, 102, 98),
      bar('2025-01-02', 99, 1e9, 100, 96),
      bar('2025-01-03', 91, 1e9, 100, 90),
      bar('2025-01-04', 81, 1e9, 92, 80),
    ];
    const raw = abdiRanaldoSeries(bars).map((p) => p.squaredSpread);
    expect(raw).toHaveLength(3);
    expect(raw[0]).toBeCloseTo(1.232715e-3, 9);
    expect(raw[2]).toBeCloseTo(-0.00981677, 8);
    const mean = (raw[0]! + raw[1]! + raw[2]!) / 3;
    const est = abdiRanaldoSpread(bars)!;
    expect(est.meanSquaredSpread).toBeCloseTo(mean, 15);
    expect(est.signedSpread).toBeCloseTo(-Math.sqrt(-mean), 12);
    expect(est.spread).toBe(0); // the window is dominated by the crash's drift
    // the middle pair (C 99 above both mid-ranges 97.98 and 94.87) is positive: 4·0.0103607·0.0426299 ≈ 1.76670e-3
    expect(raw[1]).toBeCloseTo(1.7667e-3, 7);
    expect(est.negativeShare).toBeCloseTo(1 / 3, 12);
    // flooring each pair first would have reported a positive spread for the same window
    const flooredFirst = raw.map((x) => Math.sqrt(Math.max(0, x))).reduce((s, x) => s + x, 0) / 3;
    expect(flooredFirst).toBeGreaterThan(0.01);
    expect(abdiRanaldoSpread(bars.slice(0, 1))).toBeNull();
  });

  it('signs the root of a mean squared spread', () => {
    expect(signedSpreadFromSquared(-4e-4)).toBeCloseTo(-0.02, 15);
    expect(signedSpreadFromSquared(9e-4)).toBeCloseTo(0.03, 15);
    expect(signedSpreadFromSquared(0)).toBe(0);
  });
});
