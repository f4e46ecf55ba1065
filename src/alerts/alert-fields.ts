// The analysis fields an alert rule can name (`when: signals.positioning.fundingRate8h < -0.01%`): every
// field of the label table (domain/labels/field-labels.ts), which is checked against the analysis
// contract at compile time and gives each field the words and the kind an alert prints it with.
import type { Analysis } from '../domain/analysis.js';
import { FIELD_LABELS, type AnalysisFieldPath } from '../domain/labels/field-labels.js';

/** A field an alert rule can name. */
export type AlertFieldPath = AnalysisFieldPath;

/** A field's value as rules see it: the leaf, or null when the analysis lacks it. */
export type FieldValue = string | number | boolean | null;

/** The values of every alert field of one analysis. */
export type FieldValues = Readonly<Record<AlertFieldPath, FieldValue>>;

/** Every catalogued path, in catalog order. */
export const ALERT_FIELD_PATHS = Object.keys(FIELD_LABELS) as AlertFieldPath[];

/** Whether `text` names a catalogued field. */
export function isAlertField(text: string): text is AlertFieldPath {
  return Object.hasOwn(FIELD_LABELS, text);
}

/**
 * The field a config names: the full path, or the path without its `signals.` prefix
 * ("positioning.fundingRate8h"); null when neither is catalogued.
 */
export function resolveAlertField(text: string): AlertFieldPath | null {
  const trimmed = text.trim();
  if (isAlertField(trimmed)) return trimmed;
  const prefixed = `signals.${trimmed}`;
  return isAlertField(prefixed) ? prefixed : null;
}

/** Catalogued paths that end like `text` or contain it (for "did you mean" in config errors), at most 5. */
export function similarAlertFields(text: string): AlertFieldPath[] {
  const last = text.split('.').at(-1)?.toLowerCase() ?? '';
  if (last === '') return [];
  return ALERT_FIELD_PATHS.filter((p) => p.toLowerCase().endsWith(`.${last}`) || p.toLowerCase().includes(last)).slice(
    0,
    5,
  );
}

function leaf(root: unknown, path: string): FieldValue {
  let at: unknown = root;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' || typeof at === 'number' || typeof at === 'boolean' ? at : null;
}

/** Reads every catalogued field of `analysis` (null where the analysis holds none). */
export function alertFieldValues(analysis: Analysis): FieldValues {
  const out = {} as Record<AlertFieldPath, FieldValue>;
  for (const path of ALERT_FIELD_PATHS) out[path] = leaf(analysis, path);
  return out;
}
