import { describe, expect, it } from 'vitest';
import type { PhaseLabel } from '../../src/domain/analysis.js';
import { dayOfWeek } from '../../src/domain/dates.js';
import type { PhaseCall } from '../../src/domain/track-record.js';
import { createRandom } from '../../src/signals/stats/seeded-random.js';
import { hindsightDating } from '../../src/track-record/hindsight-dating.js';
import { hindsightLabels } from '../../src/track-record/hindsight-labels.js';
import { buildTrackRecord } from '../../src/track-record/track-record.js';
import { dailyCloses } from '../helpers/price-paths.js';

/** A seeded cycle of bull and bear markets with daily noise: `days` closes from 2019-01-01. */
function cyclePath(days: number, seed: number): ReturnType<typeof dailyCloses> {
  const random = createRandom(seed);
  const values: number[] = [];
  let logPrice = Math.log(10_000);
  for (let i = 0; i < days; i++) {
    const drift = Math.sin((2 * Math.PI * i) / 500) * 0.006; // ±0.6 %/day over a 500-day cycle
    logPrice += drift + 0.025 * random.normal();
    values.push(Math.exp(logPrice));
  }
  return dailyCloses(values, '2019-01-01');
}

/** An engine that knows hindsight, except every fifth call (a wrong side, at low confidence). */
function oracleCalls(closes: ReturnType<typeof dailyCloses>): PhaseCall[] {
  const labels = hindsightLabels(closes, hindsightDating(closes));
  const wrong: Record<PhaseLabel, PhaseLabel> = {
    uptrend: 'trend-decline',
    bottoming: 'topping',
    'trend-decline': 'uptrend',
    topping: 'bottoming',
  };
  const calls: PhaseCall[] = [];
  closes.forEach((c, i) => {
    const day = dayOfWeek(c.date);
    if (day === 0 || day === 6) return;
    const truth = labels.primary[i] ?? 'uptrend';
    const miss = calls.length % 5 === 4;
    calls.push({ date: c.date, label: miss ? wrong[truth] : truth, confidence: miss ? 0.3 : 0.85 });
  });
  return calls;
}

