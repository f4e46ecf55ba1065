import { describe, expect, it } from 'vitest';
import { dollarVolumeOf, dollarVolumeTrend } from '../../src/signals/dollar-volume.js';
import { bar, barsFromCloses } from '../helpers/market-series.js';

describe('dollar volume', () => {
  it('prefers volumeUsd, else units × close, else null', () => {
    expect(dollarVolumeOf(bar('2025-01-01', 100, 5e6))).toBe(5e6);
    expect(dollarVolumeOf({ ...bar('2025-01-01', 100, null), volumeUnits: 3 })).toBe(300);
    expect(dollarVolumeOf(bar('2025-01-01', 100, null))).toBeNull();
  });

  it('compares the last 7 days with the 30 before', () => {
    const bars = [
      ...barsFromCloses('2025-01-01', Array(30).fill(100), 1e9),
      ...barsFromCloses('2025-01-31', Array(7).fill(100), 5e8),
    ];
    const r = dollarVolumeTrend(bars);
    expect(r.recentMeanUsd).toBe(5e8);
    expect(r.baselineMeanUsd).toBe(1e9);
    expect(r.ratio).toBe(0.5);
    expect(r.trend).toBe('falling');
    expect(dollarVolumeTrend(bars.slice(0, 7)).trend).toBeNull();
  });
});
