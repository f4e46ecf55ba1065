import { describe, expect, it } from 'vitest';
import { addDays, dateToMs, isIsoDate } from '../../src/domain/dates.js';
import { isoDayNumber } from '../../src/domain/day-number.js';

describe('isoDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(isoDayNumber('1970-01-01')).toBe(0);
    expect(isoDayNumber('1969-12-31')).toBe(-1);
    expect(isoDayNumber('2000-03-01')).toBe(11_017);
    expect(isoDayNumber('2024-02-29') - isoDayNumber('2024-02-28')).toBe(1);
  });

  it('agrees with dateToMs on every day from 1999 to 2040 and across century leap rules', () => {
    const mismatches: string[] = [];
    for (let date = '1999-01-01'; date <= '2040-12-31'; date = addDays(date, 1))
      if (isoDayNumber(date) !== dateToMs(date) / 86_400_000) mismatches.push(date);
    for (const date of [
      '1600-02-29',
      '1700-03-01',
      '1899-12-31',
      '1900-02-28',
      '1900-03-01',
      '2100-02-28',
      '2100-03-01',
      '2400-02-29',
    ])
      if (isoDayNumber(date) !== dateToMs(date) / 86_400_000) mismatches.push(date);
    expect(mismatches).toEqual([]);
  });

  it('rejects what isIsoDate rejects', () => {
    for (const text of [
      '2025-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-1-05',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024/01/05',
      '20240105xx',
      'abcd-ef-gh',
      '',
    ])
      expect([text, isoDayNumber(text)]).toEqual([text, isIsoDate(text) ? expect.any(Number) : Number.NaN]);
    expect(isoDayNumber('2000-02-29')).toBe(dateToMs('2000-02-29') / 86_400_000);
  });
});
