// What a strategy may read on a decision day: the replayed call and the few facts the playbook's
// rules use, as known at the as-of date (phase/replay.ts), extracted once so that a strategy step is
// a handful of field reads — a 1,000-combination sweep re-runs the strategies, never the replay.
import type { FlowRegime, PhaseLabel } from '../domain/analysis.js';
import { checklistStates, type ChecklistItemId } from '../phase/checklist.js';
import type { ReplayDay } from '../phase/replay.js';

/** One decision day: everything is as known at the end of `date` (bars through the day before). */
export interface DecisionDay {
  /** The as-of date; a decision fills at this bar's close. */
  readonly date: string;
  readonly label: PhaseLabel;
  readonly confidence: number;
  /** The latest close known (the bar before `date`), USD. */
  readonly knownClose: number | null;
  readonly sma50: number | null;
  readonly sma200: number | null;
  readonly nearestSupport: number | null;
  readonly nearestResistance: number | null;
  readonly checklist: Readonly<Record<ChecklistItemId, boolean | null>>;
  readonly consecutivePositiveWeeks: number | null;
  readonly lastWeekNetFlowUsd: number | null;
  readonly flowRegime: FlowRegime | null;
  readonly fundingRegime: string | null;
  readonly liquidationSpike: boolean | null;
  /** Whether a de-risking wave is under way; null when no wave input exists. */
  readonly waveUnderWay: boolean | null;
  readonly daysSinceWaveEnded: number | null;
}

/** The decision days of a replay, in its order. */
export function decisionDays(days: readonly ReplayDay[]): DecisionDay[] {
  return days.map((d) => {
    const f = d.facts;
    return {
      date: d.date,
      label: d.label,
      confidence: d.confidence,
      knownClose: f.close,
      sma50: f.sma50,
      sma200: f.sma200,
      nearestSupport: f.nearestSupport,
      nearestResistance: f.nearestResistance,
      checklist: checklistStates(f),
      consecutivePositiveWeeks: f.consecutivePositiveWeeks,
      lastWeekNetFlowUsd: f.lastWeekNetFlowUsd,
      flowRegime: f.flowRegime,
      fundingRegime: f.fundingRegime,
      liquidationSpike: f.liquidationSpike,
      waveUnderWay: f.wavesDecidable ? f.waves.some((w) => w.end === null) : null,
      daysSinceWaveEnded: f.daysSinceWaveEnded,
    };
  });
}