describe('buildTrackRecord', () => {
  const closes = cyclePath(1500, 21);
  const calls = oracleCalls(closes);
  const periods = [
    { name: 'in-sample', from: '2019-01-01', to: '2020-12-31', sample: 'in-sample' as const },
    { name: 'out-of-sample', from: '2021-01-01', to: '2023-12-31', sample: 'out-of-sample' as const },
  ];
  const record = buildTrackRecord({ asset: 'BTC', closes, calls, periods, options: { bootstrap: { resamples: 200 } } });

  it('scores all three on the same days, dropping the calls before 200 closes exist', () => {
    const early = calls.filter((c) => c.date <= closes[199]!.date).length;
    expect(record.warmUpCallsDropped).toBe(early);
    const kept = calls.length - early;
    for (const id of ['engine', 'sma200', 'sma50and200'] as const) {
      expect(record.scoredCalls[id]).toHaveLength(kept);
      expect(record.periods.reduce((n, p) => n + p.engines[id].calls, 0)).toBe(kept);
    }
    expect(record.scoredCalls.sma200[0]!.date).toBe(record.scoredCalls.engine[0]!.date);
  });

  it('scores the engine as the modules do: agreement, Brier and verdicts by hand', () => {
    const scored = record.scoredCalls.engine.filter((s) => s.right !== null && s.date <= '2020-12-31');
    const right = scored.filter((s) => s.right).length;
    const inSample = record.periods[0]!.engines.engine;
    expect(inSample.labelAgreement.scoredDays).toBe(scored.length);
    expect(inSample.labelAgreement.shareRight).toBeCloseTo(right / scored.length, 12);
    // Every fifth call is wrong on purpose: about 80 % right (a wrong side is never acceptable).
    expect(inSample.labelAgreement.shareRight).toBeGreaterThan(0.78);
    expect(inSample.labelAgreement.shareRight).toBeLessThan(0.82);
    const brier = scored.reduce((s, c) => s + (c.confidence! - (c.right ? 1 : 0)) ** 2, 0) / scored.length;
    expect(inSample.calibration!.brier).toBeCloseTo(brier, 12);
    expect(inSample.calibration!.brierSkill).toBeGreaterThan(0);
    expect(record.periods[0]!.engines.sma200.calibration).toBeNull();
    const verdict = record.periods[0]!.verdicts.find((v) => v.yardstick === 'label agreement')!;
    expect(verdict.outcome).toBe('better');
    expect(verdict.text).toMatch(
      /^Label agreement: engine \d+\.\d%, (200-day|50\/200) rule \d+\.\d%: the engine is better by/,
    );
    expect(record.periods[0]!.verdicts.find((v) => v.yardstick.startsWith('Brier'))!.outcome).toBe('better');
  });

  it('dates turning points on the whole history and lags them per period', () => {
    expect(record.turningPoints.length).toBeGreaterThanOrEqual(4);
    const lags = record.periods[1]!.engines.engine.turningPointLags;
    const inPeriod = record.turningPoints.filter((t) => t.date >= '2021-01-01' && t.date <= '2023-12-31');
    expect(lags.points.map((p) => p.date)).toEqual(inPeriod.map((t) => t.date));
  });

  it('runs phase-following and buy-and-hold over the same days of each period', () => {
    const p = record.periods[1]!;
    expect(p.firstCallDate).toBe('2021-01-01');
    expect(p.equityCurves[0]!.date).toBe(p.firstCallDate);
    expect(p.equityCurves[p.equityCurves.length - 1]!.date).toBe(closes[closes.length - 1]!.date);
    const start = closes.find((c) => c.date === p.firstCallDate)!.close;
    const end = closes[closes.length - 1]!.close;
    expect(p.buyAndHold!.finalEquity).toBeCloseTo(0.999 * (end / start), 10);
    for (const id of ['engine', 'sma200', 'sma50and200'] as const)
      expect(p.engines[id].phaseFollowing!.finalEquity).toBeCloseTo(p.equityCurves.at(-1)![id], 12);
  });

  it('gives the charts one row per day, weekends carrying Friday’s call', () => {
    expect(record.days).toHaveLength(closes.length);
    const saturday = record.days.findIndex((d, i) => i > 300 && dayOfWeek(d.date) === 6);
    expect(record.days[saturday]!.calls).toEqual(record.days[saturday - 1]!.calls);
    expect(record.days[0]!.calls.engine).toBeNull();
    expect(record.method).toMatchObject({
      dating: { bullDecline: 0.2, bearRise: 0.2, censoring: null },
      zoneBand: 0.1,
      horizonsDays: [20, 60, 120],
      bootstrap: { resamples: 200, level: 0.9, seed: 7, blockLength: null },
      phaseFollowing: { costBps: 10 },
    });
  });

  it('rejects invalid calls and periods, naming the field and value', () => {
    const base = { asset: 'BTC' as const, closes, periods };
    const bad = (c: PhaseCall[]) => () => buildTrackRecord({ ...base, calls: c });
    expect(bad([calls[1]!, calls[0]!])).toThrow(/calls\[1\]\.date 2019-01-01 is not after 2019-01-02/);
    expect(bad([{ ...calls[0]!, confidence: 2 }])).toThrow(/calls\[0\]\.confidence \(2019-01-01\) is 2/);
    expect(bad([{ ...calls[0]!, label: 'bull' as PhaseLabel }])).toThrow(/calls\[0\]\.label "bull"/);
    expect(() =>
      buildTrackRecord({
        ...base,
        calls,
        periods: [{ name: 'x', from: '2022-01-01', to: '2021-01-01', sample: 'in-sample' }],
      }),
    ).toThrow(/periods\[0\] \("x"\) runs from 2022-01-01 to 2021-01-01/);
    expect(() => buildTrackRecord({ ...base, calls, horizons: [0] })).toThrow(/horizons\[0\] is 0/);
    const gappy = closes.filter((c) => c.date !== '2019-03-10');
    expect(() => buildTrackRecord({ ...base, closes: gappy, calls })).toThrow(
      /closes\[68\] is 2019-03-11 after 2019-03-09/,
    );
    const filled = buildTrackRecord({
      ...base,
      closes: gappy,
      calls,
      options: { fillGaps: true, bootstrap: { resamples: 1 } },
    });
    expect(filled.filledDates).toEqual(['2019-03-10']);
    expect(filled.days[68]).toMatchObject({ date: '2019-03-10', close: closes[67]!.close });
  });

  it('builds 4,000 days × 3 engines well under a second (without the bootstrap), deterministically', () => {
    const long = cyclePath(4000, 5);
    const longCalls = oracleCalls(long);
    const input = {
      asset: 'BTC' as const,
      closes: long,
      calls: longCalls,
      periods: [
        { name: 'in', from: '2019-01-01', to: '2024-12-31', sample: 'in-sample' as const },
        { name: 'out', from: '2025-01-01', to: '2030-12-31', sample: 'out-of-sample' as const },
      ],
    };
    const a = buildTrackRecord(input);
    const b = buildTrackRecord(input);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const t0 = performance.now();
    buildTrackRecord({ ...input, options: { bootstrap: { resamples: 1 } } });
    const elapsedMs = performance.now() - t0;
    // Measured 0.14–0.17 s on the idle 2-core machine; the bound leaves room for a loaded one.
    expect(elapsedMs).toBeLessThan(1500);
  });
});
