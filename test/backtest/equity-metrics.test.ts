import { describe, expect, it } from 'vitest';
import { DAYS_PER_YEAR, equityMetrics } from '../../src/backtest/equity-metrics.js';
import { dailyCloses } from '../helpers/price-paths.js';

// +10 %, −10 %, 0 %, +10 %; in the market except over the third day.
const closes = dailyCloses([100, 110, 99, 99, 108.9]);
const exposure = [1, 1, 0, 1, 1];

describe('equityMetrics', () => {
  it('computes a hand-checked equity curve, Sharpe, Sortino and max drawdown with its dates (no costs)', () => {
    const { metrics: m, curve } = equityMetrics(closes, exposure);
    expect(curve.map((p) => Number(p.equity.toFixed(12)))).toEqual([1, 1.1, 0.99, 0.99, 1.089]);
    expect(curve.map((p) => Number(p.drawdown.toFixed(12)))).toEqual([0, 0, 0.1, 0.1, 0.01]);
    expect(m.finalEquity).toBeCloseTo(1.089, 12);
    expect(m.totalReturn).toBeCloseTo(0.089, 12);
    expect(m.logGrowth).toBeCloseTo(Math.log(1.089), 12);
    expect(m.cagr).toBeCloseTo(1.089 ** (365 / 4) - 1, 6);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12);
    expect(m.maxDrawdownPeakDate).toBe('2024-01-02');
    expect(m.maxDrawdownTroughDate).toBe('2024-01-03');
    expect(m.maxDrawdownRecoveryDate).toBeNull();
    // Daily returns 0.1, −0.1, 0, 0.1: mean 0.025, sample sd √(0.0275 / 3), downside √(0.01 / 4) = 0.05.
    const sd = Math.sqrt(0.0275 / 3);
    expect(m.volatilityAnnualised).toBeCloseTo(sd * Math.sqrt(365), 10);
    expect(m.sharpe).toBeCloseTo((0.025 / sd) * Math.sqrt(365), 10);
    expect(m.sharpe).toBeCloseTo(4.98861, 4);
    expect(m.sortino).toBeCloseTo((0.025 / 0.05) * Math.sqrt(365), 10);
    expect(m.calmar).toBeCloseTo(m.cagr! / 0.1, 6);
    expect(m.timeInMarket).toBe(0.75);
    expect(m.meanExposure).toBe(0.75);
    expect(m.switches).toBe(2);
    expect(m.turnover).toBe(3);
    expect(m.feesPaid).toBe(0);
    expect(m.logGrowthPerMaxDrawdown).toBeCloseTo(Math.log(1.089) / 0.1, 10);
    expect(m).toMatchObject({ firstDate: '2024-01-01', lastDate: '2024-01-05', days: 5 });
    expect(DAYS_PER_YEAR).toBe(365);
  });

  it('charges the cost per unit of exposure changed, the first entry included', () => {
    const { metrics: m, curve } = equityMetrics(closes, exposure, { costBps: 10 });
    // 1 − 0.001 = 0.999; × 1.1; × 0.9 then − 0.1 %; × 1 then − 0.1 %; × 1.1.
    const e = [0.999, 0.999 * 1.1, 0.999 * 1.1 * 0.9 * 0.999, 0.999 * 1.1 * 0.9 * 0.999 * 0.999];
    e.push(e[3]! * 1.1);
    curve.forEach((p, i) => expect(p.equity).toBeCloseTo(e[i]!, 12));
    expect(m.feesPaid).toBeCloseTo(0.001 + e[1]! * 0.9 * 0.001 + e[2]! * 0.001, 12);
    expect(m.maxDrawdown).toBeCloseTo(1 - e[3]! / e[1]!, 12);
    expect(m.maxDrawdownTroughDate).toBe('2024-01-04');
    expect(m.turnover).toBe(3);
  });

  it('dates the recovery, and leaves ratios null when undefined', () => {
    const run = equityMetrics(dailyCloses([100, 80, 90, 100, 120]), [1, 1, 1, 1, 1]);
    expect(run.metrics).toMatchObject({
      maxDrawdownPeakDate: '2024-01-01',
      maxDrawdownTroughDate: '2024-01-02',
      maxDrawdownRecoveryDate: '2024-01-04',
    });
    expect(run.metrics.maxDrawdown).toBeCloseTo(0.2, 12);
    const cash = equityMetrics(dailyCloses([100, 120, 90]), [0, 0, 0]).metrics;
    expect(cash).toMatchObject({ finalEquity: 1, maxDrawdown: 0, sharpe: null, sortino: null, calmar: null });
    expect(cash).toMatchObject({ maxDrawdownPeakDate: null, logGrowthPerMaxDrawdown: null, timeInMarket: 0 });
    const one = equityMetrics(dailyCloses([100]), [1]).metrics;
    expect(one).toMatchObject({ cagr: null, volatilityAnnualised: null, timeInMarket: null, turnover: 1 });
  });

  it('rejects mismatched or invalid input, naming the value', () => {
    expect(() => equityMetrics(closes, [1, 1])).toThrow(/2 exposures for 5 closes/);
    expect(() => equityMetrics(closes, [1, 1, 2, 1, 1])).toThrow(/exposure\[2\] is 2/);
    expect(() => equityMetrics([], [])).toThrow(/no closes/);
    expect(() => equityMetrics(closes, exposure, { costBps: -1 })).toThrow(/costBps is -1/);
  });
});
