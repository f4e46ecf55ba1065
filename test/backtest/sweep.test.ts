// Sweeps: axis syntax and refusals that name the key and the allowed keys or values; a grid on a
// hand-made market where the in-sample best is known, and its out-of-sample rank.
import { describe, expect, it } from 'vitest';
import { parseSweepAxis, sweepableKeys, SweepError, sweepStrategy } from '../../src/backtest/sweep.js';
import { backtestMarket } from '../../src/backtest/market.js';
import { addDays } from '../../src/domain/dates.js';
import { day, bars } from './fixtures.js';

describe('parseSweepAxis', () => {
  it('reads lists, ranges with a step, booleans and list values joined by +', () => {
    expect(parseSweepAxis('tranches=2,4,6', 'phased-accumulation')).toEqual({ key: 'tranches', values: [2, 4, 6] });
    expect(parseSweepAxis('timeStopDays=7..28:7', 'phased-accumulation').values).toEqual([7, 14, 21, 28]);
    expect(parseSweepAxis('afterFlush=true,false', 'phased-accumulation').values).toEqual([true, false]);
    expect(parseSweepAxis('triggers=support+pessimism,time-stop', 'phased-accumulation').values).toEqual([
      ['support', 'pessimism'],
      ['time-stop'],
    ]);
    expect(parseSweepAxis('exposure.bottoming=0..1:0.25', 'phase-following').values).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepableKeys('phase-following')).toEqual([
      'exposure.trend-decline',
      'exposure.bottoming',
      'exposure.uptrend',
      'exposure.topping',
    ]);
  });

  it('names the key and the allowed keys or values when refusing', () => {
    expect(() => parseSweepAxis('tranche=2', 'phased-accumulation')).toThrow(
      '--sweep "tranche=2": "tranche" is not an option of phased-accumulation; allowed: tranches, minDaysBetween, timeStopDays, supportBandPct, afterFlush, flushWindowDays, triggers',
    );
    expect(() => parseSweepAxis('priceRule=above', 'right-side-confirmation')).toThrow(
      /priceRule = "above": must be one of averages-or-range, averages, range/,
    );
    expect(() => parseSweepAxis('tranches=0', 'phased-accumulation')).toThrow(SweepError);
    expect(() => parseSweepAxis('tranches', 'phased-accumulation')).toThrow(/write key=v1,v2/);
  });
});

describe('sweepStrategy', () => {
  // 2022-07-01 → 2023-06-30: falls 50 % to the end of 2022 (in-sample), doubles in 2023 (out-of-sample).
  const start = '2022-07-01';
  const n = 365;
  const closes = Array.from({ length: n }, (_, i) => (i < 184 ? 100 * 0.5 ** (i / 183) : 50 * 2 ** ((i - 183) / 181)));
  const b = bars(closes, start);
  const days = b.map((x) => day(x.date, 'bottoming'));
  const m = backtestMarket({ asset: 'BTC', simulated: false, asOf: addDays(start, n) }, b, days);

  it('ranks every combination, picks the in-sample best and reports its out-of-sample rank', () => {
    let progress = 0;
    const sweep = sweepStrategy(m, {
      kind: 'phase-following',
      axes: [parseSweepAxis('exposure.bottoming=0,0.5,1', 'phase-following')],
      from: start,
      to: '2023-06-30',
      objective: 'total-return',
      startCashUsd: 1000,
      feeBps: 0,
      slippageBps: 0,
      onProgress: (done) => (progress = done),
    });
    expect(progress).toBe(3);
    expect(sweep.combinations.map((c) => c.parameters)).toEqual([
      { 'exposure.bottoming': 0 },
      { 'exposure.bottoming': 0.5 },
      { 'exposure.bottoming': 1 },
    ]);
    // In sample (the fall), cash was best; out of sample (the rise), it was the worst.
    expect(sweep.inSampleBest).toBe(0);
    expect(sweep.outOfSampleBest).toBe(2);
    expect(sweep.inSampleBestOutOfSampleRank).toBe(3);
    // Out of sample runs from 2023-01-01 (close 50 × 2^(1/181)) to the last close (100).
    expect(sweep.combinations[2]!.outOfSample!.totalReturn).toBeCloseTo(2 ** (180 / 181) - 1, 9);
    expect(sweep.combinations[2]!.inSample!.totalReturn).toBeCloseTo(-0.5, 9);
    expect(sweep.note).toMatch(/ranked 3 of 3/);
  });
});
