// Sell-off episodes from daily closes: peak to lowest close, the trigger bar, causality.
import { describe, expect, it } from 'vitest';
import { detectSelloffs } from '../../src/signals/selloff-detection.js';
import { barsFromCloses } from '../helpers/market-series.js';

describe('detectSelloffs', () => {
  it('finds one episode from the peak to the lowest close, with its trigger and successive lows', () => {
    const bars = barsFromCloses('2025-01-01', [100, 95, 88, 90, 86, 95, 96]);
    const eps = detectSelloffs(bars);
    expect(eps).toHaveLength(1);
    expect(eps[0]!.start).toBe('2025-01-01');
    expect(eps[0]!.end).toBe('2025-01-05');
    expect(eps[0]!.drawdownPct).toBeCloseTo(-14, 10);
    expect(eps[0]!.triggerIndex).toBe(2); // 88 is the first close ≥ 10 % below the peak
    expect(eps[0]!.lowIndexes).toEqual([2, 4]);
  });

  it('ignores falls below the threshold or slower than maxDays', () => {
    expect(detectSelloffs(barsFromCloses('2025-01-01', [100, 95, 91, 92]))).toEqual([]);
    const slow = Array.from({ length: 30 }, (_, i) => 100 - i * 0.5); // −0.5 per day: 10 days = −5 %
    expect(detectSelloffs(barsFromCloses('2025-01-01', slow))).toEqual([]);
  });

  it('separates two falls with a recovery in between', () => {
    const bars = barsFromCloses('2025-01-01', [100, 85, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 95]);
    expect(detectSelloffs(bars).map((e) => [e.start, e.end])).toEqual([
      ['2025-01-01', '2025-01-02'],
      ['2025-01-13', '2025-01-14'],
    ]);
  });

  it('never moves an episode start or trigger when later bars arrive (causal)', () => {
    const closes = [100, 95, 88, 90, 86, 95, 96, 80, 97, 99, 101, 100, 102, 90];
    const full = detectSelloffs(barsFromCloses('2025-01-01', closes));
    for (let n = 2; n <= closes.length; n += 1) {
      const cut = detectSelloffs(barsFromCloses('2025-01-01', closes.slice(0, n)));
      cut.forEach((ep, i) => {
        expect(ep.startIndex).toBe(full[i]!.startIndex);
        expect(ep.triggerIndex).toBe(full[i]!.triggerIndex);
        expect(full[i]!.lowIndexes.slice(0, ep.lowIndexes.length)).toEqual(ep.lowIndexes);
      });
    }
  });
});
