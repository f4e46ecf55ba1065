import { describe, expect, it } from 'vitest';
import {
  FORWARD_RETURN_DEFAULTS,
  forwardOutcomes,
  forwardReturnStats,
} from '../../src/track-record/forward-returns.js';
import { dailyCloses } from '../helpers/price-paths.js';

const closes = dailyCloses([100, 120, 90, 110, 130, 117, 140, 126]);
const d = (i: number): string => closes[i]!.date;

describe('forwardOutcomes', () => {
  it('computes the forward return and the forward max drawdown from the entry close by hand', () => {
    const o = forwardOutcomes(closes, 3);
    // From 100: 100, 120, 90, 110 → +10 %, worst fall 120 → 90 = 25 %.
    // From 120: 120, 90, 110, 130 → +8.33 %, 25 %. From 90: 90, 110, 130, 117 → +30 %, 10 %.
    // From 110: 110, 130, 117, 140 → +27.27 %, 10 %. From 130: 130, 117, 140, 126 → −3.08 %, 10 %.
    const r = [0.1, 10 / 120, 0.3, 30 / 110, -4 / 130];
    expect([...o.returns.slice(0, 5)].map((v, i) => v - r[i]!).every((e) => Math.abs(e) < 1e-12)).toBe(true);
    expect([...o.maxDrawdowns.slice(0, 5)].map((v) => Number(v.toFixed(12)))).toEqual([0.25, 0.25, 0.1, 0.1, 0.1]);
    expect([...o.returns.slice(5)].every(Number.isNaN)).toBe(true);
    // A rising path has no drawdown.
    expect(forwardOutcomes(dailyCloses([1, 2, 3]), 2).maxDrawdowns[0]).toBe(0);
  });
});

describe('forwardReturnStats', () => {
  const calls = [
    { date: d(0), label: 'uptrend' as const },
    { date: d(1), label: 'trend-decline' as const },
    { date: d(2), label: 'uptrend' as const },
    { date: d(4), label: 'trend-decline' as const },
    { date: d(6), label: 'uptrend' as const }, // horizon runs past the data
  ];

  it('gives n, mean, median, share up, mean max drawdown per label, counting the excluded calls', () => {
    const stats = forwardReturnStats(calls, closes, { horizons: [3] });
    expect(stats.map((s) => s.label)).toEqual(['all', 'trend-decline', 'bottoming', 'uptrend', 'topping']);
    const up = stats.find((s) => s.label === 'uptrend')!;
    expect(up.n).toBe(2);
    expect(up.excludedPastData).toBe(1);
    expect(up.meanReturn.value).toBeCloseTo(0.2, 12);
    expect(up.medianReturn).toBeCloseTo(0.2, 12);
    expect(up.shareUp.value).toBe(1);
    expect(up.meanMaxDrawdown.value).toBeCloseTo(0.175, 12);
    // Default block length = horizon 3: 2 calls are fewer than two blocks → no interval.
    expect(up.meanReturn.lower).toBeNull();
    const down = stats.find((s) => s.label === 'trend-decline')!;
    expect(down.meanReturn.value).toBeCloseTo((10 / 120 - 4 / 130) / 2, 12);
    expect(down.shareUp.value).toBe(0.5);
    const all = stats.find((s) => s.label === 'all')!;
    expect(all).toMatchObject({ n: 4, excludedPastData: 1, horizonDays: 3 });
    const none = stats.find((s) => s.label === 'bottoming')!;
    expect(none).toMatchObject({ n: 0, medianReturn: null, meanReturn: { value: null, lower: null, upper: null } });
  });

  it('adds bootstrap intervals around the estimates when there are enough blocks', () => {
    const stats = forwardReturnStats(calls, closes, { horizons: [3], blockLength: 1 });
    const up = stats.find((s) => s.label === 'uptrend')!;
    // Two returns 0.1 and 0.3 with blocks of one: the interval spans them.
    expect(up.meanReturn.lower).toBeCloseTo(0.1, 12);
    expect(up.meanReturn.upper).toBeCloseTo(0.3, 12);
    expect(up.shareUp).toEqual({ value: 1, lower: 1, upper: 1 });
    expect(up.meanMaxDrawdown.lower).toBeCloseTo(0.1, 12);
    expect(up.meanMaxDrawdown.upper).toBeCloseTo(0.25, 12);
  });

  it('uses the default horizons and rejects closes with gaps', () => {
    expect(FORWARD_RETURN_DEFAULTS.horizons).toEqual([20, 60, 120]);
    const stats = forwardReturnStats(calls, closes);
    expect(new Set(stats.map((s) => s.horizonDays))).toEqual(new Set([20, 60, 120]));
    expect(stats.every((s) => s.n === 0)).toBe(true);
    const gap = [closes[0]!, closes[2]!];
    expect(() => forwardReturnStats(calls, gap)).toThrow(/closes must be consecutive calendar days/);
  });
});
