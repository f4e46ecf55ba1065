// The one validation every importer and connector applies to a number before it reaches the store:
// known dataset, field and asset, a printable key, a market date within 2009-01-03 … today + the
// dataset's lag, a finite value within its field's range (field-ranges.ts), a strict knownAt.
import { isAsset } from './assets.js';
import { addDays, isIsoDate, parseIsoTimestamp } from './dates.js';
import { DATASETS, isDatasetName, isFieldOf, type DatasetName } from './datasets.js';
import {
  DATASET_BOUNDS,
  FIRST_MARKET_DATE,
  lastAllowedDate,
  MAX_DAYS_AHEAD,
  MAX_KEY_LENGTH,
  MAX_KNOWN_AT_DAYS_AHEAD,
  type ValueRange,
} from './field-ranges.js';
import type { Observation } from './observation.js';

/**
 * Checks a market date: a real YYYY-MM-DD date from FIRST_MARKET_DATE to `today` + the dataset's lag
 * (the largest lag when `dataset` is null). Returns null when valid, else why not.
 * checkMarketDate('9999-12-31', null, '2026-01-05') = 'date 9999-12-31 is after 2026-02-05 (today + 31 days)'.
 */
export function checkMarketDate(date: string, dataset: DatasetName | null, today: string): string | null {
  if (!isIsoDate(date)) return `date "${date}" is not a YYYY-MM-DD calendar date`;
  if (date < FIRST_MARKET_DATE)
    return `date ${date} is before ${FIRST_MARKET_DATE} (the bitcoin genesis block, the first market date)`;
  const last = lastAllowedDate(dataset, today);
  if (date > last) {
    const ahead = dataset === null ? MAX_DAYS_AHEAD : DATASET_BOUNDS[dataset].maxDaysAhead;
    return `date ${date} is after ${last} (today${ahead > 0 ? ` + ${ahead} day${ahead > 1 ? 's' : ''}` : ''}${dataset ? `: ${DATASET_BOUNDS[dataset].whyDaysAhead}` : ''})`;
  }
  return null;
}

/** A value as a reject message names it: exactly as the number is held (never rounded for display). */
function show(value: number): string {
  return String(value);
}

/**
 * Checks a value against its field's range: finite and within [min, max]. Returns null when valid,
 * else the reason naming the value, the bound and why. An unknown dataset or field is refused too.
 */
export function checkFieldValue(dataset: string, field: string, value: number): string | null {
  if (!isDatasetName(dataset)) return `unknown dataset "${dataset}"`;
  const range = (DATASET_BOUNDS[dataset].fields as Readonly<Record<string, ValueRange>>)[field];
  if (!range || !isFieldOf(dataset, field)) return `"${field}" is not a field of ${dataset}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${String(value)} is not a finite number`;
  const unit = (DATASETS[dataset].fields as Readonly<Record<string, { unit: string }>>)[field]!.unit;
  if (value < range.min) return `${show(value)} ${unit} is below ${show(range.min)} (${range.why})`;
  if (value > range.max) return `${show(value)} ${unit} is above ${show(range.max)} (${range.why})`;
  return null;
}

/** One failed check of an observation: the part that failed and why. */
export interface ObservationProblem {
  readonly part: 'dataset' | 'field' | 'asset' | 'key' | 'date' | 'value' | 'knownAt';
  readonly message: string;
}

/**
 * The boundary check of one observation before it may reach the store: known dataset, field and
 * asset; a key of 1–64 printable characters (no control characters, no U+FFFD left by a bad byte);
 * a market date within checkMarketDate's range; a finite value within the field's range; a strict
 * ISO knownAt, not before the date's 00:00 UTC and at most MAX_KNOWN_AT_DAYS_AHEAD days past the
 * last allowed date. Returns the problems (empty when the observation may be stored).
 */
export function checkObservation(o: Observation, today: string): ObservationProblem[] {
  const problems: ObservationProblem[] = [];
  if (!isDatasetName(o.dataset)) return [{ part: 'dataset', message: `unknown dataset "${String(o.dataset)}"` }];
  if (!isFieldOf(o.dataset, o.field))
    problems.push({ part: 'field', message: `"${o.field}" is not a field of ${o.dataset}` });
  if (!isAsset(o.asset)) problems.push({ part: 'asset', message: `"${String(o.asset)}" is not an asset` });
  const keyProblem = checkKey(o.key);
  if (keyProblem) problems.push({ part: 'key', message: keyProblem });
  const dateProblem = checkMarketDate(o.date, o.dataset, today);
  if (dateProblem) problems.push({ part: 'date', message: dateProblem });
  if (isFieldOf(o.dataset, o.field)) {
    const valueProblem = checkFieldValue(o.dataset, o.field, o.value);
    if (valueProblem) problems.push({ part: 'value', message: valueProblem });
  }
  const knownAt = typeof o.knownAt === 'string' ? parseIsoTimestamp(o.knownAt) : null;
  if (knownAt === null) problems.push({ part: 'knownAt', message: `"${String(o.knownAt)}" is not an ISO timestamp` });
  else if (!dateProblem) {
    if (knownAt < `${o.date}T00:00:00.000Z`)
      problems.push({ part: 'knownAt', message: `${knownAt} is before the row's date ${o.date}` });
    const latest = `${addDays(lastAllowedDate(o.dataset, today), MAX_KNOWN_AT_DAYS_AHEAD)}T00:00:00.000Z`;
    if (knownAt > latest)
      problems.push({ part: 'knownAt', message: `${knownAt} is more than a year ahead of today (${today})` });
  }
  return problems;
}

/** Why `key` cannot be a store key, or null: empty, too long, or holding control or replacement characters. */
export function checkKey(key: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'the key is empty';
  if (key.length > MAX_KEY_LENGTH) return `key "${key.slice(0, 20)}…" is longer than ${MAX_KEY_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\ufffd]/.test(key))
    return `key ${JSON.stringify(key)} holds a control or replacement character`;
  return null;
}
