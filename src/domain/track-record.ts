// The track-record contract: every call of the engine and of the two price-only baselines scored
// against a hindsight bull/bear dating, per period (in-sample / out-of-sample apart). What
// `tidemark track-record --json`, `/api/track-record`, the report and the dashboard carry.
// Units: shares and returns are fractions (0.715 = 71.5 %), durations calendar days, prices USD.
// track-record-schema.ts describes the same shapes in zod for the API and its OpenAPI document.
import type { AnalysedAsset } from './assets.js';
import type { PhaseLabel } from './analysis.js';

/** One daily close (crypto trades 24/7: one row per calendar day, dates ascending). */
export interface DailyClose {
  readonly date: string;
  /** USD. */
  readonly close: number;
}

/** One phase call at an as-of date (US trading days; the call is executed at close(date)). */
export interface PhaseCall {
  readonly date: string;
  readonly label: PhaseLabel;
  /** In [0, 1]. */
  readonly confidence: number;
}

/** The hindsight state of a day: 'unsettled' when later prices could still re-date it. */
export const HINDSIGHT_STATES = ['bull', 'bear', 'unsettled'] as const;
export type HindsightState = (typeof HINDSIGHT_STATES)[number];

export const TURNING_POINT_KINDS = ['peak', 'trough'] as const;
export type TurningPointKind = (typeof TURNING_POINT_KINDS)[number];

/** A dated bull-market peak or bear-market trough (Lunde–Timmermann). */
export interface TurningPoint {
  readonly kind: TurningPointKind;
  readonly date: string;
  /** USD close on `date`. */
  readonly close: number;
  /** First day the price had moved the dating threshold away from the extremum (the day hindsight knew). */
  readonly confirmedDate: string;
}

/** The running extremum since the last dated turning point: not (yet) a turning point. */
export interface PendingExtremum {
  readonly kind: TurningPointKind;
  readonly date: string;
  readonly close: number;
}

/** Who is scored: the engine and the two baselines Tidemark ships. */
export const TRACK_RECORD_ENGINES = ['engine', 'sma200', 'sma50and200'] as const;
export type TrackRecordEngineId = (typeof TRACK_RECORD_ENGINES)[number];
/** The price-only baselines: previous close above its 200-day average; above its 50- and 200-day averages. */
export const BASELINE_RULES = ['sma200', 'sma50and200'] as const satisfies readonly TrackRecordEngineId[];
export type BaselineRule = (typeof BASELINE_RULES)[number];

export const SAMPLES = ['in-sample', 'out-of-sample'] as const;
export type Sample = (typeof SAMPLES)[number];

/** A scoring period; both ends included. */
export interface TrackRecordPeriod {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly sample: Sample;
}

/** Label agreement of one engine's calls with the hindsight labels. */
export interface LabelAgreement {
  /** Calls scored (hindsight label set known on the call's date). */
  readonly scoredDays: number;
  /** Calls not scored: the hindsight label is unsettled or the date has no close. */
  readonly unscoredDays: number;
  /** Share of scored calls whose label is in the day's acceptable set; null when none scored. */
  readonly shareRight: number | null;
  /** Per called label: scored days and share right (null when the label was never called). */
  readonly byLabel: readonly {
    readonly label: PhaseLabel;
    readonly days: number;
    readonly shareRight: number | null;
  }[];
  /** Scored days by called label (rows) and primary hindsight label (columns). */
  readonly confusion: Readonly<Record<PhaseLabel, Readonly<Record<PhaseLabel, number>>>>;
  /** Calls whose day has a settled bull/bear state. */
  readonly sideScoredDays: number;
  /** Share of those whose side (bull: uptrend/bottoming; bear: trend-decline/topping) matches the state. */
  readonly sideAgreement: number | null;
}

