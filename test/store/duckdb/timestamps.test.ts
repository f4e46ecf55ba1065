import { describe, expect, it } from 'vitest';
import { isoTimestampSql, storableTimestamp, ts } from '../../../src/store/duckdb/timestamps.js';

describe('timestamps at the DuckDB boundary', () => {
  it('turns ISO UTC text into DuckDB TIMESTAMP text', () => {
    expect(ts('2026-01-05T23:00:00.000Z')).toBe('2026-01-05 23:00:00.000');
  });

  it('prints a column back with the one format string', () => {
    expect(isoTimestampSql('known_at')).toBe("strftime(known_at, '%Y-%m-%dT%H:%M:%S.%gZ')");
  });

  it.each([
    ['2026-01-05T23:00:00.000Z', '2026-01-05 23:00:00.000'],
    ['2026-01-05T23:00:00Z', '2026-01-05 23:00:00'],
    ['2026-01-06T01:30:00+02:00', '2026-01-05 23:30:00.000'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31 23:59:59.999'],
  ])('storableTimestamp(%s) = %s', (text, expected) => {
    expect(storableTimestamp(text)).toBe(expected);
  });

  it.each(['+010000-01-01T02:00:00.000Z', '2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z', 'yesterday', ''])(
    'storableTimestamp(%j) is null',
    (text) => {
      expect(storableTimestamp(text)).toBeNull();
    },
  );
});
