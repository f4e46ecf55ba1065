// Position and liquidation measures of a fall, on a hand-built 40-day history.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { selloffContext } from '../../src/signals/selloff-context.js';
import { positionBaseline, positionMeasures } from '../../src/signals/selloff-positions.js';
import { barsFromCloses, daily } from '../helpers/market-series.js';

const START = '2025-10-01';
// 36 days at 100 (peak index 35 = 2025-11-05), then 90, 85, 80 (end index 38 = 2025-11-08)
const closes = [...Array(36).fill(100), 90, 85, 80];
const peakIndex = 35;
const endIndex = 38;
const peak = addDays(START, peakIndex);
const end = addDays(START, endIndex);

function inputs(): Parameters<typeof selloffContext>[0] {
  return {
    spot: barsFromCloses(START, closes),
    // OI 1e9 USD until the peak, 0.72e9 at the low: coins 1e9/100 = 1e7 → 0.72e9/80 = 9e6, −10 %
    openInterestUsd: daily(START, [...Array(36).fill(1e9), 0.9e9, 0.8e9, 0.72e9]),
    // 1e6 a day of long liquidations, 8e6 on 2025-11-07
    longLiquidationsUsd: daily(START, [...Array(37).fill(1e6), 8e6, 2e6]),
    cot: [],
    etfFlows: [
      { date: addDays(peak, 1), fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: -3e8 },
      { date: end, fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: -2e8 },
      { date: peak, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: -9e9 }, // at the peak: outside (peak, end]
    ],
    etfAumUsd: [{ date: peak, value: 1e11 }],
    etfHoldingsCoins: [
      { date: peak, value: 1_000_000 },
      { date: end, value: 980_000 },
    ],
  };
}

describe('positionBaseline and positionMeasures', () => {
  it('measures OI in coins, ETF flow and holdings, liquidations and volume over (peak, low]', () => {
    const ctx = selloffContext(inputs());
    const baseline = positionBaseline(ctx, peakIndex, end, 365);
    expect(baseline.longLiquidationsMedianUsd).toBe(1e6);
    expect(baseline.dollarVolumeMedianUsd).toBe(1e9);
    const m = positionMeasures(ctx, baseline, peakIndex, endIndex, end);
    expect(m.perpOiCoinsChangePct).toBeCloseTo(-10, 10);
    expect(m.etfNetFlowUsd).toBe(-5e8);
    expect(m.etfFlowShareOfAum).toBeCloseTo(-0.005, 12);
    expect(m.etfHoldingsChangePct).toBeCloseTo(-2, 10);
    expect(m.longLiquidationsPeakUsd).toBe(8e6);
    expect(m.longLiquidationsPeakDate).toBe('2025-11-07');
    expect(m.longLiquidationsMultiple).toBe(8);
    expect(m.dollarVolumeRatio).toBe(1);
    expect(m.cftcOiChangePct).toBeNull();
    expect(m.cftcReports).toBeNull();
  });

  it('uses only what is public on asOf, and reports no median with under 30 days of liquidations', () => {
    const ctx = selloffContext(inputs());
    const early = positionMeasures(
      ctx,
      positionBaseline(ctx, peakIndex, end, 365),
      peakIndex,
      endIndex,
      addDays(peak, 1),
    );
    expect(early.etfNetFlowUsd).toBe(-3e8);
    expect(early.longLiquidationsPeakUsd).toBe(1e6);
    const short = selloffContext({ ...inputs(), longLiquidationsUsd: daily(addDays(peak, -10), Array(14).fill(1e6)) });
    expect(positionBaseline(short, peakIndex, end, 365).longLiquidationsMedianUsd).toBeNull();
  });
});
