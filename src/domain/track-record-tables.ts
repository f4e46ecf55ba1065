// The per-label tables of a track-record period as people read them, for the dashboard, the note and the CLI: each engine's
// days per called label with the share right in hindsight, and what followed the calls of each label
// over one horizon (mean with its block-bootstrap interval, median, share up, largest fall) — the
// engine and both baselines side by side, the digits through src/format.
import { formatCount, formatDecimal } from '../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../format/percent.js';
import { PHASE_LABELS, type PhaseLabel } from './analysis.js';
import {
  TRACK_RECORD_ENGINES,
  type Calibration,
  type IntervalEstimate,
  type TrackRecordEngineId,
  type TrackRecordPeriodResult,
} from './track-record.js';

/** One called label: each engine's scored days with it and the share of them right in hindsight. */
export interface LabelRow {
  readonly label: PhaseLabel;
  readonly days: Readonly<Record<TrackRecordEngineId, number>>;
  readonly shareRight: Readonly<Record<TrackRecordEngineId, number | null>>;
  /** Per engine in TRACK_RECORD_ENGINES order: "412 days, 71.5% right"; "never called" with no day. */
  readonly text: readonly string[];
}

/**
 * One row per phase label (PHASE_LABELS order, never-called labels included) with each engine's scored
 * days and share right. Example: the engine called uptrend on 300 scored days, 240 right → "300 days, 80.0% right".
 */
export function labelRows(period: Pick<TrackRecordPeriodResult, 'engines'>): LabelRow[] {
  return PHASE_LABELS.map((label) => {
    const of = (id: TrackRecordEngineId) => period.engines[id].labelAgreement.byLabel.find((b) => b.label === label);
    const days = Object.fromEntries(TRACK_RECORD_ENGINES.map((id) => [id, of(id)?.days ?? 0])) as Record<
      TrackRecordEngineId,
      number
    >;
    const shareRight = Object.fromEntries(TRACK_RECORD_ENGINES.map((id) => [id, of(id)?.shareRight ?? null])) as Record<
      TrackRecordEngineId,
      number | null
    >;
    const text = TRACK_RECORD_ENGINES.map((id) =>
      days[id] === 0 ? 'never called' : `${formatCount(days[id])} days, ${formatPercent(shareRight[id])} right`,
    );
    return { label, days, shareRight, text };
  });
}

/**
 * An estimate with its interval: "+4.1% [−2.0%, +9.8%]"; the value alone when the bootstrap had too
 * few observations for an interval; "n/a" without a value.
 */
export function intervalText(estimate: IntervalEstimate, format: (v: number | null) => string): string {
  if (estimate.value === null) return format(null);
  if (estimate.lower === null || estimate.upper === null) return format(estimate.value);
  return `${format(estimate.value)} [${format(estimate.lower)}, ${format(estimate.upper)}]`;
}

/** What followed one engine's calls of one label (or all its calls) over one horizon. */
export interface ForwardReturnRow {
  readonly label: PhaseLabel | 'all';
  readonly engine: TrackRecordEngineId;
  readonly horizonDays: number;
  readonly calls: number;
  readonly meanReturn: IntervalEstimate;
  /** Calls, mean [interval], median, share up [interval], mean max drawdown [interval]. */
  readonly text: readonly string[];
}

/**
 * The forward outcomes at `horizonDays` per label (PHASE_LABELS order, then 'all'), each engine in
 * TRACK_RECORD_ENGINES order within a label; labels an engine never called with a full horizon are left out.
 */
export function forwardReturnRows(
  period: Pick<TrackRecordPeriodResult, 'engines'>,
  horizonDays: number,
): ForwardReturnRow[] {
  const rows: ForwardReturnRow[] = [];
  for (const label of [...PHASE_LABELS, 'all'] as const)
    for (const engine of TRACK_RECORD_ENGINES) {
      const s = period.engines[engine].forwardReturns.find((f) => f.label === label && f.horizonDays === horizonDays);
      if (s === undefined || s.n === 0) continue;
      rows.push({
        label,
        engine,
        horizonDays,
        calls: s.n,
        meanReturn: s.meanReturn,
        text: [
          formatCount(s.n),
          intervalText(s.meanReturn, (v) => formatSignedPercent(v)),
          formatSignedPercent(s.medianReturn),
          intervalText(s.shareUp, (v) => formatPercent(v)),
          intervalText(s.meanMaxDrawdown, (v) => formatPercent(v)),
        ],
      });
    }
  return rows;
}

/**
 * The engine's own forward outcomes, one row per label and horizon with calls: label, horizon, calls,
 * mean return [interval], median, share up, mean max drawdown — the note's and the CLI's table.
 */
export function engineForwardCells(period: Pick<TrackRecordPeriodResult, 'engines'>): string[][] {
  return period.engines.engine.forwardReturns
    .filter((s) => s.n > 0)
    .map((s) => [
      s.label,
      `${s.horizonDays} d`,
      formatDecimal(s.n, 0),
      `${formatSignedPercent(s.meanReturn.value)} [${formatSignedPercent(s.meanReturn.lower)}, ${formatSignedPercent(s.meanReturn.upper)}]`,
      formatSignedPercent(s.medianReturn),
      formatPercent(s.shareUp.value),
      formatPercent(s.meanMaxDrawdown.value),
    ]);
}

/** One reliability bin as text: confidence range, calls, mean confidence, share right. */
export function reliabilityRows(calibration: Calibration): string[][] {
  return calibration.bins
    .filter((b) => b.calls > 0)
    .map((b) => [
      `${formatPercent(b.from, 0)}–${formatPercent(b.to, 0)}`,
      formatCount(b.calls),
      formatPercent(b.meanConfidence),
      formatPercent(b.shareRight),
    ]);
}

/**
 * The Brier score against the constant rate in words. Example: brier 0.153, constant rate 76.1% (Brier
 * 0.182) → "Brier score 0.153 against 0.182 for always answering the hit rate of 76.1%: the confidence
 * carries information (skill +15.9%)."
 */
export function brierSentence(calibration: Calibration): string {
  const { brier, constantRate, constantRateBrier, brierSkill, calls } = calibration;
  if (brier === null || constantRateBrier === null) return 'No scored call with a confidence: no Brier score.';
  const verdict =
    brierSkill === null
      ? 'not comparable (every call right or every call wrong)'
      : brierSkill > 0
        ? `the confidence carries information (skill ${formatSignedPercent(brierSkill)})`
        : `the confidence does worse than the constant rate (skill ${formatSignedPercent(brierSkill)})`;
  return `Brier score ${formatDecimal(brier, 3)} over ${formatCount(calls)} calls against ${formatDecimal(constantRateBrier, 3)} for always answering the hit rate of ${formatPercent(constantRate)}: ${verdict}.`;
}
