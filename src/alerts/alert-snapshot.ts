// What the alert rules compare from one day to the next: a compact record of an analysis (every
// catalogued field, the checklist, the waves, the sell-offs, the judgment's evidence) plus the
// freshness of its inputs. The daily run stores it with the analysis (store/alert-outbox.ts); the
// replay keeps it in memory. Both feed the rules the same thing.
import type { Analysis, ChecklistItem, Evidence, Segment, Wave } from '../domain/analysis.js';
import type { LiquiditySelloff } from '../domain/sections/liquidity.js';
import { alertFieldValues, type FieldValues } from './alert-fields.js';
import type { InputFreshness } from './input-freshness.js';

export interface AlertSnapshot {
  readonly asset: string;
  readonly asOf: string;
  readonly simulated: boolean;
  readonly fields: FieldValues;
  readonly checklist: readonly ChecklistItem[];
  /** Segments whose latest de-risking wave is under way. */
  readonly ongoingWaves: readonly Segment[];
  /** The analysis window's waves. */
  readonly waves: readonly Wave[];
  /** Sell-offs classified by the as-of date, as they stood then (the last SELLOFFS_KEPT). */
  readonly selloffs: readonly LiquiditySelloff[];
  /** The judgment's evidence, strongest first (the first EVIDENCE_KEPT). */
  readonly evidence: readonly Evidence[];
  readonly freshness: readonly InputFreshness[];
}

/** Sell-offs kept per snapshot: a new classification or a revision shows among the latest. */
const SELLOFFS_KEPT = 5;
/** Evidence items kept: what an alert quotes. */
const EVIDENCE_KEPT = 6;

/** The snapshot of `analysis` with its inputs' freshness. */
export function snapshotOf(analysis: Analysis, freshness: readonly InputFreshness[]): AlertSnapshot {
  return {
    asset: analysis.asset,
    asOf: analysis.asOf,
    simulated: analysis.simulated,
    fields: alertFieldValues(analysis),
    checklist: analysis.checklist.map((c) => ({ id: c.id, met: c.met, text: c.text })),
    ongoingWaves: [...(analysis.wavesDetail?.ongoing ?? [])],
    waves: analysis.waves.map((w) => ({ ...w })),
    selloffs: analysis.signals.liquidity.selloffs.slice(-SELLOFFS_KEPT),
    evidence: analysis.phase.evidence.slice(0, EVIDENCE_KEPT),
    freshness: [...freshness],
  };
}

/** Reads a stored snapshot back (JSON text written by JSON.stringify of a snapshot). */
export function parseSnapshot(text: string): AlertSnapshot {
  return JSON.parse(text) as AlertSnapshot;
}
