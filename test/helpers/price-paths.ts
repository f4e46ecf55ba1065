// Hand-made daily price paths for the track-record tests: consecutive calendar days from a start date.
import type { DailyClose } from '../../src/domain/track-record.js';
import { addDays } from '../../src/domain/dates.js';

/** One close per calendar day from `start`. */
export function dailyCloses(values: readonly number[], start = '2024-01-01'): DailyClose[] {
  return values.map((close, i) => ({ date: addDays(start, i), close }));
}

/** A path through (day, close) knots, linear between them; day 0 is `start`. */
export function piecewisePath(knots: readonly (readonly [number, number])[], start = '2024-01-01'): DailyClose[] {
  const values: number[] = [];
  for (let k = 0; k + 1 < knots.length; k++) {
    const [d0, c0] = knots[k]!;
    const [d1, c1] = knots[k + 1]!;
    for (let d = d0; d < d1; d++) values.push(c0 + ((c1 - c0) * (d - d0)) / (d1 - d0));
  }
  values.push(knots[knots.length - 1]![1]);
  return dailyCloses(values, start);
}
