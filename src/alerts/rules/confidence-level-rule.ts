// Built-in rule `confidence-level`: the confidence of an unchanged phase call crossed a level — up
// through `level`, or down below `level − hysteresis` (the band keeps a call hovering at the level
// from alerting every day). A change of label resets the state without an alert (phase-flip says it).
import { codeName } from '../../domain/labels/code-names.js';
import { formatPercent } from '../../format/percent.js';
import { formatFieldValue } from '../../domain/labels/field-rows.js';
import { chronological, type AlertRule, type Finding, type RuleContext } from './rule.js';

export interface ConfidenceLevelOptions {
  /** The level (a fraction, 0.8 = 80 %). */
  readonly level: number;
  /** How far below the level confidence must fall to count as having dropped. */
  readonly hysteresis: number;
  /** Which crossings alert: up (the call became firm), down (it weakened) or both. */
  readonly direction: 'up' | 'down' | 'both';
}

/** The confidence-level rule named `name`. */
export function confidenceLevelRule(name: string, options: ConfidenceLevelOptions): AlertRule {
  const low = options.level - options.hysteresis;
  return {
    name,
    summary: `confidence of an unchanged call ${options.direction === 'down' ? '' : `rose to ≥ ${formatPercent(options.level, 0)}`}${options.direction === 'both' ? ' or ' : ''}${options.direction === 'up' ? '' : `fell below ${formatPercent(low, 0)}`}`,
    evaluate(context: RuleContext): Finding | null {
      let label: string | null = null;
      let high = false;
      let event: 'rose' | 'fell' | null = null;
      for (const s of chronological(context)) {
        const l = s.fields['phase.label'];
        const c = s.fields['phase.confidence'];
        event = null;
        if (typeof l !== 'string' || typeof c !== 'number') continue;
        if (l !== label) {
          label = l;
          high = c >= options.level;
        } else if (!high && c >= options.level) {
          high = true;
          event = 'rose';
        } else if (high && c < low) {
          high = false;
          event = 'fell';
        }
      }
      if (event === null) return null;
      if ((event === 'rose' && options.direction === 'down') || (event === 'fell' && options.direction === 'up'))
        return null;
      const { current } = context;
      const confidence = formatFieldValue('phase.confidence', current.fields['phase.confidence']);
      const previous = context.history[0]?.fields['phase.confidence'] ?? null;
      return {
        title:
          event === 'rose'
            ? `${current.asset}: ${codeName(String(label))} call firmer (${confidence})`
            : `${current.asset}: ${codeName(String(label))} call weaker (${confidence})`,
        changed:
          event === 'rose'
            ? `confidence ${formatFieldValue('phase.confidence', previous)} → ${confidence}, at or above ${formatPercent(options.level, 0)}`
            : `confidence ${formatFieldValue('phase.confidence', previous)} → ${confidence}, below ${formatPercent(low, 0)}`,
        evidence: [
          { label: 'phase', value: String(label) },
          { label: 'confidence', value: confidence },
        ],
        reasons: current.evidence.slice(0, 3).map((e) => e.text),
      };
    },
  };
}
