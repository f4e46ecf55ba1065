import { describe, expect, it } from 'vitest';
import { cotPositioning } from '../../src/signals/cot-positioning.js';
import type { CotWeek } from '../../src/domain/market-series.js';

const week = (date: string, lev: number, am: number): CotWeek => ({
  date,
  openInterestCoins: 100_000,
  leveragedFundsNetCoins: lev,
  assetManagersNetCoins: am,
  dealersNetCoins: 0,
});

describe('cotPositioning', () => {
  const weeks = [
    week('2025-11-04', -10_000, 5_000),
    week('2025-11-11', -12_000, 6_000),
    week('2025-11-18', -14_000, 4_000),
    week('2025-11-25', -11_000, 3_000),
    week('2025-12-02', -9_000, 7_000),
  ];

  it('reports level, 4-week change and percentile', () => {
    const r = cotPositioning(weeks)!;
    expect(r.date).toBe('2025-12-02');
    expect(r.change4w).toEqual({ leveragedFundsNetCoins: 1_000, assetManagersNetCoins: 2_000 });
    // leveraged −9,000 is the highest of five: 4 below + half of 1 tie → 0.9
    expect(r.percentile.leveragedFundsNet).toBeCloseTo(0.9, 12);
    // asset managers 7,000 is also the highest → 0.9
    expect(r.percentile.assetManagersNet).toBeCloseTo(0.9, 12);
  });

  it('has no change with fewer than five reports and is null without reports', () => {
    expect(cotPositioning(weeks.slice(1))!.change4w).toBeNull();
    expect(cotPositioning([])).toBeNull();
  });
});
