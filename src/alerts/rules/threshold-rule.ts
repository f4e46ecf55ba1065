// A `when: <field> <op> <value>` rule (user rules, and the built-in thresholds funding-negative,
// mnav-below-one, liquidation-spike): fires when the condition holds and did not hold at the previous
// analysis — once per crossing, not every day it stays true. With no earlier analysis it fires when
// the condition holds (the first run reports what is already true).
import { FIELD_LABELS } from '../../domain/labels/field-labels.js';
import { formatFieldValue } from '../../domain/labels/field-rows.js';
import { conditionHolds, type Condition } from './condition.js';
import type { AlertRule, Finding, RuleContext } from './rule.js';

function valueText(condition: Condition): string {
  const v = condition.value;
  if (typeof v === 'number') return formatFieldValue(condition.field, v);
  return v === null ? 'n/a' : String(v);
}

/** The threshold rule `name` on `condition`. */
export function thresholdRule(name: string, condition: Condition): AlertRule {
  const info = FIELD_LABELS[condition.field];
  return {
    name,
    summary: `when ${condition.text}`,
    evaluate(context: RuleContext): Finding | null {
      const now = context.current.fields[condition.field];
      if (!conditionHolds(condition, now)) return null;
      const previous = context.history[0];
      const before = previous === undefined ? null : previous.fields[condition.field];
      if (previous !== undefined && conditionHolds(condition, before)) return null;
      const nowText = formatFieldValue(condition.field, now);
      return {
        title: `${context.current.asset}: ${info.label} ${nowText} (${condition.operator} ${valueText(condition)})`,
        changed: `${info.label} ${formatFieldValue(condition.field, before)} → ${nowText}; condition ${condition.text} now holds`,
        evidence: [
          { label: info.label, value: nowText },
          { label: 'threshold', value: `${condition.operator} ${valueText(condition)}` },
        ],
        reasons: context.current.evidence.filter((e) => condition.field.endsWith(`.${e.signal}`)).map((e) => e.text),
      };
    },
  };
}
