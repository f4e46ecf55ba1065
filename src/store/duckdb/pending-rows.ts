// The rows an ingest stages, picked and encoded in JavaScript before they reach DuckDB: the last row
// of each natural key per batch, numbered by round (which of the key's batches it is, in batch
// order), with series, dates and timestamps dictionary-encoded so each text is written once.
import type { IngestBatch } from '../store.js';
import { storableTimestamp, ts } from './timestamps.js';

/** Rows per data chunk the appender takes (DuckDB's vector size). */
export const CHUNK_ROWS = 2048;

/** The pending rows of an ingest, dictionary-encoded: texts once, numbers per row. */
export interface EncodedPending {
  readonly rowCount: number;
  /** Highest round: how many batches carry the most-shared natural key. */
  readonly rounds: number;
  /** [dataset, field, asset, key] by series id. */
  readonly series: (readonly [string, string, string, string])[];
  /** Date strings by date ref, knownAt timestamps (DuckDB literal form) by known ref. */
  readonly dates: string[];
  readonly knownAts: string[];
  readonly columns: {
    round: Int32Array;
    batch: Int32Array;
    series: Int32Array;
    dateRef: Int32Array;
    value: Float64Array;
    knownRef: Int32Array;
  };
}

/** Which batch and row a pending row is, and which of its key's batches (1-based, in batch order). */
interface Slot {
  readonly batch: number;
  index: number;
  readonly round: number;
}

/**
 * Picks the rows of `batches` the store classifies — the last row of each natural key within a batch
 * (the key compares the date as given) — numbers them per key by round in batch order, and encodes
 * them for staging.
 */
export function encodePending(batches: readonly IngestBatch[]): EncodedPending {
  const seriesIds = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const series: (readonly [string, string, string, string])[] = [];
  const latestBySeries: Map<string, Slot>[] = [];
  const slots: Slot[] = [];
  const seriesOfSlot: number[] = [];
  const seriesId = (dataset: string, field: string, asset: string, key: string): number => {
    let byField = seriesIds.get(dataset);
    if (!byField) seriesIds.set(dataset, (byField = new Map()));
    let byAsset = byField.get(field);
    if (!byAsset) byField.set(field, (byAsset = new Map()));
    let byKey = byAsset.get(asset);
    if (!byKey) byAsset.set(asset, (byKey = new Map()));
    let id = byKey.get(key);
    if (id === undefined) {
      id = series.length;
      byKey.set(key, id);
      series.push([dataset, field, asset, key]);
      latestBySeries.push(new Map());
    }
    return id;
  };
  for (const [batch, { observations }] of batches.entries()) {
    let last: { dataset: string; field: string; asset: string; key: string; id: number } | null = null;
    for (let index = 0; index < observations.length; index++) {
      const o = observations[index]!;
      // Rows of one series usually come together: skip the dictionary when the series repeats.
      if (
        last === null ||
        last.dataset !== o.dataset ||
        last.field !== o.field ||
        last.asset !== o.asset ||
        last.key !== o.key
      ) {
        last = {
          dataset: o.dataset,
          field: o.field,
          asset: o.asset,
          key: o.key,
          id: seriesId(o.dataset, o.field, o.asset, o.key),
        };
      }
      const latest = latestBySeries[last.id]!;
      const slot = latest.get(o.date);
      if (slot === undefined) latest.set(o.date, { batch, index, round: 1 });
      else if (slot.batch === batch) slot.index = index;
      else {
        slots.push(slot);
        seriesOfSlot.push(last.id);
        latest.set(o.date, { batch, index, round: slot.round + 1 });
      }
    }
  }
  for (const [id, latest] of latestBySeries.entries()) {
    for (const slot of latest.values()) {
      slots.push(slot);
      seriesOfSlot.push(id);
    }
  }
  const rowCount = slots.length;
  const columns = {
    round: new Int32Array(rowCount),
    batch: new Int32Array(rowCount),
    series: new Int32Array(rowCount),
    dateRef: new Int32Array(rowCount),
    value: new Float64Array(rowCount),
    knownRef: new Int32Array(rowCount),
  };
  const dateRefs = new Map<string, number>();
  const knownRefs = new Map<string, number>();
  const dates: string[] = [];
  const knownAts: string[] = [];
  let rounds = 0;
  for (let row = 0; row < rowCount; row++) {
    const slot = slots[row]!;
    const o = batches[slot.batch]!.observations[slot.index]!;
    let dateRef = dateRefs.get(o.date);
    if (dateRef === undefined) {
      dateRef = dates.push(o.date) - 1;
      dateRefs.set(o.date, dateRef);
    }
    let knownRef = knownRefs.get(o.knownAt);
    if (knownRef === undefined) {
      knownRef = knownAts.push(storableTimestamp(o.knownAt) ?? ts(o.knownAt)) - 1;
      knownRefs.set(o.knownAt, knownRef);
    }
    columns.round[row] = slot.round;
    columns.batch[row] = slot.batch;
    columns.series[row] = seriesOfSlot[row]!;
    columns.dateRef[row] = dateRef;
    columns.value[row] = o.value;
    columns.knownRef[row] = knownRef;
    if (slot.round > rounds) rounds = slot.round;
  }
  return { rowCount, rounds, series, dates, knownAts, columns };
}
