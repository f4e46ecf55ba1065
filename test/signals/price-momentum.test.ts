import { describe, expect, it } from 'vitest';
import type { DailyBar } from '../../src/domain/market-series.js';
import { addDays } from '../../src/domain/dates.js';
import { priceMomentum } from '../../src/signals/price-momentum.js';

const bars = (closes: number[]): DailyBar[] =>
  closes.map((close, i) => ({
    date: addDays('2026-01-01', i),
    open: close,
    high: close + 1,
    low: close - 1,
    close,
    volumeUsd: null,
    volumeUnits: null,
  }));

describe('priceMomentum', () => {
  it('hand-computed returns and distance from the 20-day low', () => {
    // 21 closes 100, 101, …, 120: return20d = 120/100 − 1 = 0.2; return10d = 120/110 − 1.
    const m = priceMomentum(bars(Array.from({ length: 21 }, (_, i) => 100 + i)));
    expect(m.close).toBe(120);
    expect(m.return20d).toBeCloseTo(0.2, 12);
    expect(m.return10d).toBeCloseTo(120 / 110 - 1, 12);
    // Last 20 bars are closes 101…120, lows 100…119: 120/100 − 1.
    expect(m.aboveLow20d).toBeCloseTo(0.2, 12);
  });

  it('is null where history is too short, and empty input gives all nulls', () => {
    const m = priceMomentum(bars([100, 90, 95]));
    expect(m.return10d).toBeNull();
    expect(m.aboveLow20d).toBeNull();
    expect(priceMomentum([])).toEqual({ close: null, return10d: null, return20d: null, aboveLow20d: null });
  });
});
