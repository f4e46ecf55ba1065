// The estimated leverage ratio's trend over a window, with a flat band.
import { describe, expect, it } from 'vitest';
import { leverageTrend } from '../../src/signals/leverage-trend.js';
import { daily } from '../helpers/market-series.js';

describe('leverageTrend', () => {
  it('reads rising, falling and flat from the 30-day change against a ±5 % band', () => {
    // 31 days: day 0 = 0.20, day 30 = 0.22 → +10 % → rising
    const rising = daily('2025-11-01', [0.2, ...Array(29).fill(0.21), 0.22]);
    const r = leverageTrend(rising);
    expect(r.date).toBe('2025-12-01');
    expect(r.leverageRatio).toBe(0.22);
    expect(r.changePct).toBeCloseTo(10, 10);
    expect(r.trend).toBe('rising');
    // 0.20 → 0.18 = −10 % → falling; 0.20 → 0.204 = +2 % → flat
    expect(leverageTrend(daily('2025-11-01', [0.2, ...Array(29).fill(0.2), 0.18])).trend).toBe('falling');
    expect(leverageTrend(daily('2025-11-01', [0.2, ...Array(29).fill(0.2), 0.204])).trend).toBe('flat');
    // a band of 1 % makes the +2 % move rising
    expect(leverageTrend(daily('2025-11-01', [0.2, ...Array(29).fill(0.2), 0.204]), { flatBandPct: 1 }).trend).toBe(
      'rising',
    );
  });

  it('gives nulls without data or without a point a window back', () => {
    expect(leverageTrend([])).toEqual({ date: null, leverageRatio: null, changePct: null, trend: null });
    const short = leverageTrend(daily('2025-11-01', [0.2, 0.21]));
    expect(short.leverageRatio).toBe(0.21);
    expect(short.changePct).toBeNull();
    expect(short.trend).toBeNull();
  });
});
