import { describe, expect, it } from 'vitest';
import { amihud, amihudVsMedian, dailyIlliquidity } from '../../src/signals/amihud.js';
import { bar, barsFromCloses } from '../helpers/market-series.js';

describe('amihud', () => {
  it('is the mean of |r| / dollar volume on three days (hand-computed)', () => {
    const bars = [bar('2025-01-01', 100, 5e5), bar('2025-01-02', 110, 1e6), bar('2025-01-03', 99, 2e6)];
    // r2 = +0.1 on 1e6 → 1e-7; r3 = −0.1 on 2e6 → 5e-8; mean 7.5e-8
    expect(dailyIlliquidity(bars).map((d) => d.illiquidity)).toEqual([
      expect.closeTo(1e-7, 18),
      expect.closeTo(5e-8, 18),
    ]);
    expect(amihud(bars, 2)).toBeCloseTo(7.5e-8, 18);
  });

  it('uses volumeUnits × close when volumeUsd is absent and skips bars without volume', () => {
    const bars = [
      bar('2025-01-01', 100),
      { ...bar('2025-01-02', 110, null), volumeUnits: 10 }, // DV = 1,100
      bar('2025-01-03', 121, null),
    ];
    expect(dailyIlliquidity(bars)).toEqual([{ date: '2025-01-02', illiquidity: expect.closeTo(0.1 / 1100, 15) }]);
    expect(amihud([])).toBeNull();
  });

  it('compares the latest 20-day value with the median of the previous ones', () => {
    // alternating ±1 % moves on 1e9; in the last 20 days volume drops to 2.5e8 → ratio 4
    const closes = Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? 100 : 101));
    const bars = barsFromCloses('2025-01-01', closes).map((b, i) => (i >= 60 ? { ...b, volumeUsd: 2.5e8 } : b));
    const r = amihudVsMedian(bars);
    expect(r.ratio).not.toBeNull();
    expect(r.ratio!).toBeGreaterThan(3.5);
    expect(r.ratio!).toBeLessThanOrEqual(4.01);
    expect(amihudVsMedian(bars.slice(0, 30)).ratio).toBeNull(); // too little history for a median
  });
});
