import { describe, expect, it } from 'vitest';
import {
  HINDSIGHT_DATING_DEFAULTS,
  PAGAN_SOSSOUNOV_DEFAULTS,
  hindsightDating,
} from '../../src/track-record/hindsight-dating.js';
import { dailyCloses, piecewisePath } from '../helpers/price-paths.js';

const compact = (states: readonly string[]): string =>
  states.map((s) => (s === 'bull' ? '+' : s === 'bear' ? '-' : '?')).join('');

describe('hindsightDating (Lunde–Timmermann)', () => {
  it('dates alternating peaks and troughs on a hand-made path, with the edges unsettled', () => {
    // 100 → 130 is +30 % (trough at day 0, known on day 2); 130 → 100 is −23 % (peak day 2, known day 4);
    // 95 → 115 is +21 % (trough day 5, known day 7); then a rise to 150 and a 7 % dip: no peak yet.
    const closes = dailyCloses([100, 108, 130, 121, 100, 95, 103, 115, 125, 150, 140]);
    const d = hindsightDating(closes);
    expect(d.turningPoints).toEqual([
      { kind: 'trough', date: '2024-01-01', close: 100, confirmedDate: '2024-01-03', index: 0 },
      { kind: 'peak', date: '2024-01-03', close: 130, confirmedDate: '2024-01-05', index: 2 },
      { kind: 'trough', date: '2024-01-06', close: 95, confirmedDate: '2024-01-08', index: 5 },
    ]);
    expect(d.pending).toEqual({ kind: 'peak', date: '2024-01-10', close: 150, index: 9 });
    // Day 0 (the first turning point) unsettled; bull through the peak day; bear through the trough
    // day; bull through the pending high; the day after it unsettled.
    expect(compact(d.states)).toBe('?++---++++?');
    expect(d.settledUntil).toBe(10);
    expect(d.options).toEqual({ bullDecline: 0.2, bearRise: 0.2, censoring: null });
  });

  it('leaves the start undetermined until a threshold is crossed (a small dip first does not date anything)', () => {
    // 105 → 98 is −6.7 %, 98 → 103 +5 %; 80 is 23.8 % below the running high 105: the first turning
    // point is the peak at day 1, and days 0–1 stay unsettled.
    const d = hindsightDating(dailyCloses([100, 105, 98, 103, 80, 82]));
    expect(d.turningPoints.map((t) => [t.kind, t.index])).toEqual([['peak', 1]]);
    expect(d.pending).toMatchObject({ kind: 'trough', index: 4, close: 80 });
    expect(compact(d.states)).toBe('??---?');
  });

  it('counts a move of exactly the threshold, and dates equal highs at the first', () => {
    const exact = hindsightDating(dailyCloses([100, 90, 80]), { bullDecline: 0.2 });
    expect(exact.turningPoints).toMatchObject([{ kind: 'peak', index: 0 }]);
    const ties = hindsightDating(dailyCloses([100, 120, 125, 125, 110, 100]));
    expect(ties.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 2],
    ]);
  });

  it('dates nothing when no threshold is crossed: every day unsettled', () => {
    const d = hindsightDating(dailyCloses([100, 110, 95, 105, 101]));
    expect(d.turningPoints).toEqual([]);
    expect(d.pending).toBeNull();
    expect(d.settledUntil).toBe(0);
    expect(new Set(d.states)).toEqual(new Set(['unsettled']));
    expect(hindsightDating([]).states).toEqual([]);
  });

  it('wider thresholds skip smaller moves (a 25 % fall is a bear at 20 %, not at 30 %)', () => {
    const closes = piecewisePath([
      [0, 100],
      [10, 200],
      [20, 150],
      [30, 300],
      [40, 150],
    ]);
    const at20 = hindsightDating(closes, { bullDecline: 0.2, bearRise: 0.2 });
    const at30 = hindsightDating(closes, { bullDecline: 0.3, bearRise: 0.2 });
    expect(at20.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 10],
      ['trough', 20],
      ['peak', 30],
    ]);
    expect(at30.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 30],
    ]);
    // With 30 % the 200 → 150 slide is part of the bull market that peaks at 300.
    expect(at30.states.slice(11, 21).every((s) => s === 'bull')).toBe(true);
    expect(HINDSIGHT_DATING_DEFAULTS).toEqual({ bullDecline: 0.2, bearRise: 0.2, censoring: false });
  });

  it('rejects invalid thresholds and closes, naming the value', () => {
    expect(() => hindsightDating(dailyCloses([1, 2]), { bullDecline: 1.2 })).toThrow(/bullDecline is 1.2/);
    expect(() => hindsightDating(dailyCloses([1, -2]))).toThrow(/closes\[1\]\.close \(2024-01-02\) is -2/);
    expect(() =>
      hindsightDating([
        { date: '2024-01-02', close: 1 },
        { date: '2024-01-01', close: 1 },
      ]),
    ).toThrow(/closes\[1\]\.date 2024-01-01 is not after 2024-01-02/);
  });
});

