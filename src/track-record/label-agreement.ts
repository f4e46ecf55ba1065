// How often a call's label is right in hindsight: overall, per called label, the confusion against
// the primary hindsight label, and the bull/bear side agreement; plus the per-call scores.
import { PHASE_LABELS, type PhaseLabel } from '../domain/analysis.js';
import type { HindsightState, LabelAgreement, ScoredCall } from '../domain/track-record.js';
import type { HindsightLabels } from './hindsight-labels.js';
import { phaseSide } from './phase-side.js';

/** The hindsight of each close and the lookup from a call's date to its close. */
export interface HindsightDays {
  /** Position of a date in the closes, −1 outside them. */
  readonly indexOf: (date: string) => number;
  readonly states: readonly HindsightState[];
  readonly labels: HindsightLabels;
}

/** A call as scored: its date and label (confidence optional). */
export interface CallToScore {
  readonly date: string;
  readonly label: PhaseLabel;
  readonly confidence?: number | null;
}

/**
 * Each call scored against the hindsight of its own date: right when its label is in the day's
 * acceptable set (null when the day is not scored), sideRight when its side (bull: uptrend/bottoming,
 * bear: trend-decline/topping) matches the day's bull/bear state (null when unsettled).
 */
export function scoreCalls(calls: readonly CallToScore[], days: HindsightDays): ScoredCall[] {
  return calls.map((call) => {
    const i = days.indexOf(call.date);
    const acceptable = i >= 0 ? days.labels.acceptable[i]! : null;
    const state = i >= 0 ? days.states[i]! : 'unsettled';
    return {
      date: call.date,
      label: call.label,
      confidence: call.confidence ?? null,
      right: acceptable === null ? null : acceptable.includes(call.label),
      sideRight: state === 'unsettled' ? null : phaseSide(call.label) === state,
    };
  });
}

/**
 * Label agreement of `calls` with the hindsight labels: the share of scored calls whose label is in
 * the day's acceptable set; per called label its scored days and share right; the confusion of called
 * label against primary hindsight label; and the side agreement over days with a settled state.
 * Shares are null when nothing was scored. Example: calls uptrend (acceptable {uptrend}) and topping
 * (acceptable {trend-decline}) → shareRight 0.5, byLabel uptrend 1 day 1.0, topping 1 day 0.
 */
export function labelAgreement(calls: readonly CallToScore[], days: HindsightDays): LabelAgreement {
  const zeroRow = (): Record<PhaseLabel, number> => ({ 'trend-decline': 0, bottoming: 0, uptrend: 0, topping: 0 });
  const confusion: Record<PhaseLabel, Record<PhaseLabel, number>> = {
    'trend-decline': zeroRow(),
    bottoming: zeroRow(),
    uptrend: zeroRow(),
    topping: zeroRow(),
  };
  const scoredBy = zeroRow();
  const rightBy = zeroRow();
  let scored = 0;
  let right = 0;
  let sideScored = 0;
  let sideRight = 0;
  for (const call of calls) {
    const i = days.indexOf(call.date);
    if (i < 0) continue;
    const state = days.states[i]!;
    if (state !== 'unsettled') {
      sideScored++;
      if (phaseSide(call.label) === state) sideRight++;
    }
    const acceptable = days.labels.acceptable[i]!;
    if (acceptable === null) continue;
    scored++;
    scoredBy[call.label]++;
    if (acceptable.includes(call.label)) {
      right++;
      rightBy[call.label]++;
    }
    confusion[call.label][days.labels.primary[i]!]++;
  }
  return {
    scoredDays: scored,
    unscoredDays: calls.length - scored,
    shareRight: scored > 0 ? right / scored : null,
    byLabel: PHASE_LABELS.map((label) => ({
      label,
      days: scoredBy[label],
      shareRight: scoredBy[label] > 0 ? rightBy[label] / scoredBy[label] : null,
    })),
    confusion,
    sideScoredDays: sideScored,
    sideAgreement: sideScored > 0 ? sideRight / sideScored : null,
  };
}
