// Counting missing dates in a stored series according to its dataset's cadence.
import { DATASETS, type DatasetName } from '../domain/datasets.js';
import { daysBetween } from '../domain/dates.js';
import { usTradingDays } from '../domain/us-market-calendar.js';

/**
 * Expected dates between the first and last of `datesAscending` that are missing, by cadence:
 * calendar days, NYSE trading days, weeks (7-day steps) or months; 0 for irregular datasets.
 */
export function countGaps(dataset: DatasetName, datesAscending: readonly string[]): number {
  const first = datesAscending[0];
  const last = datesAscending[datesAscending.length - 1];
  if (!first || !last) return 0;
  const present = new Set(datesAscending);
  switch (DATASETS[dataset].cadence) {
    case 'calendar-days':
      return daysBetween(first, last) + 1 - present.size;
    case 'us-trading-days':
      return usTradingDays(first, last).filter((d) => !present.has(d)).length;
    case 'weekly':
      return Math.max(0, Math.floor(daysBetween(first, last) / 7) + 1 - present.size);
    case 'monthly': {
      const months =
        (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
        Number(last.slice(5, 7)) -
        Number(first.slice(5, 7)) +
        1;
      return Math.max(0, months - present.size);
    }
    case 'irregular':
      return 0;
  }
}
