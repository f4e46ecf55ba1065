import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { eventStudy } from '../../src/signals/event-study.js';

const series = (start: string, values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: addDays(start, i), value }));

describe('eventStudy', () => {
  // offsets −6..−2 estimate the mean, −1..+2 are the event window; event on 2025-10-10 (index 6)
  const values = [1, 3, 2, 4, 5, 99, 4, 10, 8, 3, 7];
  const s = series('2025-10-04', values);
  const opts = {
    asOf: '2025-12-31',
    estimationWindow: [-6, -2] as const,
    eventWindow: [-1, 2] as const,
    minEstimationDays: 5,
  };

  it('computes abnormal values, CAR, t and sign test by hand', () => {
    // index 6 is 2025-10-10; estimation = indices 0..4 = [1,3,2,4,5], mean 3, σ̂ = √(10/4)
    // event = indices 5..8 = [99, 4, 10, 8] → abnormal [96, 1, 7, 5]
    const r = eventStudy(s, '2025-10-10', opts)!;
    expect(r.eventDay).toBe('2025-10-10');
    expect(r.model).toBe('constant-mean');
    expect(r.estimationDays).toBe(5);
    expect(r.abnormal.map((a) => a.abnormal)).toEqual([96, 1, 7, 5]);
    expect(r.car).toBe(109);
    expect(r.tStat).toBeCloseTo(109 / (Math.sqrt(10 / 4) * 2), 10);
    expect(r.positiveDays).toBe(4);
    expect(r.signTestPValue).toBeCloseTo(2 / 16, 12);
    expect(r.truncated).toBe(false);
  });

  it('matches the scipy t p-value on a second hand example', () => {
    const v = [1, 3, 2, 4, 5, 4, 10, 8, 3];
    // event on index 5: estimation indices −6..−2 do not exist fully → use a shorter window
    const r = eventStudy(series('2025-01-01', v), '2025-01-07', {
      asOf: '2025-12-31',
      estimationWindow: [-6, -2],
      eventWindow: [-1, 2],
      minEstimationDays: 5,
    })!;
    // estimation [1,3,2,4,5] mean 3; event [4,10,8,3] → abnormal [1,7,5,0]; CAR 13; t = 13/(1.5811·2) = 4.1110
    expect(r.car).toBe(13);
    expect(r.tStat).toBeCloseTo(4.110960958218893, 9);
    expect(r.tPValue).toBeCloseTo(0.014720593813730016, 6); // scipy.stats.t.sf(4.111, 4)·2
    // zeros are excluded from the sign test: 3 of 3 positive → p = 2/8
    expect(r.positiveDays).toBe(3);
    expect(r.signTestPValue).toBeCloseTo(0.25, 12);
  });

  it('never reads past asOf: the window is truncated and later values do not matter', () => {
    const cut = eventStudy(s, '2025-10-10', { ...opts, asOf: '2025-10-11' })!;
    expect(cut.abnormal.map((a) => a.date)).toEqual(['2025-10-09', '2025-10-10', '2025-10-11']);
    expect(cut.truncated).toBe(true);
    const changedFuture = series('2025-10-04', [1, 3, 2, 4, 5, 99, 4, 10, -500, -500, -500]);
    expect(eventStudy(changedFuture, '2025-10-10', { ...opts, asOf: '2025-10-11' })).toEqual(cut);
    expect(eventStudy(s, '2025-10-10', { ...opts, asOf: '2025-10-09' })).toBeNull();
  });

  it('market model: abnormal = actual − (α + β·benchmark)', () => {
    const bench = series('2025-10-04', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // estimation y = 2·x exactly → α 0, β 2, σ̂ 0 → t null
    const y = series('2025-10-04', [2, 4, 6, 8, 10, 12, 20, 16, 18, 20, 22]);
    const r = eventStudy(y, '2025-10-10', { ...opts, benchmark: bench })!;
    expect(r.model).toBe('market-model');
    expect(r.abnormal.map((a) => Math.round(a.abnormal * 1e9) / 1e9)).toEqual([0, 6, 0, 0]);
    expect(r.car).toBeCloseTo(6, 9);
    expect(r.tStat).toBeNull();
  });

  it('returns null with too short an estimation window', () => {
    expect(eventStudy(s, '2025-10-06', opts)).toBeNull();
  });
});
