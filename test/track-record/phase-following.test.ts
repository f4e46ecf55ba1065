import { describe, expect, it } from 'vitest';
import type { PhaseLabel } from '../../src/domain/analysis.js';
import { PHASE_FOLLOWING_DEFAULTS, buyAndHold, phaseFollowing } from '../../src/track-record/phase-following.js';
import { dailyCloses } from '../helpers/price-paths.js';

// Mon 2024-01-01 … Sun 2024-01-14; calls on weekdays only.
const closes = dailyCloses([100, 102, 104, 106, 100, 110, 121, 110, 99, 100, 100, 105, 105, 105]);
const call = (date: string, label: PhaseLabel) => ({ date, label });
const calls = [
  call('2024-01-05', 'uptrend'), // Friday: carried through the weekend
  call('2024-01-08', 'trend-decline'), // Monday
  call('2024-01-10', 'bottoming'),
  call('2024-01-12', 'topping'),
];

describe('phaseFollowing', () => {
  it('holds each call from its close until the next call, weekends carrying Friday', () => {
    const run = phaseFollowing(closes, calls, { costBps: 0 })!;
    expect(run.curve.map((p) => p.date)[0]).toBe('2024-01-05');
    expect(run.curve.map((p) => p.exposure)).toEqual([1, 1, 1, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5]);
    // 100 → 110 → 121 → 110 fully invested: ×1.1; then cash; then half of 100 → 100 → 105 → 105 → 105.
    expect(run.metrics.finalEquity).toBeCloseTo(1.1 * 1.025, 12);
    expect(run.metrics.switches).toBe(2); // topping keeps bottoming's 0.5
    expect(run.metrics.turnover).toBe(2.5);
  });

  it('uses the documented defaults (10 bps; 1 / 0.5 / 0.5 / 0) and restricts to a range', () => {
    expect(PHASE_FOLLOWING_DEFAULTS).toEqual({
      exposureByLabel: { 'trend-decline': 0, bottoming: 0.5, uptrend: 1, topping: 0.5 },
      costBps: 10,
    });
    const run = phaseFollowing(closes, calls, { from: '2024-01-08', to: '2024-01-12' })!;
    expect(run.curve.map((p) => p.date)).toEqual([
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
      '2024-01-11',
      '2024-01-12',
    ]);
    expect(run.curve.map((p) => p.exposure)).toEqual([0, 0, 0.5, 0.5, 0.5]);
    // Only the 0 → 0.5 trade pays: 5 bps of equity; then half of 100 → 105.
    expect(run.metrics.finalEquity).toBeCloseTo((1 - 0.0005) * 1.025, 12);
    const custom = phaseFollowing(closes, calls, { exposureByLabel: { bottoming: 1 }, costBps: 0 })!;
    expect(custom.curve[5]!.exposure).toBe(1);
    expect(phaseFollowing(closes, calls, { from: '2024-02-01' })).toBeNull();
  });

  it('buy-and-hold runs over the same days, the entry charged', () => {
    const hold = buyAndHold(closes, calls)!;
    expect(hold.metrics.firstDate).toBe('2024-01-05');
    expect(hold.metrics.lastDate).toBe('2024-01-14');
    expect(hold.metrics.finalEquity).toBeCloseTo(0.999 * 1.05, 12);
    expect(hold.metrics.timeInMarket).toBe(1);
  });

  it('refuses a call whose day has no close', () => {
    const gappy = closes.filter((c) => c.date !== '2024-01-05');
    expect(() => phaseFollowing(gappy, calls)).toThrow(/the call of 2024-01-05 has no close/);
  });
});
