// The shape of an alert rule: it reads the current snapshot and the earlier ones of the same asset
// and returns a finding — what changed, with numbers — or nothing. Rules are pure; cooldowns, quiet
// hours, assets and sinks are applied around them (alerts/evaluate-rules.ts).
import type { AlertEvidence } from '../alert.js';
import type { AlertSnapshot } from '../alert-snapshot.js';

export interface RuleContext {
  readonly current: AlertSnapshot;
  /** Earlier snapshots of the same asset, newest first, one per as-of date (at most HISTORY_DAYS). */
  readonly history: readonly AlertSnapshot[];
}

/** What a rule found: a title, what changed, the numbers, and the sentences behind them. */
export interface Finding {
  readonly title: string;
  readonly changed: string;
  readonly evidence: readonly AlertEvidence[];
  /** Evidence sentences (the judgment's, a checklist item's text …), each citing its numbers. */
  readonly reasons: readonly string[];
}

export interface AlertRule {
  /** The rule's name in the config (built-ins: their id). */
  readonly name: string;
  /** One line saying what the rule watches, with its settings ("phase flip held 2 days at ≥ 50%"). */
  readonly summary: string;
  evaluate(context: RuleContext): Finding | null;
}

/** Snapshots the rules may look back over: enough to confirm a change and establish the prior state. */
export const HISTORY_DAYS = 30;

/** One observation of a tracked value: null = no information that day (it neither confirms nor breaks a run). */
export interface Observed<V> {
  readonly value: V | null;
  /** Identity of the data behind it: repeated bases count once (an ETF window repeated over a weekend). */
  readonly basis: string;
}

/**
 * The confirmed value of a sequence (oldest first) changes when a new value has been observed on
 * `confirm` distinct bases in a row; the first value seen is the initial confirmed one. Returns the
 * change when it happens at the last observation, else null.
 * confirmedChange([{a,1},{b,2},{b,3}], 2) → { from: a, to: b }; with [{a,1},{b,2}] → null.
 */
export function confirmedChange<V>(
  sequence: readonly Observed<V>[],
  confirm: number,
): { readonly from: V; readonly to: V } | null {
  let confirmed: V | null = null;
  let runValue: V | null = null;
  let runCount = 0;
  let runBasis = '';
  let change: { from: V; to: V } | null = null;
  sequence.forEach((o, i) => {
    const isLast = i === sequence.length - 1;
    if (o.value === null) return;
    if (o.value === runValue) {
      if (o.basis !== runBasis) runCount += 1;
    } else {
      runValue = o.value;
      runCount = 1;
    }
    runBasis = o.basis;
    if (confirmed === null) confirmed = o.value;
    else if (runCount >= confirm && runValue !== confirmed) {
      const from: V = confirmed;
      confirmed = runValue;
      if (isLast) change = { from, to: runValue };
    }
  });
  return change;
}

/** History then current, oldest first. */
export function chronological(context: RuleContext): AlertSnapshot[] {
  return [...context.history].reverse().concat(context.current);
}
