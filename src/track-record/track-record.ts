// The track record: the engine's calls and the two price-only baselines' calls on the same days,
// scored against the hindsight dating, per period (in-sample and out-of-sample apart), with the
// per-day series the charts need and a plain-words verdict per yardstick.
import { PHASE_LABELS, type PhaseLabel } from '../domain/analysis.js';
import type { AnalysedAsset } from '../domain/assets.js';
import { isIsoDate } from '../domain/dates.js';
import { isoDayNumber } from '../domain/day-number.js';
import {
  TRACK_RECORD_ENGINES,
  type DailyClose,
  type EngineTrackRecord,
  type EquityPoint,
  type HindsightState,
  type PhaseCall,
  type ScoredCall,
  type TrackRecord,
  type TrackRecordDay,
  type TrackRecordEngineId,
  type TrackRecordPeriod,
  type TrackRecordPeriodResult,
} from '../domain/track-record.js';
import { BASELINE_NAMES, baselineCalls } from './baselines.js';
import { BLOCK_BOOTSTRAP_DEFAULTS } from './block-bootstrap.js';
import { calibration } from './calibration.js';
import { assertDailyCloses, dayIndex, fillCalendarGaps } from './daily-closes.js';
import { FORWARD_RETURN_DEFAULTS, forwardOutcomes, forwardReturnStats } from './forward-returns.js';
import { hindsightDating, type HindsightDatingOptions } from './hindsight-dating.js';
import { HINDSIGHT_LABEL_DEFAULTS, hindsightLabels, type HindsightLabels } from './hindsight-labels.js';
import { labelAgreement, scoreCalls, type HindsightDays } from './label-agreement.js';
import { buyAndHold, PHASE_FOLLOWING_DEFAULTS, phaseFollowing } from './phase-following.js';
import { turningPointLags } from './turning-point-lag.js';
import { trackRecordVerdicts } from './verdicts.js';

/** Display names of the scored engines. */
export const TRACK_RECORD_ENGINE_NAMES: Readonly<Record<TrackRecordEngineId, string>> = {
  engine: 'Tidemark engine',
  ...BASELINE_NAMES,
};

export interface TrackRecordOptions {
  /** Lunde–Timmermann thresholds and Pagan–Sossounov censoring (see hindsightDating). */
  readonly dating?: HindsightDatingOptions;
  /** Topping/bottoming zone width (see hindsightLabels). Default 0.10. */
  readonly zoneBand?: number;
  /** Forward-return intervals: resamples (1,000), level (0.9), seed (7), blockLength in calls (null = horizon). */
  readonly bootstrap?: {
    readonly resamples?: number;
    readonly level?: number;
    readonly seed?: number;
    readonly blockLength?: number | null;
  };
  /**
   * Fill missing calendar days with the previous close (listed in the record's filledDates) instead
   * of throwing. Default false: a gap is an error naming it.
   */
  readonly fillGaps?: boolean;
  /** Exposure per label and cost in bps (see phaseFollowing). */
  readonly phaseFollowing?: {
    readonly exposureByLabel?: Partial<Record<PhaseLabel, number>>;
    readonly costBps?: number;
  };
}

export interface TrackRecordInput {
  readonly asset: AnalysedAsset;
  /** Daily closes, one per calendar day, ascending (the whole history: hindsight uses all of it). */
  readonly closes: readonly DailyClose[];
  /** The engine's calls at as-of dates (US trading days), ascending. */
  readonly calls: readonly PhaseCall[];
  /** Forward-return horizons in calendar days. Default 20, 60, 120. */
  readonly horizons?: readonly number[];
  readonly periods: readonly TrackRecordPeriod[];
  readonly options?: TrackRecordOptions;
}

interface EngineCalls {
  readonly id: TrackRecordEngineId;
  readonly calls: readonly { readonly date: string; readonly label: PhaseLabel; readonly confidence: number | null }[];
  readonly scored: readonly ScoredCall[];
}

/**
 * Scores the engine's `calls` and the two baselines (computed point-in-time at the same dates from
 * `closes`) against the hindsight dating of `closes`, for each of `periods`.
 *
 * All three are scored on the same days: engine calls on dates where a baseline has fewer than 200
 * earlier closes are dropped (counted in warmUpCallsDropped). Per period and engine: label agreement
 * (calls dated in the period), forward returns per label and horizon with bootstrap intervals (the
 * horizon may run past the period's end, not past the data), lags to the turning points dated in the
 * period (the matching call may come after its end), calibration (engine only) and the phase-following
 * run from the period's first call to its end, with buy-and-hold over the same days; then verdicts.
 * Closes must be consecutive calendar days unless options.fillGaps (then filled and listed). Throws
 * on invalid input, naming the field and value. O(n × max horizon) plus the bootstrap.
 */
