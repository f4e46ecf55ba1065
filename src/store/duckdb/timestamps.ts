// How timestamps cross the DuckDB boundary: ISO-8601 UTC text in Tidemark, TIMESTAMP (UTC, no zone)
// in DuckDB. The one format string DuckDB prints them back with lives here.

/** strftime format that prints a DuckDB TIMESTAMP as Tidemark's ISO text ("2026-01-05T23:00:00.000Z"). */
export const ISO_TIMESTAMP_FORMAT = '%Y-%m-%dT%H:%M:%S.%gZ';

/** SQL printing the TIMESTAMP column `column` as ISO text (the format above; no value is pasted). */
export function isoTimestampSql(column: string): string {
  return `strftime(${column}, '${ISO_TIMESTAMP_FORMAT}')`;
}

/** An ISO-8601 UTC timestamp as the text DuckDB casts to TIMESTAMP ("YYYY-MM-DD HH:MM:SS.sss"). */
export function ts(text: string): string {
  return text.replace('T', ' ').replace('Z', '');
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const FOUR_DIGIT_YEAR = /^\d{4}-/;

/**
 * The DuckDB TIMESTAMP text of an ISO timestamp, or null when DuckDB could not store it: not a
 * real instant, or outside years 0001–9999 (e.g. "+010000-01-01T00:00:00.000Z", which a date of
 * 9999-12-31 plus a publication lag becomes) or an impossible calendar date. Canonical UTC text
 * ("…T…Z") passes through as is;
 * other forms Date.parse accepts ("+02:00" offsets, no seconds) are converted to UTC first.
 */
export function storableTimestamp(text: string): string | null {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const iso = new Date(ms).toISOString();
  if (!FOUR_DIGIT_YEAR.test(iso)) return null;
  // Date.parse rolls "2026-02-30" over to March; DuckDB would refuse it.
  if (ISO_UTC.test(text)) return iso.slice(0, 10) === text.slice(0, 10) ? ts(text) : null;
  return ts(iso);
}
