// Built-in rule `stale-input`: an input went stale — its source is late beyond its normal publication
// lag (alerts/input-freshness.ts) — since the previous analysis.
import { formatDate } from '../../format/dates.js';
import { INPUT_CLOCKS, type FreshnessInput } from '../input-freshness.js';
import type { AlertRule, Finding, RuleContext } from './rule.js';

export interface StaleInputOptions {
  /** The inputs watched (default all of FRESHNESS_INPUTS). */
  readonly inputs: readonly FreshnessInput[];
}

/** The stale-input rule named `name`. */
export function staleInputRule(name: string, options: StaleInputOptions): AlertRule {
  return {
    name,
    summary: `an input late beyond its normal publication lag (${options.inputs.join(', ')})`,
    evaluate(context: RuleContext): Finding | null {
      const previous = context.history[0];
      const wasStale = new Set((previous?.freshness ?? []).filter((f) => f.stale).map((f) => f.input));
      const newly = context.current.freshness.filter(
        (f) => f.stale && options.inputs.includes(f.input) && !wasStale.has(f.input),
      );
      if (newly.length === 0) return null;
      const names = newly.map((f) => INPUT_CLOCKS[f.input].label);
      return {
        title: `${context.current.asset}: stale input — ${names.join(', ')}`,
        changed: `${names.join(', ')} late beyond the normal publication lag`,
        evidence: newly.map((f) => ({
          label: INPUT_CLOCKS[f.input].label,
          value: `last ${formatDate(f.lastDate ?? '')}, expected ${formatDate(f.expectedDate ?? '')} (${f.lateDays} day${f.lateDays === 1 ? '' : 's'} late)`,
        })),
        reasons: [],
      };
    },
  };
}