/** A point estimate with a block-bootstrap interval (null when too few observations for one). */
export interface IntervalEstimate {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Forward outcomes of the calls with one label (or 'all' calls) over one horizon. */
export interface ForwardReturnStats {
  readonly label: PhaseLabel | 'all';
  /** Calendar days from the call's close. */
  readonly horizonDays: number;
  /** Calls with a full horizon of data. */
  readonly n: number;
  /** Calls excluded because their horizon runs past the last close (or their date has no close). */
  readonly excludedPastData: number;
  /** Mean of close(D+h)/close(D) − 1, fraction. */
  readonly meanReturn: IntervalEstimate;
  readonly medianReturn: number | null;
  /** Share of calls followed by a positive return. */
  readonly shareUp: IntervalEstimate;
  /** Mean of the largest peak-to-trough fall within the next h days from the entry close, fraction ≥ 0. */
  readonly meanMaxDrawdown: IntervalEstimate;
}

/** One dated turning point and how long an engine took to call it. */
export interface TurningPointLag {
  readonly kind: TurningPointKind;
  readonly date: string;
  readonly close: number;
  /** matched: a call on the matching side came before the next turning point; missed: none did;
   * not-covered: the engine made no call on or before the turning point, or none after it. */
  readonly status: 'matched' | 'missed' | 'not-covered';
  readonly firstMatchingCallDate: string | null;
  /** Calendar days from the turning point to that call. */
  readonly lagDays: number | null;
}

export interface TurningPointLags {
  readonly points: readonly TurningPointLag[];
  readonly matched: number;
  readonly missed: number;
  readonly notCovered: number;
  /** Median lag over the matched points, calendar days. */
  readonly medianLagDays: number | null;
  /**
   * Median over matched and missed points, a miss counted as the days from the turning point to the
   * next one (or to the last call): a lag the engine never beat. An engine that stays on one side
   * matches every other turning point at lag 0; this median does not reward that.
   */
  readonly medianLagDaysCountingMisses: number | null;
}

/** One bin of the reliability table: calls whose confidence is in [from, to) ([0.9, 1] for the last). */
export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly calls: number;
  readonly meanConfidence: number | null;
  readonly shareRight: number | null;
}

/** The confidence read as P(label right): reliability table and Brier score against the constant rate. */
export interface Calibration {
  readonly calls: number;
  readonly bins: readonly ReliabilityBin[];
  /** Mean of (confidence − right)², right ∈ {0, 1}. */
  readonly brier: number | null;
  /** Share right of the same calls. */
  readonly constantRate: number | null;
  /** Brier of always answering the constant rate: rate × (1 − rate). */
  readonly constantRateBrier: number | null;
  /** 1 − brier / constantRateBrier: > 0 when the confidence beats the constant rate. */
  readonly brierSkill: number | null;
}

/** Performance of a daily exposure series (phase-following or buy-and-hold) from the first close. */
export interface EquityMetrics {
  readonly firstDate: string;
  readonly lastDate: string;
  /** Closes in the window (the first is the entry). */
  readonly days: number;
  /** Equity at the last close, starting capital 1. */
  readonly finalEquity: number;
  readonly totalReturn: number;
  /** ln(finalEquity). */
  readonly logGrowth: number;
  /** Compound annual growth over 365-day years; null for a one-day window. */
  readonly cagr: number | null;
  /** Largest fall of the equity from a running peak, fraction ≥ 0. */
  readonly maxDrawdown: number;
  readonly maxDrawdownPeakDate: string | null;
  readonly maxDrawdownTroughDate: string | null;
  /** First date the equity regained the peak after the trough; null when it did not. */
  readonly maxDrawdownRecoveryDate: string | null;
  /** Sample standard deviation of daily equity returns × √365. */
  readonly volatilityAnnualised: number | null;
  /** Mean / standard deviation of daily returns × √365, risk-free rate 0. */
  readonly sharpe: number | null;
  /** Mean daily return / downside deviation (target 0) × √365. */
  readonly sortino: number | null;
  /** CAGR / maxDrawdown. */
  readonly calmar: number | null;
  /** Share of the held days with exposure > 0. */
  readonly timeInMarket: number | null;
  /** Mean exposure over the held days. */
  readonly meanExposure: number | null;
  /** Days on which the exposure changed (the initial entry not counted). */
  readonly switches: number;
  /** Sum of |exposure change|, the initial entry included, units of equity. */
  readonly turnover: number;
  /** Costs paid, in units of the starting capital. */
  readonly feesPaid: number;
  /** logGrowth / maxDrawdown; null when there was no drawdown. */
  readonly logGrowthPerMaxDrawdown: number | null;
}

