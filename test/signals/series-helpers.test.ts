// Series helpers: the binary-searched window equals the plain filter on ascending series with ties.
import { describe, expect, it } from 'vitest';
import { isDateAscending, pointsInWindow, pointsInWindowSorted } from '../../src/signals/series-helpers.js';

describe('pointsInWindowSorted', () => {
  it('pointsInWindowSorted returns what the filter returns on ascending series with ties', () => {
    const series = ['2025-01-01', '2025-01-02', '2025-01-02', '2025-01-05', '2025-01-09'].map((date, i) => ({
      date,
      value: i,
    }));
    expect(isDateAscending(series)).toBe(true);
    for (const [from, to] of [
      ['2025-01-01', '2025-01-05'],
      ['2024-12-31', '2025-01-02'],
      ['2025-01-02', '2025-01-09'],
      ['2025-01-09', '2025-02-01'],
      ['2025-01-03', '2025-01-04'],
    ] as const) {
      expect(pointsInWindowSorted(series, from, to)).toEqual(pointsInWindow(series, from, to));
    }
    expect(isDateAscending([...series].reverse())).toBe(false);
  });
});
