import { describe, expect, it } from 'vitest';
import { trendSection } from '../../../src/signals/sections/trend-section.js';
import { barsFromCloses, emptyMarketSeries } from '../../helpers/market-series.js';

describe('trendSection', () => {
  it('is null-filled for an empty series', () => {
    const s = trendSection(emptyMarketSeries());
    expect(s.close).toBeNull();
    expect(s.sma200).toBeNull();
    expect(s.aboveSma200).toBeNull();
    expect(s.drawdownFromPeakPct).toBeNull();
    expect(s.supports).toEqual([]);
    expect(s.evidence).toEqual([]);
    expect(s.availability.missing).toEqual(['spot', 'spot200Days']);
  });

  it('computes SMAs on a ramp and cites them', () => {
    // closes 1 … 250: SMA50 = mean(201..250) = 225.5, SMA100 = 200.5, SMA200 = 150.5
    const closes = Array.from({ length: 250 }, (_, i) => i + 1);
    const s = trendSection(emptyMarketSeries({ spot: barsFromCloses('2025-01-01', closes) }));
    expect(s.sma50).toBe(225.5);
    expect(s.sma100).toBe(200.5);
    expect(s.sma200).toBe(150.5);
    expect([s.aboveSma50, s.aboveSma100, s.aboveSma200]).toEqual([true, true, true]);
    expect(s.drawdownFromPeakPct).toBe(0);
    const ma = s.evidence.find((e) => e.signal === 'trend.movingAverages')!;
    expect(ma.text).toContain('SMA200 150.50 (+66.1%)');
    expect(ma.weight).toBe(0.75);
    expect(s.availability.available).toBe(true);
  });

  it('marks bear-market drawdowns', () => {
    const closes = [...Array.from({ length: 199 }, () => 100), 70];
    const s = trendSection(emptyMarketSeries({ spot: barsFromCloses('2025-01-01', closes) }));
    expect(s.drawdownFromPeakPct).toBeCloseTo(-30, 10);
    expect(s.aboveSma50).toBe(false);
    expect(s.sma200).toBeCloseTo(99.85, 10); // (199 × 100 + 70) / 200
    const dd = s.evidence.find((e) => e.signal === 'trend.drawdown')!;
    expect(dd.text).toContain('bear-market');
    expect(dd.weight).toBe(-0.5);
  });
});
