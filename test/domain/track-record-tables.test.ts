import { describe, expect, it } from 'vitest';
import type {
  Calibration,
  EngineTrackRecord,
  ForwardReturnStats,
  TrackRecordEngineId,
  TrackRecordPeriodResult,
} from '../../src/domain/track-record.js';
import {
  brierSentence,
  engineForwardCells,
  forwardReturnRows,
  intervalText,
  labelRows,
  reliabilityRows,
} from '../../src/domain/track-record-tables.js';
import { formatSignedPercent } from '../../src/format/percent.js';
import { fixtureRun } from '../helpers/track-record-fixture.js';

const base = fixtureRun().record.periods[1]!;

/** The fixture's period with each engine's per-label agreement and forward returns replaced. */
function period(
  parts: Partial<
    Record<
      TrackRecordEngineId,
      Partial<Pick<EngineTrackRecord, 'forwardReturns'>> & { byLabel?: EngineTrackRecord['labelAgreement']['byLabel'] }
    >
  >,
): Pick<TrackRecordPeriodResult, 'engines'> {
  const engine = (id: TrackRecordEngineId): EngineTrackRecord => ({
    ...base.engines[id],
    labelAgreement: { ...base.engines[id].labelAgreement, byLabel: parts[id]?.byLabel ?? [] },
    forwardReturns: parts[id]?.forwardReturns ?? [],
  });
  return { engines: { engine: engine('engine'), sma200: engine('sma200'), sma50and200: engine('sma50and200') } };
}

const stats = (label: ForwardReturnStats['label'], horizonDays: number, n: number): ForwardReturnStats => ({
  label,
  horizonDays,
  n,
  excludedPastData: 0,
  meanReturn: { value: 0.041, lower: -0.02, upper: 0.098 },
  medianReturn: 0.03,
  shareUp: { value: 0.6, lower: null, upper: null },
  meanMaxDrawdown: { value: 0.12, lower: 0.08, upper: 0.16 },
});

describe('labelRows', () => {
  it('gives one row per phase label with each engine’s days and share right, never-called labels included', () => {
    const rows = labelRows(
      period({
        engine: { byLabel: [{ label: 'uptrend', days: 1234, shareRight: 0.8 }] },
        sma200: {
          byLabel: [
            { label: 'uptrend', days: 10, shareRight: 0.5 },
            { label: 'trend-decline', days: 0, shareRight: null },
          ],
        },
      }),
    );
    expect(rows.map((r) => r.label)).toEqual(['trend-decline', 'bottoming', 'uptrend', 'topping']);
    const uptrend = rows[2]!;
    expect(uptrend.days).toEqual({ engine: 1234, sma200: 10, sma50and200: 0 });
    expect(uptrend.shareRight).toEqual({ engine: 0.8, sma200: 0.5, sma50and200: null });
    expect(uptrend.text).toEqual(['1,234 days, 80.0% right', '10 days, 50.0% right', 'never called']);
    expect(rows[0]!.text).toEqual(['never called', 'never called', 'never called']);
  });
});

describe('engineForwardCells', () => {
  it('gives the engine’s own rows with calls only, each cell formatted', () => {
    const rows = engineForwardCells(
      period({
        engine: { forwardReturns: [stats('uptrend', 20, 1500), stats('topping', 60, 0)] },
        sma200: { forwardReturns: [stats('uptrend', 20, 9)] },
      }),
    );
    expect(rows).toEqual([['uptrend', '20 d', '1,500', '+4.1% [−2.0%, +9.8%]', '+3.0%', '60.0%', '12.0%']]);
  });
});

describe('intervalText', () => {
  it('prints the value with its interval, the value alone without one, n/a without a value', () => {
    const f = (v: number | null): string => formatSignedPercent(v);
    expect(intervalText({ value: 0.041, lower: -0.02, upper: 0.098 }, f)).toBe('+4.1% [−2.0%, +9.8%]');
    expect(intervalText({ value: 0.041, lower: null, upper: 0.098 }, f)).toBe('+4.1%');
    expect(intervalText({ value: null, lower: null, upper: null }, f)).toBe('n/a');
  });
});

describe('forwardReturnRows', () => {
  it('lists the horizon’s stats per label then all calls, engines side by side, empty ones left out', () => {
    const rows = forwardReturnRows(
      period({
        engine: { forwardReturns: [stats('all', 60, 30), stats('uptrend', 60, 20), stats('uptrend', 20, 25)] },
        sma200: { forwardReturns: [stats('uptrend', 60, 12), stats('trend-decline', 60, 0)] },
        sma50and200: { forwardReturns: [stats('trend-decline', 60, 5)] },
      }),
      60,
    );
    expect(rows.map((r) => [r.label, r.engine, r.calls])).toEqual([
      ['trend-decline', 'sma50and200', 5],
      ['uptrend', 'engine', 20],
      ['uptrend', 'sma200', 12],
      ['all', 'engine', 30],
    ]);
    expect(rows[1]!.text).toEqual(['20', '+4.1% [−2.0%, +9.8%]', '+3.0%', '60.0%', '12.0% [8.0%, 16.0%]']);
  });
});

describe('calibration text', () => {
  const calibration: Calibration = {
    calls: 1200,
    bins: [
      { from: 0, to: 0.1, calls: 0, meanConfidence: null, shareRight: null },
      { from: 0.8, to: 0.9, calls: 40, meanConfidence: 0.853, shareRight: 0.75 },
    ],
    brier: 0.153,
    constantRate: 0.761,
    constantRateBrier: 0.761 * 0.239,
    // 1 − 0.153 / 0.181879 = 0.158781…
    brierSkill: 1 - 0.153 / (0.761 * 0.239),
  };
  it('lists the bins with calls', () => {
    expect(reliabilityRows(calibration)).toEqual([['80%–90%', '40', '85.3%', '75.0%']]);
  });
  it('says whether the confidence beats the constant rate', () => {
    expect(brierSentence(calibration)).toBe(
      'Brier score 0.153 over 1,200 calls against 0.182 for always answering the hit rate of 76.1%: the confidence carries information (skill +15.9%).',
    );
    expect(brierSentence({ ...calibration, brier: 0.2, brierSkill: 1 - 0.2 / (0.761 * 0.239) })).toMatch(
      /does worse than the constant rate \(skill −10\.0%\)\.$/,
    );
    expect(brierSentence({ ...calibration, brier: null })).toBe('No scored call with a confidence: no Brier score.');
  });
});
