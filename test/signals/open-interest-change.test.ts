import { describe, expect, it } from 'vitest';
import { openInterestChange } from '../../src/signals/open-interest-change.js';
import { daily } from '../helpers/market-series.js';

describe('openInterestChange', () => {
  it('gives nulls for an empty series', () => {
    const r = openInterestChange([]);
    expect(r.openInterestUsd).toBeNull();
    expect(r.change7dPct).toBeNull();
    expect(r.zScore).toBeNull();
    expect(r.pctFromPeak).toBeNull();
  });

  it('measures the 2025-10-10 flush as −25 % from the peak', () => {
    const r = openInterestChange([
      { date: '2025-10-08', value: 44e9 },
      { date: '2025-10-09', value: 45.61e9 },
      { date: '2025-10-10', value: 34.23e9 },
    ]);
    expect(r.pctFromPeak).toBeCloseTo((34.23 / 45.61 - 1) * 100, 10);
    expect(r.pctFromPeak).toBeCloseTo(-24.95, 2);
    expect(r.peakDate).toBe('2025-10-09');
    expect(r.change7dPct).toBeNull(); // no point 7 days back
  });

  it('computes window changes from the point on or before the window start', () => {
    // 31 days: 100 … then last = 130; 7 days before last (index 23) = 123; 30 days before (index 0) = 100
    const values = Array.from({ length: 31 }, (_, i) => 100 + i);
    const r = openInterestChange(daily('2025-01-01', values));
    expect(r.change7dPct).toBeCloseTo((130 / 123 - 1) * 100, 10);
    expect(r.change30dPct).toBeCloseTo(30, 10);
  });

  it('z-scores the level against its trailing window (hand-computed)', () => {
    // values 10,12,11,13,12,14,13,15,14,20: mean 13.4, sample sd 2.7568… → z = 2.39407
    const r = openInterestChange(daily('2025-01-01', [10, 12, 11, 13, 12, 14, 13, 15, 14, 20]));
    expect(r.zScore).toBeCloseTo(2.3940716, 6);
  });

  it('needs ten points for a z-score', () => {
    expect(openInterestChange(daily('2025-01-01', [1, 2, 3, 4, 5, 6, 7, 8, 9])).zScore).toBeNull();
  });
});