export function buildTrackRecord(input: TrackRecordInput): TrackRecord {
  const { asset, calls, periods, options = {} } = input;
  const horizons = input.horizons ?? FORWARD_RETURN_DEFAULTS.horizons;
  const filled = options.fillGaps ? fillCalendarGaps(input.closes) : { closes: input.closes, filledDates: [] };
  const closes = filled.closes;
  validate({ ...input, closes }, horizons);

  const dating = hindsightDating(closes, options.dating);
  const zoneBand = options.zoneBand ?? HINDSIGHT_LABEL_DEFAULTS.zoneBand;
  const labels = hindsightLabels(closes, dating, { zoneBand });
  const days: HindsightDays = { indexOf: dayIndex(closes), states: dating.states, labels };

  // The baselines at the engine's dates; keep the days all three call.
  const dates = calls.map((c) => c.date);
  const sma200 = baselineCalls(closes, dates, 'sma200');
  const sma50and200 = baselineCalls(closes, dates, 'sma50and200');
  const kept = calls.flatMap((_, k) => (sma200[k]!.label !== null && sma50and200[k]!.label !== null ? [k] : []));
  const engineCallList: Record<TrackRecordEngineId, EngineCalls['calls']> = {
    engine: kept.map((k) => calls[k]!),
    sma200: kept.map((k) => ({ date: dates[k]!, label: sma200[k]!.label!, confidence: null })),
    sma50and200: kept.map((k) => ({ date: dates[k]!, label: sma50and200[k]!.label!, confidence: null })),
  };
  const engines: EngineCalls[] = TRACK_RECORD_ENGINES.map((id) => ({
    id,
    calls: engineCallList[id],
    scored: scoreCalls(engineCallList[id], days),
  }));

  const bootstrap = {
    resamples: options.bootstrap?.resamples ?? BLOCK_BOOTSTRAP_DEFAULTS.resamples,
    level: options.bootstrap?.level ?? BLOCK_BOOTSTRAP_DEFAULTS.level,
    seed: options.bootstrap?.seed ?? BLOCK_BOOTSTRAP_DEFAULTS.seed,
    blockLength: options.bootstrap?.blockLength ?? null,
  };
  const exposureByLabel = { ...PHASE_FOLLOWING_DEFAULTS.exposureByLabel, ...options.phaseFollowing?.exposureByLabel };
  const costBps = options.phaseFollowing?.costBps ?? PHASE_FOLLOWING_DEFAULTS.costBps;
  const outcomes = horizons.map((h) => forwardOutcomes(closes, h));

  const periodResults = periods.map((period): TrackRecordPeriodResult => {
    const inPeriod = (date: string): boolean => date >= period.from && date <= period.to;
    const results = {} as Record<TrackRecordEngineId, EngineTrackRecord>;
    const runs = {} as Record<TrackRecordEngineId, ReturnType<typeof phaseFollowing>>;
    for (const engine of engines) {
      const periodCalls = engine.calls.filter((c) => inPeriod(c.date));
      const run = phaseFollowing(closes, engine.calls, { from: period.from, to: period.to, exposureByLabel, costBps });
      runs[engine.id] = run;
      results[engine.id] = {
        engine: engine.id,
        name: TRACK_RECORD_ENGINE_NAMES[engine.id],
        calls: periodCalls.length,
        labelAgreement: labelAgreement(periodCalls, days),
        forwardReturns: forwardReturnStats(periodCalls, closes, { horizons, outcomes, ...bootstrap }),
        turningPointLags: turningPointLags(dating.turningPoints, engine.calls, period),
        calibration: engine.id === 'engine' ? calibration(engine.scored.filter((s) => inPeriod(s.date))) : null,
        phaseFollowing: run?.metrics ?? null,
      };
    }
    const hold = buyAndHold(closes, engineCallList.engine, { from: period.from, to: period.to, costBps });
    const equityCurves: EquityPoint[] = (hold?.curve ?? []).map((point, i) => ({
      date: point.date,
      engine: runs.engine!.curve[i]!.equity,
      sma200: runs.sma200!.curve[i]!.equity,
      sma50and200: runs.sma50and200!.curve[i]!.equity,
      buyAndHold: point.equity,
    }));
    const periodDates = engineCallList.engine.filter((c) => inPeriod(c.date));
    return {
      ...period,
      firstCallDate: periodDates[0]?.date ?? null,
      lastCallDate: periodDates[periodDates.length - 1]?.date ?? null,
      engines: results,
      buyAndHold: hold?.metrics ?? null,
      equityCurves,
      verdicts: trackRecordVerdicts(results, horizons, hold?.metrics ?? null),
    };
  });

  return {
    asset,
    firstDate: closes[0]!.date,
    lastDate: closes[closes.length - 1]!.date,
    method: {
      dating: dating.options,
      zoneBand,
      horizonsDays: [...horizons],
      bootstrap,
      phaseFollowing: { exposureByLabel, costBps },
      engines: TRACK_RECORD_ENGINES.map((id) => ({ id, name: TRACK_RECORD_ENGINE_NAMES[id] })),
    },
    turningPoints: dating.turningPoints.map(({ kind, date, close, confirmedDate }) => ({
      kind,
      date,
      close,
      confirmedDate,
    })),
    pendingExtremum: dating.pending
      ? { kind: dating.pending.kind, date: dating.pending.date, close: dating.pending.close }
      : null,
    warmUpCallsDropped: calls.length - kept.length,
    filledDates: filled.filledDates,
    periods: periodResults,
    days: dailySeries(closes, dating.states, labels, engineCallList),
    scoredCalls: { engine: engines[0]!.scored, sma200: engines[1]!.scored, sma50and200: engines[2]!.scored },
  };
}

