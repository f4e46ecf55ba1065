// What the note and the dashboard draw from a track record, computed once for both: runs of one call
// (the coloured bands), the window a price chart shows, and the table of every yardstick with the
// engine, both baselines and buy-and-hold side by side — the digits through src/format.
import { formatDecimal } from '../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../format/percent.js';
import type { PhaseLabel } from './analysis.js';
import { IN_SAMPLE_END } from './sample-split.js';
import {
  TRACK_RECORD_ENGINES,
  type EngineTrackRecord,
  type EquityMetrics,
  type ForwardReturnStats,
  type TrackRecordDay,
  type TrackRecordEngineId,
  type TrackRecordPeriodResult,
  type Verdict,
} from './track-record.js';

/** Consecutive days with the same label (null = no call yet / unsettled), both ends included. */
export interface LabelRun {
  readonly from: string;
  readonly to: string;
  readonly label: PhaseLabel | null;
}

/** Who a band row shows: an engine's call in force, or the hindsight label. */
export type RunSource = TrackRecordEngineId | 'hindsight';

/**
 * The runs of one source over `days` (ascending): each engine's call in force, or the primary hindsight
 * label. `from`/`to` restrict the days looked at. Example: labels [u, u, t, null] → 3 runs.
 */
export function labelRuns(
  days: readonly TrackRecordDay[],
  source: RunSource,
  window: { readonly from?: string; readonly to?: string } = {},
): LabelRun[] {
  const runs: LabelRun[] = [];
  let open: { from: string; to: string; label: PhaseLabel | null } | null = null;
  for (const day of days) {
    if ((window.from !== undefined && day.date < window.from) || (window.to !== undefined && day.date > window.to))
      continue;
    const label = source === 'hindsight' ? day.hindsightLabel : day.calls[source];
    if (open !== null && open.label === label) open.to = day.date;
    else {
      if (open !== null) runs.push(open);
      open = { from: day.date, to: day.date, label };
    }
  }
  if (open !== null) runs.push(open);
  return runs;
}

/** Days shown before the first call in a price chart, for context. */
export const CHART_LEAD_DAYS = 30;

/** The first date a track-record price chart shows: CHART_LEAD_DAYS rows before the first call (or the first day). */
export function chartStart(days: readonly TrackRecordDay[]): string | null {
  const first = days.findIndex((d) => d.calls.engine !== null);
  if (first < 0) return days[0]?.date ?? null;
  return days[Math.max(0, first - CHART_LEAD_DAYS)]!.date;
}

/** Mean forward return after the calls of one side over `horizon`, weighted by calls; null without calls. */
function sideMean(stats: readonly ForwardReturnStats[], horizon: number, labels: readonly PhaseLabel[]): number | null {
  let total = 0;
  let n = 0;
  for (const s of stats)
    if (s.horizonDays === horizon && s.label !== 'all' && labels.includes(s.label) && s.meanReturn.value !== null) {
      total += s.meanReturn.value * s.n;
      n += s.n;
    }
  return n > 0 ? total / n : null;
}

/**
 * Mean forward return after bull-side calls (uptrend, bottoming) minus after bear-side calls
 * (trend-decline, topping) over `horizon` days; null when a side has no call with a full horizon.
 */
export function forwardReturnSpread(stats: readonly ForwardReturnStats[], horizon: number): number | null {
  const bull = sideMean(stats, horizon, ['uptrend', 'bottoming']);
  const bear = sideMean(stats, horizon, ['trend-decline', 'topping']);
  return bull === null || bear === null ? null : bull - bear;
}

/** One row of the yardstick table: the figure for each engine and, for the equity rows, buy-and-hold. */
export interface YardstickRow {
  readonly yardstick: string;
  /** Which way is better; null for a descriptive row (calls, time in market, switches). */
  readonly better: 'higher' | 'lower' | null;
  readonly values: Readonly<Record<TrackRecordEngineId, number | null>>;
  /** undefined when the row does not apply to holding (agreement, lags, calibration). */
  readonly buyAndHold?: number | null;
  /** The values as people read them, engines in TRACK_RECORD_ENGINES order, then buy-and-hold ('' where the yardstick does not apply). */
  readonly text: readonly string[];
}

type Format = (v: number | null) => string;
const whole: Format = (v) => formatDecimal(v, 0);
const days1: Format = (v) => formatDecimal(v, 1);
const pct: Format = (v) => formatPercent(v);
const signedPct: Format = (v) => formatSignedPercent(v);
const ratio: Format = (v) => formatDecimal(v);

/**
 * Every yardstick of a period with the three engines side by side and buy-and-hold where it applies, in
 * the CLI's wording: calls, label and side agreement, turning-point lags and misses, the forward-return
 * spread per horizon, the Brier score and its constant rate, and the phase-following equity figures.
 */
