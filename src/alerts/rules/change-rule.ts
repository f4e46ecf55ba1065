// A `changes: <field>` rule: fires when the field's value differs from the previous analysis (a label
// changed, a new sell-off start date, a flag flipped) and the new value has held `confirmDays` analyses.
import { FIELD_LABELS } from '../../domain/labels/field-labels.js';
import { formatFieldValue } from '../../domain/labels/field-rows.js';
import type { AlertFieldPath } from '../alert-fields.js';
import { chronological, confirmedChange, type AlertRule, type Finding, type RuleContext } from './rule.js';

const MISSING = '\u0000missing';

/** The change rule `name` on `field`. */
export function changeRule(name: string, field: AlertFieldPath, confirmDays: number): AlertRule {
  const info = FIELD_LABELS[field];
  return {
    name,
    summary: `changes: ${field}${confirmDays > 1 ? `, held ${confirmDays} analyses` : ''}`,
    evaluate(context: RuleContext): Finding | null {
      if (context.history.length === 0) return null;
      // A missing value is a value too (a sell-off appearing is a change); compared as text.
      const sequence = chronological(context).map((s) => {
        const v = s.fields[field];
        return { value: v === null ? MISSING : JSON.stringify(v), basis: s.asOf };
      });
      const change = confirmedChange(sequence, confirmDays);
      if (change === null) return null;
      const read = (text: string): string =>
        formatFieldValue(field, text === MISSING ? null : (JSON.parse(text) as string | number | boolean));
      return {
        title: `${context.current.asset}: ${info.label} now ${read(change.to)}`,
        changed: `${info.label} ${read(change.from)} → ${read(change.to)}`,
        evidence: [{ label: info.label, value: read(change.to) }],
        reasons: [],
      };
    },
  };
}
