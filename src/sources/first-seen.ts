// "A value first seen in a later snapshot carries that snapshot's time." For the datasets whose
// source fills a day's cells in over time (LATE_FILLED_DATASETS: Farside's flow table), a key that a
// stored day of the same source lacked, and a later snapshot has, becomes known at that snapshot's
// time — not at the day's publication time, which would let an as-of read see a late fund's figure
// before the source showed it (e.g. MSBT on 2026-04-10: blank in the CSV snapshot, 16.3 in the JSON
// cache fetched 2026-07-07). Values that change are the store's business (revisions); this is for
// values that appear. Applied by `tidemark import` and `tidemark sync` before ingesting.
import { LATE_FILLED_DATASETS } from '../domain/known-at.js';
import type { Observation } from '../domain/observation.js';
import type { IngestBatch, Store } from '../store/store.js';

const natural = (o: Observation): string => `${o.dataset}|${o.field}|${o.asset}|${o.key}|${o.date}`;
const day = (o: Observation, source: string): string => `${o.dataset}|${o.field}|${o.asset}|${o.date}|${source}`;

/**
 * Returns `batches` (in the order they will be ingested) with the knownAt of late-appearing values
 * moved to their snapshot's time: for an observation of a LATE_FILLED dataset whose natural key is
 * neither stored nor in an earlier batch, while the same day (dataset, field, asset, date) from the
 * same source is, knownAt = max(knownAt, the batch's observedAt, or `importedAt` when the batch
 * has none). Everything else is returned as is. Reads only the stored days the batches touch.
 */
export async function applyFirstSeenTimes(
  store: Store,
  batches: readonly IngestBatch[],
  importedAt: string,
): Promise<IngestBatch[]> {
  const ranges = new Map<
    string,
    { dataset: Observation['dataset']; asset: Observation['asset']; from: string; to: string }
  >();
  for (const b of batches)
    for (const o of b.observations) {
      if (!LATE_FILLED_DATASETS.has(o.dataset)) continue;
      const id = `${o.dataset}|${o.asset}`;
      const r = ranges.get(id);
      if (!r) ranges.set(id, { dataset: o.dataset, asset: o.asset, from: o.date, to: o.date });
      else {
        if (o.date < r.from) r.from = o.date;
        if (o.date > r.to) r.to = o.date;
      }
    }
  if (ranges.size === 0) return [...batches];
  const knownKeys = new Set<string>();
  const knownDays = new Set<string>();
  for (const r of ranges.values()) {
    for (const o of await store.read(r)) {
      knownKeys.add(natural(o));
      knownDays.add(day(o, o.source));
    }
  }
  return batches.map((batch) => {
    const source = batch.provenance.source;
    const seenAt = batch.provenance.observedAt || importedAt;
    let changed = false;
    const observations = batch.observations.map((o) => {
      if (!LATE_FILLED_DATASETS.has(o.dataset)) return o;
      if (knownKeys.has(natural(o)) || !knownDays.has(day(o, source)) || o.knownAt >= seenAt) return o;
      changed = true;
      return { ...o, knownAt: seenAt };
    });
    for (const o of batch.observations) {
      if (!LATE_FILLED_DATASETS.has(o.dataset)) continue;
      knownKeys.add(natural(o));
      knownDays.add(day(o, source));
    }
    return changed ? { ...batch, observations } : batch;
  });
}
