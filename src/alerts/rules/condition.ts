// A user rule's condition, `<field> <op> <value>`: parsed and checked against the field catalog when
// the config is read, so a misspelt field or a number compared with a label fails at start-up naming
// the rule. Values: numbers (a `%` suffix is read in the field's unit: −0.01% of a funding rate is
// −0.0001, −10% of a *Pct field is −10), true/false, null, or a label ("one-way-outflow").
import { FIELD_LABELS, type FieldKind } from '../../domain/labels/field-labels.js';
import { resolveAlertField, similarAlertFields, type AlertFieldPath, type FieldValue } from '../alert-fields.js';

export const CONDITION_OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
  readonly field: AlertFieldPath;
  readonly operator: ConditionOperator;
  readonly value: string | number | boolean | null;
  /** The condition as written, for messages. */
  readonly text: string;
}

/** Kinds compared as text or yes/no; every other kind is a number. */
const NON_NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set(['date', 'code', 'text', 'yesNo']);
/** Kinds held as fractions, so "-0.01%" of one is −0.0001. */
const FRACTION_KINDS: ReadonlySet<FieldKind> = new Set(['fraction', 'signedFraction', 'rate8h', 'percentile', 'bp']);
const PATTERN = /^\s*([A-Za-z0-9_.]+)\s*(<=|>=|==|!=|=|<|>)\s*(.+?)\s*$/;

/** Thrown for a condition that cannot be read; the config loader adds the key it came from. */
export class ConditionError extends Error {
  override readonly name = 'ConditionError';
}

/** The field a rule names, or a ConditionError listing similar fields. */
export function fieldOrThrow(text: string): AlertFieldPath {
  const field = resolveAlertField(text);
  if (field !== null) return field;
  const similar = similarAlertFields(text);
  throw new ConditionError(
    `unknown field "${text}"${similar.length > 0 ? ` (did you mean ${similar.join(', ')}?)` : ''}; see docs/alerts.md for the fields`,
  );
}

/** Parses `text` ("signals.positioning.fundingRate8h < -0.01%"); throws ConditionError naming what is wrong. */
export function parseCondition(text: string): Condition {
  const match = PATTERN.exec(text);
  if (match === null)
    throw new ConditionError(`"${text}" is not "<field> <op> <value>" with op one of ${CONDITION_OPERATORS.join(' ')}`);
  const field = fieldOrThrow(match[1]!);
  const operator = (match[2] === '=' ? '==' : match[2]) as ConditionOperator;
  const raw = match[3]!.replace(/^["']|["']$/g, '');
  const kind = FIELD_LABELS[field].kind;
  const numeric = !NON_NUMERIC_KINDS.has(kind);
  let value: string | number | boolean | null;
  if (raw === 'null') value = null;
  else if (raw === 'true' || raw === 'false') {
    if (kind !== 'yesNo')
      throw new ConditionError(`${field} is not a yes/no field; "${raw}" cannot be compared with it`);
    value = raw === 'true';
  } else if (numeric) {
    const percent = raw.endsWith('%');
    const n = Number(raw.replace(/%$/, '').replace('\u2212', '-'));
    if (raw === '' || !Number.isFinite(n)) throw new ConditionError(`${field} is a number; "${raw}" is not one`);
    if (percent && !FRACTION_KINDS.has(kind) && kind !== 'signedPct')
      throw new ConditionError(`${field} is not a percentage; write "${raw.slice(0, -1)}" without %`);
    value = percent && kind !== 'signedPct' ? n / 100 : n;
  } else {
    if (kind === 'yesNo') throw new ConditionError(`${field} is a yes/no field; compare it with true or false`);
    value = raw;
  }
  if (typeof value !== 'number' && value !== null && operator !== '==' && operator !== '!=')
    throw new ConditionError(`${field} is not a number; only == and != compare it`);
  return { field, operator, value, text: text.trim() };
}

/** Whether `condition` holds for `actual` (a missing value never satisfies an ordering). */
export function conditionHolds(condition: Condition, actual: FieldValue): boolean {
  const { operator, value } = condition;
  if (operator === '==') return actual === value;
  if (operator === '!=') return actual !== value;
  if (typeof actual !== 'number' || typeof value !== 'number') return false;
  switch (operator) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
  }
}
