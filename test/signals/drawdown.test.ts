import { describe, expect, it } from 'vitest';
import { drawdownFromPeak } from '../../src/signals/drawdown.js';
import { barsFromCloses } from '../helpers/market-series.js';

describe('drawdownFromPeak', () => {
  it('measures the fall from the highest close', () => {
    const r = drawdownFromPeak(barsFromCloses('2025-01-01', [100, 120, 90]));
    expect(r.peakClose).toBe(120);
    expect(r.peakDate).toBe('2025-01-02');
    expect(r.drawdownFromPeakPct).toBeCloseTo(-25, 12);
  });

  it('is 0 at a new high, limited to a lookback, and null when empty', () => {
    expect(drawdownFromPeak(barsFromCloses('2025-01-01', [100, 120, 130])).drawdownFromPeakPct).toBe(0);
    expect(drawdownFromPeak(barsFromCloses('2025-01-01', [200, 100, 80]), 2).drawdownFromPeakPct).toBeCloseTo(-20, 12);
    expect(drawdownFromPeak([]).drawdownFromPeakPct).toBeNull();
  });
});
