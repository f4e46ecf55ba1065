// Point-in-time reads as columns: what `Store.read` returns for a query, one typed array per
// property instead of one object per row. An analysis reads ~100,000 rows and keeps ~40,000 items;
// building its series from the columns spares the objects of the rows it drops or merges (and
// the garbage collection of all of them). The types are the Store interface's (store.ts); here the
// text of dates and times and `observationRows`, which gives the row form back.
import type { ObservationColumns, StoredObservation } from './store.js';

export type { ObservationColumns, ObservationSeries } from './store.js';

const DAY_MS = 86_400_000;

/**
 * Dates and publication times as Tidemark's ISO text, each distinct one made once: a day number as
 * "YYYY-MM-DD", epoch milliseconds as "YYYY-MM-DDTHH:MM:SS.sssZ". One per read: a load shares it
 * across its datasets, so that every item of one date holds the same string.
 */
export class ObservationText {
  private readonly dates = new Map<number, string>();
  /** "THH:MM:SS.sssZ" by milliseconds into the day: a few distinct times of day. */
  private readonly times = new Map<number, string>();
  /** Per day number, its instants' text by milliseconds into the day (small integers: fast keys). */
  private readonly instants = new Map<number, Map<number, string>>();

  /** 20_458 → "2026-01-05". */
  date(day: number): string {
    let text = this.dates.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dates.set(day, text);
    }
    return text;
  }

  /** 1_767_657_600_000 → "2026-01-06T00:00:00.000Z" (its date's text and its time of day's). */
  instant(ms: number): string {
    const day = Math.floor(ms / DAY_MS);
    let ofDay = this.instants.get(day);
    if (ofDay === undefined) this.instants.set(day, (ofDay = new Map()));
    const inDay = ms - day * DAY_MS;
    let text = ofDay.get(inDay);
    if (text === undefined) {
      let time = this.times.get(inDay);
      if (time === undefined) {
        time = new Date(inDay).toISOString().slice(10);
        this.times.set(inDay, time);
      }
      text = this.date(day) + time;
      ofDay.set(inDay, text);
    }
    return text;
  }
}

/** The rows of a column set as `Store.read` returns them (same order, same objects' shape). */
export function observationRows(
  columns: ObservationColumns,
  text: ObservationText = new ObservationText(),
): StoredObservation[] {
  const { dataset, series, seriesOf, days, values, knownAtMs } = columns;
  const rows: StoredObservation[] = new Array<StoredObservation>(days.length);
  for (let i = 0; i < days.length; i++) {
    const { field, asset, key, source } = series[seriesOf[i]!]!;
    rows[i] = {
      dataset,
      field,
      asset,
      key,
      date: text.date(days[i]!),
      value: values[i]!,
      knownAt: text.instant(knownAtMs[i]!),
      source,
    };
  }
  return rows;
}
