import { describe, expect, it } from 'vitest';
import { corwinSchultzPair, corwinSchultzSeries, corwinSchultzSpread } from '../../../src/signals/corwin-schultz.js';
import { bar } from '../section-fixtures.js';

describe('Corwin–Schultz', () => {
  it('estimates the spread from two bars (hand-computed)', () => {
    // H1 100, L1 98, H2 100.5, L2 98.2:
    // β = ln(100/98)² + ln(100.5/98.2)² = 0.00094414; γ = ln(100.5/98)² = 0.00063455
    // α = (√(2β) − √β)/(3 − 2√2) − √(γ/(3 − 2√2)) = 0.0133666; S = 2(e^α − 1)/(1 + e^α) = 0.0133664
    expect(corwinSchultzPair(100, 98, 100.5, 98.2)).toBeCloseTo(0.01336644, 7);
  });

  it('can be negative for a pair dominated by drift, and the series floors it at 0', () => {
    // H1 101, L1 99, H2 102, L2 100 → α = −0.0041221
    expect(corwinSchultzPair(101, 99, 102, 100)).toBeCloseTo(-0.00412211, 7);
    const bars = [
      bar('2025-01-01', 100, 1, 101, 99),
      bar('2025-01-02', 101, 1, 102, 100),
      bar('2025-01-03', 99, 1, 100.5, 98.2),
    ];
    const series = corwinSchultzSeries(bars);
    expect(series[0]!.spread).toBe(0);
    // second pair: H1 102, L1 100, H2 100.5, L2 98.2
    expect(series[1]!.spread).toBeCloseTo(Math.max(0, corwinSchultzPair(102, 100, 100.5, 98.2)), 15);
    expect(corwinSchultzSpread(bars)).toBeCloseTo((series[0]!.spread + series[1]!.spread) / 2, 15);
    expect(corwinSchultzSpread(bars.slice(0, 1))).toBeNull();
  });
});
