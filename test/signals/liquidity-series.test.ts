// The rolling Amihud and spread series the Liquidity page charts: hand-computed on three days, and
// their last points equal to the section's headline figures.
import { describe, expect, it } from 'vitest';
import { amihudVsMedian } from '../../src/signals/amihud.js';
import { corwinSchultzPair, corwinSchultzSpread } from '../../src/signals/corwin-schultz.js';
import { amihudSeries, corwinSchultzSpreadSeries } from '../../src/signals/liquidity-series.js';
import { bar, barsFromCloses } from '../helpers/market-series.js';

describe('amihudSeries', () => {
  it('averages |r| / dollar volume over the window, dated by its last day (hand-computed)', () => {
    const bars = [bar('2025-01-01', 100, 5e5), bar('2025-01-02', 110, 1e6), bar('2025-01-03', 99, 2e6)];
    // r2 = +0.1 on 1e6 → 1e-7; r3 = −0.1 on 2e6 → 5e-8
    expect(amihudSeries(bars, { window: 2 })).toEqual([{ date: '2025-01-03', value: expect.closeTo(7.5e-8, 18) }]);
    expect(amihudSeries(bars, { window: 1 })).toEqual([
      { date: '2025-01-02', value: expect.closeTo(1e-7, 18) },
      { date: '2025-01-03', value: expect.closeTo(5e-8, 18) },
    ]);
    expect(amihudSeries(bars)).toEqual([]);
  });

  it('ends at the headline 20-day Amihud', () => {
    const closes = Array.from({ length: 60 }, (_, i) => 100 + 5 * Math.sin(i / 3));
    const bars = barsFromCloses('2025-01-01', closes).map((b, i) => ({ ...b, volumeUsd: 1e9 + i * 1e7 }));
    const series = amihudSeries(bars);
    expect(series).toHaveLength(59 - 20 + 1);
    expect(series.at(-1)!.value).toBeCloseTo(amihudVsMedian(bars).amihud!, 20);
  });
});

describe('corwinSchultzSpreadSeries', () => {
  it('averages the raw two-day estimates over the window, then floors the mean (hand-computed)', () => {
    const bars = [
      bar('2025-01-01', 99, 1, 100, 98),
      bar('2025-01-02', 99, 1, 100.5, 98.2), // pair 1: S = 0.01336644 (hand-computed in corwin-schultz.test.ts)
      bar('2025-01-03', 101, 1, 102, 100.2), // pair 2: drift up, a negative raw estimate
    ];
    expect(corwinSchultzPair(100.5, 98.2, 102, 100.2)).toBeLessThan(0);
    expect(corwinSchultzSpreadSeries(bars, { window: 1 })).toEqual([
      { date: '2025-01-02', value: expect.closeTo(0.01336644, 7) },
      { date: '2025-01-03', value: 0 },
    ]);
    const pair2 = corwinSchultzPair(100.5, 98.2, 102, 100.2);
    expect(corwinSchultzSpreadSeries(bars, { window: 2 })).toEqual([
      { date: '2025-01-03', value: expect.closeTo(Math.max(0, (0.01336644 + pair2) / 2), 7) },
    ]);
  });

  it('ends at the headline 20-day spread', () => {
    const closes = Array.from({ length: 40 }, (_, i) => 100 + (i % 5));
    const bars = barsFromCloses('2025-01-01', closes);
    expect(corwinSchultzSpreadSeries(bars).at(-1)!.value).toBeCloseTo(corwinSchultzSpread(bars)!, 15);
  });
});