/** Everything scored for one engine (or baseline) in one period. */
export interface EngineTrackRecord {
  readonly engine: TrackRecordEngineId;
  readonly name: string;
  /** Calls dated within the period. */
  readonly calls: number;
  readonly labelAgreement: LabelAgreement;
  readonly forwardReturns: readonly ForwardReturnStats[];
  readonly turningPointLags: TurningPointLags;
  /** Engine only: the baselines report no confidence. */
  readonly calibration: Calibration | null;
  /** Phase-following strategy from the period's first call to its end; null without calls. */
  readonly phaseFollowing: EquityMetrics | null;
}

/** Equity of each strategy at one close of a period (starting capital 1 at the period's first call). */
export interface EquityPoint {
  readonly date: string;
  readonly engine: number;
  readonly sma200: number;
  readonly sma50and200: number;
  readonly buyAndHold: number;
}

/** Whether the engine beats the best baseline on one yardstick, in plain words. */
export interface Verdict {
  readonly yardstick: string;
  readonly better: 'higher' | 'lower';
  readonly engineValue: number | null;
  readonly bestBaseline: BaselineRule | null;
  readonly baselineValue: number | null;
  readonly outcome: 'better' | 'worse' | 'tie' | 'not-comparable';
  readonly text: string;
}

export interface TrackRecordPeriodResult extends TrackRecordPeriod {
  /** The period's first and last call dates (common to all engines); null when it has none. */
  readonly firstCallDate: string | null;
  readonly lastCallDate: string | null;
  readonly engines: Readonly<Record<TrackRecordEngineId, EngineTrackRecord>>;
  readonly buyAndHold: EquityMetrics | null;
  readonly equityCurves: readonly EquityPoint[];
  readonly verdicts: readonly Verdict[];
}

/** One calendar day for the charts. */
export interface TrackRecordDay {
  readonly date: string;
  readonly close: number;
  readonly hindsight: HindsightState;
  /** Primary hindsight label (zones → topping/bottoming); null when unsettled. */
  readonly hindsightLabel: PhaseLabel | null;
  /** The labels counted right on this day; null when not scored. */
  readonly acceptableLabels: readonly PhaseLabel[] | null;
  /** Each engine's call in force: the latest scored call dated on or before the day (weekends carry
   * Friday's; null before the first, including calls dropped in the baselines' warm-up). */
  readonly calls: Readonly<Record<TrackRecordEngineId, PhaseLabel | null>>;
}

/** One call and its score, for fitting a calibration on the in-sample period. */
export interface ScoredCall {
  readonly date: string;
  readonly label: PhaseLabel;
  readonly confidence: number | null;
  /** Label in the acceptable set; null when the day is not scored. */
  readonly right: boolean | null;
  /** Side matches the hindsight bull/bear state; null when unsettled. */
  readonly sideRight: boolean | null;
}

/** How the record was computed (every option with its value). */
export interface TrackRecordMethod {
  readonly dating: {
    readonly bullDecline: number;
    readonly bearRise: number;
    readonly censoring: {
      readonly minPhaseDays: number;
      readonly minCycleDays: number;
      readonly largeMove: number;
    } | null;
  };
  readonly zoneBand: number;
  readonly horizonsDays: readonly number[];
  readonly bootstrap: {
    readonly resamples: number;
    readonly level: number;
    readonly seed: number;
    /** Block length in calls; null = the horizon. */
    readonly blockLength: number | null;
  };
  readonly phaseFollowing: {
    readonly exposureByLabel: Readonly<Record<PhaseLabel, number>>;
    readonly costBps: number;
  };
  readonly engines: readonly { readonly id: TrackRecordEngineId; readonly name: string }[];
}

export interface TrackRecord {
  readonly asset: AnalysedAsset;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly method: TrackRecordMethod;
  readonly turningPoints: readonly TurningPoint[];
  readonly pendingExtremum: PendingExtremum | null;
  /** Engine calls dropped because a baseline had fewer than 200 closes before them (all engines share days). */
  readonly warmUpCallsDropped: number;
  /** Calendar days missing from the closes and filled with the previous close (option fillGaps). */
  readonly filledDates: readonly string[];
  readonly periods: readonly TrackRecordPeriodResult[];
  readonly days: readonly TrackRecordDay[];
  readonly scoredCalls: Readonly<Record<TrackRecordEngineId, readonly ScoredCall[]>>;
}
