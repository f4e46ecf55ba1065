// Strategy runs on hand-made markets: equity curves, Sharpe and drawdown dates checked by hand, the
// fill timing, and each shipped strategy's rules on days built to trigger them.
import { describe, expect, it } from 'vitest';
import { equityMetrics } from '../../src/backtest/equity-metrics.js';
import { runStrategy } from '../../src/backtest/run-strategy.js';
import { buyAndHoldStrategy } from '../../src/backtest/strategies/buy-and-hold.js';
import { dcaStrategy } from '../../src/backtest/strategies/dca.js';
import { phaseFollowingStrategy, PHASE_FOLLOWING_EXPOSURE } from '../../src/backtest/strategies/phase-following.js';
import { phasedAccumulationStrategy } from '../../src/backtest/strategies/phased-accumulation.js';
import { rightSideConfirmationStrategy } from '../../src/backtest/strategies/right-side-confirmation.js';
import { withStops } from '../../src/backtest/stops.js';
import { PHASE_FOLLOWING_DEFAULTS } from '../../src/track-record/phase-following.js';
import { dailyCloses } from '../helpers/price-paths.js';
import { day, everyDay, market } from './fixtures.js';

const free = { startCashUsd: 1000, feeBps: 0, slippageBps: 0 };
const all = { from: '2024-01-01', to: '2024-12-31' };

describe('runStrategy', () => {
  it('phase-following at no cost gives the hand-computed curve, Sharpe 4.98861 and the 10 % drawdown with its dates', () => {
    const closes = [100, 110, 99, 99, 108.9];
    const labels = ['uptrend', 'uptrend', 'trend-decline', 'uptrend', 'uptrend'] as const;
    const run = runStrategy(
      market(
        closes,
        everyDay(closes, (i) => labels[i]!),
      ),
      phaseFollowingStrategy(),
      all,
      free,
    );
    expect(run.curve.map((p) => Number((p.equityUsd / 1000).toFixed(12)))).toEqual([1, 1.1, 0.99, 0.99, 1.089]);
    const m = run.metrics;
    expect(m.sharpe).toBeCloseTo(4.98861, 4);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12);
    expect([m.maxDrawdownPeakDate, m.maxDrawdownTroughDate]).toEqual(['2024-01-02', '2024-01-03']);
    expect(m.finalEquityUsd).toBeCloseTo(1089, 9);
    expect(m.trades).toBe(3);
    expect(m.timeInMarket).toBe(0.75);
    // The same figures as the exposure-based implementation (one curveMetrics behind both).
    const reference = equityMetrics(dailyCloses(closes), [1, 1, 0, 1, 1]).metrics;
    for (const key of ['sharpe', 'sortino', 'volatilityAnnualised', 'cagr', 'calmar', 'maxDrawdown'] as const)
      expect(m[key]! / reference[key]!).toBeCloseTo(1, 12);
  });

  it('fills a decision dated D at close(D) while the strategy saw only close(D − 1)', () => {
    const closes = [100, 120, 90, 95];
    const days = [day('2024-01-02', 'uptrend'), day('2024-01-03', 'trend-decline')];
    const run = runStrategy(market(closes, days), phaseFollowingStrategy(), all, free);
    expect(run.trades.map((t) => [t.date, t.side, t.closeUsd])).toEqual([
      ['2024-01-02', 'buy', 120],
      ['2024-01-03', 'sell', 90],
    ]);
    // The run starts at the first decision day: its close is the first point of the curve.
    expect(run.curve[0]).toMatchObject({ date: '2024-01-02', exposure: 1 });
    expect(run.curve[0]!.equityUsd).toBeCloseTo(1000, 9);
    expect(run.metrics.finalEquityUsd).toBeCloseTo(750, 9);
  });

  it('reports the average entry against the window VWAP (volume-weighted) and low', () => {
    const closes = [100, 80, 120, 100];
    const volumes = [1, 3, 1, 5];
    const days = everyDay(closes, 'bottoming');
    const run = runStrategy(market(closes, days, volumes), dcaStrategy({ intervalDays: 2 }), all, free);
    // Two instalments of 500 at 100 and 120: units 5 + 4.1667; average 1,000 / 9.1667 = 109.09.
    expect(run.trades.map((t) => t.closeUsd)).toEqual([100, 120]);
    const m = run.metrics;
    expect(m.averageEntryPriceUsd).toBeCloseTo(1000 / (5 + 500 / 120), 9);
    const vwap = (100 * 1 + 80 * 3 + 120 * 1 + 100 * 5) / 10;
    expect(m.periodVwapUsd).toBeCloseTo(vwap, 12);
    expect([m.periodLowUsd, m.periodLowDate]).toEqual([80, '2024-01-02']);
    expect(m.entryVsVwap).toBeCloseTo(m.averageEntryPriceUsd! / vwap - 1, 12);
    expect(m.entryAboveLow).toBeCloseTo(m.averageEntryPriceUsd! / 80 - 1, 12);
    expect(m.daysToFirstBuy).toBe(0);
  });

  it('buy-and-hold pays the fee and slippage once', () => {
    const run = runStrategy(market([100, 200], everyDay([100, 200], 'uptrend')), buyAndHoldStrategy(), all, {
      startCashUsd: 1000,
      feeBps: 10,
      slippageBps: 5,
    });
    expect(run.metrics.finalEquityUsd).toBeCloseTo((1000 / 1.001 / 100.05) * 200, 9);
    expect(run.metrics.trades).toBe(1);
  });
});