export function yardstickRows(
  period: Pick<TrackRecordPeriodResult, 'engines' | 'buyAndHold'>,
  horizons: readonly number[],
): YardstickRow[] {
  const rows: YardstickRow[] = [];
  // `value` answers undefined where the yardstick does not apply (a baseline states no confidence): '' in text.
  const add = (
    yardstick: string,
    better: YardstickRow['better'],
    value: (e: EngineTrackRecord) => number | null | undefined,
    format: Format,
    hold?: (m: EquityMetrics) => number | null,
  ): void => {
    const raw = Object.fromEntries(TRACK_RECORD_ENGINES.map((id) => [id, value(period.engines[id])])) as Record<
      TrackRecordEngineId,
      number | null | undefined
    >;
    const values = Object.fromEntries(TRACK_RECORD_ENGINES.map((id) => [id, raw[id] ?? null])) as Record<
      TrackRecordEngineId,
      number | null
    >;
    const buyAndHold = hold === undefined ? undefined : period.buyAndHold === null ? null : hold(period.buyAndHold);
    rows.push({
      yardstick,
      better,
      values,
      ...(buyAndHold !== undefined ? { buyAndHold } : {}),
      text: [
        ...TRACK_RECORD_ENGINES.map((id) => (raw[id] === undefined ? '' : format(values[id]))),
        buyAndHold === undefined ? '' : format(buyAndHold),
      ],
    });
  };
  const pf = (f: (m: EquityMetrics) => number | null) => (e: EngineTrackRecord) =>
    e.phaseFollowing === null ? null : f(e.phaseFollowing);
  add('calls', null, (e) => e.calls, whole);
  add('label right in hindsight', 'higher', (e) => e.labelAgreement.shareRight, pct);
  add('side right in hindsight', 'higher', (e) => e.labelAgreement.sideAgreement, pct);
  add(
    'median lag to a turn, days (misses counted)',
    'lower',
    (e) => e.turningPointLags.medianLagDaysCountingMisses,
    days1,
  );
  add('median lag to a turn, days (matched only)', 'lower', (e) => e.turningPointLags.medianLagDays, days1);
  add('turning points missed', 'lower', (e) => e.turningPointLags.missed, whole);
  for (const h of horizons)
    add(
      `forward-return spread ${h} d (bull-side minus bear-side calls)`,
      'higher',
      (e) => forwardReturnSpread(e.forwardReturns, h),
      signedPct,
    );
  add(
    'Brier score of the confidence',
    'lower',
    (e) => (e.calibration === null ? undefined : e.calibration.brier),
    (v) => formatDecimal(v, 3),
  );
  add(
    'Brier score of the constant rate',
    null,
    (e) => (e.calibration === null ? undefined : e.calibration.constantRateBrier),
    (v) => formatDecimal(v, 3),
  );
  add(
    'phase-following log growth ÷ max drawdown',
    'higher',
    pf((m) => m.logGrowthPerMaxDrawdown),
    ratio,
    (m) => m.logGrowthPerMaxDrawdown,
  );
  add(
    'phase-following CAGR',
    'higher',
    pf((m) => m.cagr),
    signedPct,
    (m) => m.cagr,
  );
  add(
    'phase-following max drawdown',
    'lower',
    pf((m) => m.maxDrawdown),
    pct,
    (m) => m.maxDrawdown,
  );
  add(
    'phase-following Sharpe',
    'higher',
    pf((m) => m.sharpe),
    ratio,
    (m) => m.sharpe,
  );
  add(
    'time in market',
    null,
    pf((m) => m.timeInMarket),
    pct,
    (m) => m.timeInMarket,
  );
  add(
    'switches',
    null,
    pf((m) => m.switches),
    whole,
    (m) => m.switches,
  );
  return rows;
}

/** The verdicts where the engine is worse than the best baseline (or than holding). */
export function worseVerdicts(period: Pick<TrackRecordPeriodResult, 'verdicts'>): Verdict[] {
  return period.verdicts.filter((v) => v.outcome === 'worse');
}

/** A verdict's mark for lists: ✓ better, ✗ worse, = tie, · not comparable. */
export function verdictMark(verdict: Verdict): string {
  return { better: '✓', worse: '✗', tie: '=', 'not-comparable': '·' }[verdict.outcome];
}

/** What each period is, in words: what was (not) chosen by looking at it. */
export function sampleMeaning(period: Pick<TrackRecordPeriodResult, 'sample'>, simulated: boolean): string {
  if (simulated)
    return 'Simulated data: the engine was tuned on the simulator, so this is in-sample by construction; it says nothing about real markets.';
  return period.sample === 'in-sample'
    ? `In-sample: the rules and the confidence model were chosen looking at this period (BTC to ${IN_SAMPLE_END} and the simulator), so these figures flatter the engine.`
    : `Out-of-sample: nothing was chosen by looking at this period (BTC after ${IN_SAMPLE_END}, all of ETH); these are the figures to judge the engine by.`;
}
