import { describe, expect, it } from 'vitest';
import { assertDailyCloses, dayIndex, fillCalendarGaps } from '../../src/track-record/daily-closes.js';
import { dailyCloses } from '../helpers/price-paths.js';

describe('daily closes', () => {
  const closes = dailyCloses([1, 2, 3], '2024-02-28');

  it('finds a date by arithmetic across a leap day, −1 outside', () => {
    const indexOf = dayIndex(closes);
    expect(closes.map((c) => c.date)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(indexOf('2024-03-01')).toBe(2);
    expect(indexOf('2024-02-27')).toBe(-1);
    expect(indexOf('2024-03-02')).toBe(-1);
    expect(indexOf('not a date')).toBe(-1);
    expect(dayIndex([])('2024-01-01')).toBe(-1);
  });

  it('fills missing calendar days with the previous close and lists them', () => {
    const filled = fillCalendarGaps([
      { date: '2015-08-08', close: 1.2 },
      { date: '2015-08-11', close: 0.99 },
      { date: '2015-08-12', close: 1.29 },
    ]);
    expect(filled.filledDates).toEqual(['2015-08-09', '2015-08-10']);
    expect(filled.closes.map((c) => `${c.date} ${c.close}`)).toEqual([
      '2015-08-08 1.2',
      '2015-08-09 1.2',
      '2015-08-10 1.2',
      '2015-08-11 0.99',
      '2015-08-12 1.29',
    ]);
    expect(fillCalendarGaps(closes).filledDates).toEqual([]);
  });

  it('accepts ascending closes and names the first problem', () => {
    expect(() => assertDailyCloses(closes, 'test', true)).not.toThrow();
    const gap = [closes[0]!, closes[2]!];
    expect(() => assertDailyCloses(gap, 'test', false)).not.toThrow();
    expect(() => assertDailyCloses(gap, 'test', true)).toThrow(
      'test: closes[1] is 2024-03-01 after 2024-02-28: closes must be consecutive calendar days',
    );
    expect(() => assertDailyCloses([{ date: '2024-02-30', close: 1 }], 'test', false)).toThrow(/"2024-02-30"/);
    expect(() => assertDailyCloses([{ date: '2024-02-01', close: 0 }], 'test', false)).toThrow(
      /is 0: must be a positive/,
    );
  });
});