describe('shipped strategy rules', () => {
  it('weekly DCA buys equal instalments on the first decision day of each week of the window', () => {
    const closes = Array.from({ length: 15 }, () => 100);
    const run = runStrategy(market(closes, everyDay(closes, 'uptrend')), dcaStrategy(), all, free);
    expect(run.trades.map((t) => [t.date, Math.round(t.notionalUsd * 1000) / 1000])).toEqual([
      ['2024-01-01', 333.333],
      ['2024-01-08', 333.333],
      ['2024-01-15', 333.333],
    ]);
    expect(run.metrics.finalEquityUsd).toBeCloseTo(1000, 9);
  });

  it('phased accumulation buys only when eligible, on a trigger, spaced, and holds', () => {
    const closes = Array.from({ length: 50 }, () => 100);
    const days = everyDay(closes, 'trend-decline').map((d, i) => {
      if (i === 2) return { ...d, label: 'bottoming' as const, nearestSupport: 99 }; // at support: tranche 1
      if (i === 4) return { ...d, label: 'bottoming' as const, nearestSupport: 99 }; // too soon (< 7 days)
      if (i === 5) return { ...d, nearestSupport: 99 }; // trend-decline without a finished flush: not eligible
      if (i === 10) return { ...d, waveUnderWay: false, daysSinceWaveEnded: 20, fundingRegime: 'negative' }; // flush over + pessimism
      if (i >= 20) return { ...d, label: 'bottoming' as const }; // no trigger: the time stop after 21 eligible days (from day 20)
      return d;
    });
    const run = runStrategy(market(closes, days), phasedAccumulationStrategy({ tranches: 3 }), all, free);
    expect(run.trades.map((t) => [t.date, t.reason.split(':')[0]])).toEqual([
      ['2024-01-03', 'tranche 1/3 (bottoming)'],
      ['2024-01-11', 'tranche 2/3 (trend-decline after the flush)'],
      ['2024-02-11', 'tranche 3/3 (bottoming)'],
    ]);
    expect(run.trades[2]!.reason).toMatch(/time stop: 21 eligible days/);
    expect(run.trades.map((t) => Math.round(t.notionalUsd))).toEqual([333, 333, 333]);
  });

  it('right-side confirmation waits for persisting inflows and price above its averages, and leaves on the reversal', () => {
    const closes = Array.from({ length: 10 }, () => 100);
    const up = { knownClose: 100, sma50: 95, sma200: 90 };
    const days = everyDay(closes, 'bottoming').map((d, i) => {
      if (i === 1) return { ...d, ...up, consecutivePositiveWeeks: 1 }; // one week only: wait
      if (i === 2) return { ...d, ...up, consecutivePositiveWeeks: 2 }; // confirmed
      if (i === 5)
        return { ...d, knownClose: 94, sma50: 95, sma200: 90, consecutivePositiveWeeks: 1, lastWeekNetFlowUsd: 5e7 }; // below 50-day, inflow week: hold
      if (i === 7)
        return { ...d, knownClose: 94, sma50: 95, sma200: 90, consecutivePositiveWeeks: 0, lastWeekNetFlowUsd: -2e8 }; // reversal
      return d;
    });
    const run = runStrategy(market(closes, days), rightSideConfirmationStrategy(), all, free);
    expect(run.trades.map((t) => [t.date, t.side])).toEqual([
      ['2024-01-03', 'buy'],
      ['2024-01-08', 'sell'],
    ]);
    expect(run.trades[1]!.reason).toMatch(
      /reversal: close 94\.00 below its 50-day average 95\.00 and last week's ETF net flow −\$200M/,
    );
  });

  it('a trailing stop sells everything and the plan waits out its cooldown', () => {
    const closes = [100, 100, 120, 100, 100, 100, 100];
    const strategy = withStops(buyAndHoldStrategy(), { trailingStopPct: 10, cooldownDays: 2 });
    const run = runStrategy(market(closes, everyDay(closes, 'uptrend')), strategy, all, free);
    expect(run.trades.map((t) => [t.date, t.side])).toEqual([
      ['2024-01-01', 'buy'],
      ['2024-01-05', 'sell'], // sees close 100 (day 4) ≤ 120 × 0.9
      ['2024-01-07', 'buy'], // after 2 days the plan starts over
    ]);
    expect(run.trades[1]!.reason).toMatch(/trailing stop/);
  });

  it('uses the track record’s phase-following exposures', () => {
    expect(PHASE_FOLLOWING_EXPOSURE).toEqual(PHASE_FOLLOWING_DEFAULTS.exposureByLabel);
  });
});
