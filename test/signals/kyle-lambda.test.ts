import { describe, expect, it } from 'vitest';
import { kyleLambda, kyleLambdaOf, signedFlowDays } from '../../src/signals/kyle-lambda.js';
import { bar } from '../helpers/market-series.js';

describe('Kyle-style λ on daily bars', () => {
  it('is the OLS slope of the return on return-signed dollar volume (hand-computed)', () => {
    // closes 100 → 101 → 98.98 → 101.9494: r = +1 %, −2 %, +3 % on DV 1e9, 2e9, 3e9
    // q = +1e9, −2e9, +3e9; q̄ = 6.667e8, r̄ = 0.006667
    // Σ(q−q̄)(r−r̄) = 1.26667e8, Σ(q−q̄)² = 1.26667e19 → λ̂ = 1e-11 (r = 1e-11·q exactly)
    const bars = [
      bar('2025-01-01', 100),
      bar('2025-01-02', 101, 1e9),
      bar('2025-01-03', 98.98, 2e9),
      bar('2025-01-04', 101.9494, 3e9),
    ];
    const days = signedFlowDays(bars);
    expect(days.map((d) => d.signedDollarVolume)).toEqual([1e9, -2e9, 3e9]);
    expect(kyleLambdaOf(days)).toBeCloseTo(1e-11, 20);
    expect(kyleLambda(bars)).toBeCloseTo(1e-11, 20);
  });

  it('is null with fewer than three days or no variation in the flow', () => {
    expect(kyleLambda([bar('2025-01-01', 100), bar('2025-01-02', 101)])).toBeNull();
    const flat = [
      { date: 'a', returnPct: 0.01, signedDollarVolume: 1e9 },
      { date: 'b', returnPct: 0.02, signedDollarVolume: 1e9 },
      { date: 'c', returnPct: 0.03, signedDollarVolume: 1e9 },
    ];
    expect(kyleLambdaOf(flat)).toBeNull();
  });
});
