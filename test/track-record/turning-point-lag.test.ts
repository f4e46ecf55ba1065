import { describe, expect, it } from 'vitest';
import type { PhaseLabel } from '../../src/domain/analysis.js';
import type { TurningPoint } from '../../src/domain/track-record.js';
import { turningPointLags } from '../../src/track-record/turning-point-lag.js';

const tp = (kind: 'peak' | 'trough', date: string, confirmedDate: string): TurningPoint => ({
  kind,
  date,
  close: kind === 'peak' ? 200 : 100,
  confirmedDate,
});
const turningPoints = [
  tp('trough', '2024-01-10', '2024-01-20'),
  tp('peak', '2024-03-01', '2024-03-15'),
  tp('trough', '2024-05-01', '2024-05-20'),
  tp('peak', '2024-07-01', '2024-07-10'),
];
const c = (date: string, label: PhaseLabel) => ({ date, label });

describe('turningPointLags', () => {
  it('measures the days to the first call on the matching side, and misses', () => {
    const calls = [
      c('2024-01-05', 'trend-decline'),
      c('2024-01-12', 'bottoming'), // trough 01-10 → bull side after 2 days
      c('2024-02-28', 'topping'), // before the peak: does not count for it
      c('2024-03-04', 'uptrend'),
      c('2024-03-11', 'trend-decline'), // peak 03-01 → bear side after 10 days
      c('2024-05-02', 'trend-decline'), // trough 05-01: only bear-side calls before the next peak → missed
      c('2024-06-28', 'trend-decline'),
      c('2024-07-01', 'topping'), // peak 07-01 → same day, lag 0
    ];
    const lags = turningPointLags(turningPoints, calls);
    expect(lags.points.map((p) => [p.status, p.firstMatchingCallDate, p.lagDays])).toEqual([
      ['matched', '2024-01-12', 2],
      ['matched', '2024-03-11', 10],
      ['missed', null, null],
      ['matched', '2024-07-01', 0],
    ]);
    expect(lags).toMatchObject({ matched: 3, missed: 1, notCovered: 0, medianLagDays: 2 });
    // The miss counts as the 61 days to the next peak: median of 0, 2, 10, 61.
    expect(lags.medianLagDaysCountingMisses).toBe(6);
  });

  it('does not score turning points the calls do not cover, and filters by range', () => {
    const calls = [c('2024-02-01', 'uptrend'), c('2024-03-05', 'uptrend'), c('2024-03-10', 'uptrend')];
    const lags = turningPointLags(turningPoints, calls);
    // Trough 01-10 precedes the first call; peak 03-01 unmatched but the calls end before its
    // confirmation (03-15): not covered; the later points come after the last call.
    expect(lags.points.map((p) => p.status)).toEqual(['not-covered', 'not-covered', 'not-covered', 'not-covered']);
    expect(lags.medianLagDays).toBeNull();
    const ranged = turningPointLags(turningPoints, calls, { from: '2024-02-01', to: '2024-05-31' });
    expect(ranged.points.map((p) => p.date)).toEqual(['2024-03-01', '2024-05-01']);
    // Calls reaching the confirmation date without a bear-side call: missed.
    const longer = turningPointLags(turningPoints, [...calls, c('2024-03-20', 'uptrend')], { to: '2024-03-31' });
    expect(longer.points.map((p) => p.status)).toEqual(['not-covered', 'missed']);
    // The calls end (03-20) before the next turning point: the miss counts 19 days.
    expect(longer).toMatchObject({ medianLagDays: null, medianLagDaysCountingMisses: 19 });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    const calls = [c('2024-01-01', 'uptrend'), c('2024-01-14', 'uptrend'), c('2024-03-09', 'topping')];
    const lags = turningPointLags(turningPoints.slice(0, 2), calls);
    expect(lags.points.map((p) => p.lagDays)).toEqual([4, 8]);
    expect(lags.medianLagDays).toBe(6);
  });
});