describe('hindsightDating with Pagan–Sossounov censoring', () => {
  // A bull market 100 → 260 interrupted by a 5-day 25 % slide (200 → 150), then a bear to 120 and a
  // recovery to 200.
  const closes = piecewisePath([
    [0, 100],
    [20, 200],
    [25, 150],
    [40, 260],
    [70, 120],
    [100, 200],
  ]);
  const short = { minPhaseDays: 10, minCycleDays: 30, largeMove: 0.5 };

  it('removes a phase shorter than the minimum and merges it into the surrounding bull market', () => {
    const plain = hindsightDating(closes);
    expect(plain.turningPoints.map((t) => t.index)).toEqual([0, 20, 25, 40, 70]);
    const censored = hindsightDating(closes, { censoring: short });
    expect(censored.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 40],
      ['trough', 70],
    ]);
    expect(censored.states.slice(1, 41).every((s) => s === 'bull')).toBe(true);
    expect(censored.states.slice(41, 71).every((s) => s === 'bear')).toBe(true);
    // Kept turning points keep the day hindsight confirmed them.
    expect(censored.turningPoints[1]!.confirmedDate).toBe(plain.turningPoints[3]!.confirmedDate);
    expect(censored.options.censoring).toEqual(short);
  });

  it('keeps a short phase with a large move (a 55 % crash in five days), but not a short cycle around it', () => {
    const crash = (fall: number, rallyStart: number) =>
      piecewisePath([
        [0, 100],
        [rallyStart, 200],
        [rallyStart + 5, fall],
        [rallyStart + 45, 260],
        [rallyStart + 75, 120],
        [rallyStart + 105, 200],
      ]);
    // Cycles of ≥ 45 days: the 5-day crash phase stays, the 5-day 25 % slide goes.
    expect(hindsightDating(crash(90, 40), { censoring: short }).turningPoints.map((t) => t.index)).toEqual([
      0, 40, 45, 85, 115,
    ]);
    expect(hindsightDating(crash(150, 40), { censoring: short }).turningPoints.map((t) => t.index)).toEqual([
      0, 85, 115,
    ]);
    // The exception is for phases only: trough 0 → trough 25 is a 25-day cycle, so its smaller phase
    // (the rise 100 → 200, a smaller log move than the crash) is removed with it.
    expect(hindsightDating(crash(90, 20), { censoring: short }).turningPoints.map((t) => t.index)).toEqual([
      25, 65, 95,
    ]);
  });

  it('removes a cycle shorter than the minimum, keeping the higher peak', () => {
    // Phases of 15 days are long enough (≥ 10) but the cycle peak 15 → peak 45 lasts 30 < 60 days.
    const path = piecewisePath([
      [0, 100],
      [15, 200],
      [30, 150],
      [45, 260],
      [90, 120],
      [130, 200],
    ]);
    expect(hindsightDating(path).turningPoints.map((t) => t.index)).toEqual([0, 15, 30, 45, 90]);
    const d = hindsightDating(path, { censoring: { minPhaseDays: 10, minCycleDays: 60, largeMove: 0.5 } });
    expect(d.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 45],
      ['trough', 90],
    ]);
  });

  it('leaves the turning points within one minimum cycle of the pending extremum unsettled', () => {
    // Pending high at day 100; with 40-day cycles the trough at day 70 (30 days before it) could still
    // be removed by a short cycle to come, so the days after the peak before it (day 40) are unsettled.
    const d = hindsightDating(closes, { censoring: { minPhaseDays: 10, minCycleDays: 40, largeMove: 0.5 } });
    expect(d.turningPoints.map((t) => t.index)).toEqual([0, 40, 70]);
    expect(d.settledUntil).toBe(41);
    expect(d.states.slice(1, 41).every((s) => s === 'bull')).toBe(true);
    expect(d.states.slice(41).every((s) => s === 'unsettled')).toBe(true);
  });

  it('uses the documented defaults when switched on with true', () => {
    expect(PAGAN_SOSSOUNOV_DEFAULTS).toEqual({ minPhaseDays: 120, minCycleDays: 480, largeMove: 0.5 });
    // The whole 100-day path is shorter than one default cycle: every turning point is provisional.
    const d = hindsightDating(closes, { censoring: true });
    expect(d.options.censoring).toEqual(PAGAN_SOSSOUNOV_DEFAULTS);
    expect(d.settledUntil).toBe(0);
  });
});
