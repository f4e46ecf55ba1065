import { describe, expect, it } from 'vitest';
import {
  corwinSchultzEstimate,
  corwinSchultzPair,
  corwinSchultzSeries,
  corwinSchultzSpread,
} from '../../src/signals/corwin-schultz.js';
import { bar } from '../helpers/market-series.js';

describe('Corwin–Schultz', () => {
  it('estimates the spread from two bars (hand-computed)', () => {
    // H1 100, L1 98, H2 100.5, L2 98.2:
    // β = ln(100/98)² + ln(100.5/98.2)² = 0.00094414; γ = ln(100.5/98)² = 0.00063455
    // α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)) = 0.0133666; S = 2(e^α − 1)/(1 + e^α) = 0.0133664
    expect(corwinSchultzPair(100, 98, 100.5, 98.2)).toBeCloseTo(0.01336644, 7);
    // H1 101, L1 99, H2 102, L2 100 → α = −0.0041221: drift dominates, the estimate is negative
    expect(corwinSchultzPair(101, 99, 102, 100)).toBeCloseTo(-0.00412211, 7);
  });

  it('keeps the negative two-day estimates of a 24/7 crash and floors only the window mean', () => {
    // calm pair, then three crash days: H/L 100/90, 92/80, 83/74 (each day's range sits below the last)
    // crash pairs (hand-computed with the formula above):
    //   (100.5/98.2, 100/90): β = 0.000532 + 0.011101, γ = ln(100.5/90)² = 0.012199 → S = −0.0211…
    //   (100/90, 92/80): β = 0.011101 + 0.019534 = 0.030635, γ = ln(100/80)² = 0.049793 → S = −0.1160346
    //   (92/80, 83/74): β = 0.019534 + 0.013197 = 0.032731, γ = ln(92/74)² = 0.047417 → S = −0.0889611
    const bars = [
      bar('2025-03-01', 99, 1e9, 100, 98),
      bar('2025-03-02', 99, 1e9, 100.5, 98.2),
      bar('2025-03-03', 91, 1e9, 100, 90),
      bar('2025-03-04', 81, 1e9, 92, 80),
      bar('2025-03-05', 75, 1e9, 83, 74),
    ];
    const series = corwinSchultzSeries(bars).map((p) => p.spread);
    expect(series[0]).toBeCloseTo(0.01336644, 7);
    expect(series[2]).toBeCloseTo(-0.1160346, 6);
    expect(series[3]).toBeCloseTo(-0.0889611, 6);
    expect(series.slice(1).every((s) => s < 0)).toBe(true); // every crash pair is negative
    const est = corwinSchultzEstimate(bars)!;
    const rawMean = series.reduce((s, x) => s + x, 0) / series.length;
    expect(est.rawSpread).toBeCloseTo(rawMean, 15);
    expect(est.rawSpread).toBeLessThan(0);
    expect(est.spread).toBe(0);
    expect(est.negativeShare).toBe(0.75);
    expect(corwinSchultzSpread(bars)).toBe(0);
    // the old per-pair floor turned the crash days into zeros and reported the calm pair's spread / 4
    const flooredFirst = series.map((s) => Math.max(0, s)).reduce((s, x) => s + x, 0) / series.length;
    expect(flooredFirst).toBeCloseTo(0.01336644 / 4, 7);
    expect(corwinSchultzSpread(bars.slice(0, 1))).toBeNull();
  });

  it('reports a positive window mean as it is', () => {
    const bars = [bar('2025-01-01', 99, 1e9, 100, 98), bar('2025-01-02', 99, 1e9, 100.5, 98.2)];
    expect(corwinSchultzSpread(bars)).toBeCloseTo(0.01336644, 7);
  });
});
