// Dates for people, pinned by exact strings.
import { describe, expect, it } from 'vitest';
import { formatDate, formatShortDate, readableDates } from '../../src/format/dates.js';

describe('formatDate', () => {
  it.each([
    ['2026-08-18', '18 Aug 2026'],
    ['2026-01-05', '5 Jan 2026'],
    ['2025-12-31T23:59:59Z', '31 Dec 2025'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDate('ongoing')).toBe('ongoing');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });
});

describe('formatShortDate', () => {
  it('gives the axis form', () => {
    expect(formatShortDate('2026-08-18')).toBe('18 Aug');
    expect(formatShortDate('2026-02-01')).toBe('1 Feb');
  });
});

describe('readableDates', () => {
  it('writes every ISO date in a text as a desk reads it and leaves the rest', () => {
    expect(readableDates('2023-11-08 → 2024-01-02, first buy 2025-12-12')).toBe(
      '8 Nov 2023 → 2 Jan 2024, first buy 12 Dec 2025',
    );
    expect(readableDates('never')).toBe('never');
  });
});