/** One row per close: hindsight and each engine's call in force (the latest dated on or before it). */
function dailySeries(
  closes: readonly DailyClose[],
  states: readonly HindsightState[],
  labels: HindsightLabels,
  callLists: Readonly<Record<TrackRecordEngineId, EngineCalls['calls']>>,
): TrackRecordDay[] {
  const list = callLists.engine; // all three share the dates
  let c = -1;
  return closes.map((day, i) => {
    while (c + 1 < list.length && list[c + 1]!.date <= day.date) c++;
    return {
      date: day.date,
      close: day.close,
      hindsight: states[i]!,
      hindsightLabel: labels.primary[i]!,
      acceptableLabels: labels.acceptable[i]!,
      calls: {
        engine: c >= 0 ? callLists.engine[c]!.label : null,
        sma200: c >= 0 ? callLists.sma200[c]!.label : null,
        sma50and200: c >= 0 ? callLists.sma50and200[c]!.label : null,
      },
    };
  });
}

function validate(input: TrackRecordInput, horizons: readonly number[]): void {
  const where = 'buildTrackRecord';
  if (input.closes.length === 0) throw new RangeError(`${where}: closes is empty`);
  assertDailyCloses(input.closes, where, true);
  input.calls.forEach((call, k) => {
    if (Number.isNaN(isoDayNumber(call.date)))
      throw new RangeError(`${where}: calls[${k}].date "${call.date}" is not a YYYY-MM-DD date`);
    if (k > 0 && call.date <= input.calls[k - 1]!.date)
      throw new RangeError(`${where}: calls[${k}].date ${call.date} is not after ${input.calls[k - 1]!.date}`);
    if (!(PHASE_LABELS as readonly string[]).includes(call.label))
      throw new RangeError(`${where}: calls[${k}].label "${call.label}" is not one of ${PHASE_LABELS.join(', ')}`);
    if (!(call.confidence >= 0 && call.confidence <= 1))
      throw new RangeError(`${where}: calls[${k}].confidence (${call.date}) is ${call.confidence}: must be in [0, 1]`);
  });
  horizons.forEach((h, k) => {
    if (!Number.isInteger(h) || h < 1)
      throw new RangeError(`${where}: horizons[${k}] is ${h}: must be a whole number of days ≥ 1`);
  });
  input.periods.forEach((p, k) => {
    for (const field of ['from', 'to'] as const)
      if (!isIsoDate(p[field]))
        throw new RangeError(`${where}: periods[${k}].${field} "${p[field]}" is not a YYYY-MM-DD date`);
    if (p.from > p.to) throw new RangeError(`${where}: periods[${k}] ("${p.name}") runs from ${p.from} to ${p.to}`);
  });
}
