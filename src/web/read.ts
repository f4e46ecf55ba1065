// Defensive readers for the loosely typed parts of the analysis (signal sections are
// Record<string, unknown>): each returns null when the field is absent or of another type.

/** The value as a plain object, or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A finite number, or null (NaN, strings and missing values give null). */
export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A non-empty string, or null. */
export function asString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** An array, or an empty array. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings of an array (other items skipped), e.g. reasons; a single string becomes [string]. */
export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return asArray(value).flatMap((v) => {
    if (typeof v === 'string') return [v];
    const text = asString(asRecord(v)?.['text']);
    return text ? [text] : [];
  });
}

/** A dated point read from {date, value} or {date, <any numeric field>}. */
export interface DatedPoint {
  readonly date: string;
  readonly value: number;
}

/** Reads [{date, value}] (or [date, value] pairs); points without a date or number are skipped. */
export function asDatedSeries(value: unknown, field?: string): DatedPoint[] {
  const points: DatedPoint[] = [];
  for (const item of asArray(value)) {
    if (Array.isArray(item)) {
      const date = asString(item[0]);
      const v = asNumber(item[1]);
      if (date && v !== null) points.push({ date, value: v });
      continue;
    }
    const rec = asRecord(item);
    const date = asString(rec?.['date']);
    if (!rec || !date) continue;
    let v = field ? asNumber(rec[field]) : asNumber(rec['value']);
    if (v === null && !field) {
      for (const [k, x] of Object.entries(rec))
        if (k !== 'date' && asNumber(x) !== null) {
          v = asNumber(x);
          break;
        }
    }
    if (v !== null) points.push({ date, value: v });
  }
  return points;
}

/**
 * Scalar fields of a section (numbers, strings, booleans) as [name, value] pairs, for tables.
 * Nested plain objects are flattened one level ("cme annualisedBasis"); arrays and nulls are skipped.
 */
export function scalarFields(section: object | null, depth = 1): [string, string | number | boolean][] {
  if (!section) return [];
  return Object.entries(section).flatMap(([k, v]): [string, string | number | boolean][] => {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return [[k, v]];
    const nested = asRecord(v);
    if (nested && depth > 0 && k !== 'availability') {
      return scalarFields(nested, depth - 1).map(([n, x]): [string, string | number | boolean] => [`${k} ${n}`, x]);
    }
    return [];
  });
}
