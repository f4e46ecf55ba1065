import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { drawdownEpisodes, mergeEpisodes } from '../../src/signals/drawdown-episodes.js';

const path = (start: string, values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: addDays(start, i), value }));

describe('drawdownEpisodes', () => {
  it('finds a synthetic OI flush with known start, end and size', () => {
    // flat 100 for 10 days, peak 110 on day 12, fall to 70 by day 16, then recovery to 95
    const values = [...Array(10).fill(100), 105, 108, 110, 100, 85, 75, 72, 70, 75, 80, 86, 90, 95];
    const oi = path('2025-10-01', values);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15 });
    expect(eps).toHaveLength(1);
    expect(eps[0]!.start).toBe('2025-10-13'); // day 12 = the 110 peak
    expect(eps[0]!.troughDate).toBe('2025-10-18'); // 70
    // recovery of half the 40 fall (to ≥ 90) on 2025-10-22 closes it at the trough date
    expect(eps[0]!.end).toBe('2025-10-18');
    expect(eps[0]!.size).toBe(40);
  });

  it('reports an ongoing wave with end null', () => {
    const oi = path('2025-11-01', [100, 100, 100, 95, 90, 84, 80, 79]);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15 });
    // 100 → 84 is the first −15 % (2025-11-06)
    expect(eps).toEqual([
      {
        start: '2025-11-03',
        confirmedOn: '2025-11-06',
        peak: 100,
        troughDate: '2025-11-08',
        trough: 79,
        end: null,
        size: 21,
      },
    ]);
  });

  it('ends a wave after quietObservations without a new low', () => {
    const oi = path('2025-11-01', [100, 80, 78, 79, 79, 79, 79]);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15, quietObservations: 3 });
    expect(eps[0]!.end).toBe('2025-11-03');
  });

  it('merges episodes separated by a short gap', () => {
    const merged = mergeEpisodes(
      [
        {
          start: '2025-10-01',
          confirmedOn: '2025-10-03',
          peak: 100,
          troughDate: '2025-10-05',
          trough: 80,
          end: '2025-10-05',
          size: 20,
        },
        {
          start: '2025-10-09',
          confirmedOn: '2025-10-11',
          peak: 95,
          troughDate: '2025-10-12',
          trough: 70,
          end: '2025-10-12',
          size: 25,
        },
        {
          start: '2025-12-01',
          confirmedOn: '2025-12-04',
          peak: 90,
          troughDate: '2025-12-05',
          trough: 60,
          end: null,
          size: 30,
        },
      ],
      10,
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      start: '2025-10-01',
      confirmedOn: '2025-10-03',
      peak: 100,
      troughDate: '2025-10-12',
      trough: 70,
      end: '2025-10-12',
      size: 30,
    });
    expect(merged[1]!.end).toBeNull();
  });

  it('throws without a threshold', () => {
    expect(() => drawdownEpisodes([], {})).toThrow(/minDropFraction or minDropAbsolute/);
  });
});
