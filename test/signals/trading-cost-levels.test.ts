// The latest cost-of-trading levels against their own trailing windows, on a hand-built history.
import { describe, expect, it } from 'vitest';
import { TRADING_COST_LEVELS_DEFAULTS, tradingCostLevels } from '../../src/signals/trading-cost-levels.js';
import { barsFromCloses } from '../helpers/market-series.js';

// 100 bars flat at 100, then a +2 % day and a flat day; $1B traded every day
const bars = barsFromCloses('2025-01-01', [...Array(100).fill(100), 102, 102]);

describe('tradingCostLevels', () => {
  it('Amihud: the latest window mean of |r|/DV, ranked among its 50 trailing windows', () => {
    const levels = tradingCostLevels(bars, { window: 2, trailingBars: 50, minTrailingWindows: 10 });
    // |0.02| / 1e9 and 0 / 1e9 → mean 1e-11 per USD
    expect(levels.amihud.value).toBeCloseTo(1e-11, 20);
    // 50 trailing windows: 49 flat (0) below it, one (the +2 % day and the day before) equal → (49 + ½)/50
    expect(levels.amihud.percentile).toBeCloseTo(0.99, 12);
    expect(levels.corwinSchultzRaw.value).not.toBeNull();
  });

  it('gives no percentile with fewer trailing windows than the minimum', () => {
    const levels = tradingCostLevels(bars, { window: 2, trailingBars: 50, minTrailingWindows: 1000 });
    expect(levels.amihud.value).toBeCloseTo(1e-11, 20);
    expect(levels.amihud.percentile).toBeNull();
    expect(levels.kyleLambda.percentile).toBeNull();
    expect(tradingCostLevels([]).amihud).toEqual({ value: null, percentile: null });
    expect(TRADING_COST_LEVELS_DEFAULTS).toEqual({ window: 20, trailingBars: 365, minTrailingWindows: 60 });
  });
});
