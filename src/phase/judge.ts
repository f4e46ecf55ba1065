// Scores every phase from the rules and picks one, with a confidence and ranked evidence.
// Score of a phase = weight of its rules that hold / weight of its rules that could be decided.
// A phase whose decidable weight is under half of its total weight is discounted by that share.
import { PHASE_LABELS, type Evidence, type PhaseLabel } from '../domain/analysis.js';
import type { PhaseFacts } from './facts.js';
import { PHASE_RULES, TOPPING_MAX_DRAWDOWN, type PhaseRule } from './rules.js';

export interface PhaseScore {
  readonly label: PhaseLabel;
  /** In [0, 1]. */
  readonly score: number;
  readonly held: readonly string[];
  readonly decidableWeight: number;
  readonly totalWeight: number;
}

export interface Judgment {
  readonly label: PhaseLabel;
  readonly confidence: number;
  readonly scores: readonly PhaseScore[];
  readonly evidence: readonly Evidence[];
  /** Rules that could not be decided, with what they needed. */
  readonly unusedEvidence: readonly string[];
}

/** Order used to break exact ties: the more cautious call first. */
const TIE_ORDER: readonly PhaseLabel[] = ['trend-decline', 'topping', 'bottoming', 'uptrend'];
/** Below this share of decidable weight a phase's score is scaled down. */
const MIN_DECIDABLE_SHARE = 0.5;

/**
 * Preconditions: a phase whose precondition fails scores 0 whatever else holds. A bottom needs a
 * decline before it: within TOPPING_MAX_DRAWDOWN of the peak the market is still near its highs.
 */
function preconditionHolds(label: PhaseLabel, facts: PhaseFacts): boolean {
  if (label === 'bottoming') return facts.drawdownFromPeak === null || facts.drawdownFromPeak >= TOPPING_MAX_DRAWDOWN;
  return true;
}

function scorePhase(label: PhaseLabel, facts: PhaseFacts, rules: readonly PhaseRule[]): PhaseScore {
  let held = 0;
  let decidable = 0;
  let total = 0;
  const heldIds: string[] = [];
  for (const rule of rules) {
    if (rule.phase !== label) continue;
    total += rule.weight;
    const outcome = rule.test(facts);
    if (outcome === null) continue;
    decidable += rule.weight;
    if (outcome) {
      held += rule.weight;
      heldIds.push(rule.id);
    }
  }
  const share = total > 0 ? decidable / total : 0;
  const raw = decidable > 0 && preconditionHolds(label, facts) ? held / decidable : 0;
  return {
    label,
    score: share < MIN_DECIDABLE_SHARE ? raw * share : raw,
    held: heldIds,
    decidableWeight: decidable,
    totalWeight: total,
  };
}

/**
 * Judges the phase from the facts. Confidence = ½·top score + ½·(top − runner-up), times the share
 * of all rule weight that could be decided (missing data lowers confidence, never invents a call).
 */
export function judgePhase(facts: PhaseFacts, rules: readonly PhaseRule[] = PHASE_RULES): Judgment {
  const scores = PHASE_LABELS.map((label) => scorePhase(label, facts, rules));
  const ranked = [...scores].sort(
    (a, b) => b.score - a.score || TIE_ORDER.indexOf(a.label) - TIE_ORDER.indexOf(b.label),
  );
  const top = ranked[0]!;
  const second = ranked[1]!;
  const decidable = scores.reduce((n, s) => n + s.decidableWeight, 0);
  const total = scores.reduce((n, s) => n + s.totalWeight, 0);
  const coverage = total > 0 ? decidable / total : 0;
  const confidence = Math.max(0, Math.min(1, (0.5 * top.score + 0.5 * (top.score - second.score)) * coverage));

  const sign: Record<PhaseLabel, number> = { 'trend-decline': -1, topping: -1, bottoming: 1, uptrend: 1 };
  const evidence: Evidence[] = [];
  for (const rule of rules) {
    if (rule.phase !== top.label || !top.held.includes(rule.id)) continue;
    evidence.push({
      signal: rule.signal,
      text: rule.text(facts),
      value: rule.value(facts),
      weight: sign[rule.phase] * rule.weight,
    });
  }
  evidence.sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0));
  // The strongest evidence for the runner-up, marked as contrary.
  for (const rule of rules) {
    if (rule.phase !== second.label || !second.held.includes(rule.id) || second.score === 0) continue;
    evidence.push({
      signal: rule.signal,
      text: `against: ${rule.text(facts)} (points to ${second.label})`,
      value: rule.value(facts),
      weight: sign[rule.phase] * rule.weight * 0.5,
    });
  }
  const unusedEvidence = rules.filter((r) => r.test(facts) === null).map((r) => `${r.phase}/${r.id}: needs ${r.needs}`);
  return { label: top.label, confidence: Math.round(confidence * 100) / 100, scores, evidence, unusedEvidence };
}
