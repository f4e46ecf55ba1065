// The store's last line of defence: before anything is staged, every value of a batch is checked
// for what DuckDB would store wrongly (NaN, ±Infinity) or refuse (impossible dates, timestamps past
// year 9999). A batch with such a value is refused whole, naming the first offending value; the
// other batches of the ingest are not affected.
import { isIsoDate } from '../../domain/dates.js';
import type { IngestBatch } from '../store.js';
import { storableTimestamp } from './timestamps.js';

/** Memoised checks of the date and timestamp texts of one ingest (each distinct text checked once). */
export class TextChecks {
  private readonly dates = new Map<string, boolean>();
  private readonly timestamps = new Map<string, boolean>();

  /** True for a real YYYY-MM-DD calendar date. */
  date(text: unknown): boolean {
    if (typeof text !== 'string') return false;
    let ok = this.dates.get(text);
    if (ok === undefined) this.dates.set(text, (ok = isIsoDate(text)));
    return ok;
  }

  /** True for an ISO timestamp DuckDB can store (years 0001–9999). */
  timestamp(text: unknown): boolean {
    if (typeof text !== 'string') return false;
    let ok = this.timestamps.get(text);
    if (ok === undefined) this.timestamps.set(text, (ok = storableTimestamp(text) !== null));
    return ok;
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Why the store refuses `batch` — "<origin> (<source>): <dataset> <field> <asset>/<key> <date>:
 * value NaN is not a finite number (and N more value(s) like it)" — or null when every value can be stored.
 */
export function batchProblem(batch: IngestBatch, checks: TextChecks): string | null {
  let first: string | null = null;
  let count = 0;
  const note = (text: string): void => {
    first ??= text;
    count += 1;
  };
  const { source, origin, observedAt } = batch.provenance;
  if (observedAt && !checks.timestamp(observedAt))
    note(`provenance observedAt ${show(observedAt)} is not a storable ISO timestamp`);
  for (const o of batch.observations) {
    const finite = typeof o.value === 'number' && Number.isFinite(o.value);
    if (finite && checks.date(o.date) && checks.timestamp(o.knownAt)) continue;
    const where = `${o.dataset} ${o.field} ${o.asset}/${o.key} ${o.date}`;
    if (!finite) note(`${where}: value ${show(o.value)} is not a finite number`);
    else if (!checks.date(o.date)) note(`${where}: date ${show(o.date)} is not a YYYY-MM-DD calendar date`);
    else note(`${where}: knownAt ${show(o.knownAt)} is not a storable ISO timestamp (years 0001-9999)`);
  }
  for (const e of batch.events ?? []) {
    if (typeof e.id !== 'string' || e.id === '') note(`event ${show(e.id)}: id must be a non-empty text`);
    else if (!checks.date(e.date)) note(`event ${e.id}: date ${show(e.date)} is not a YYYY-MM-DD calendar date`);
    else if (!checks.timestamp(e.knownAt))
      note(`event ${e.id}: knownAt ${show(e.knownAt)} is not a storable ISO timestamp`);
  }
  if (first === null) return null;
  const more = count > 1 ? ` (and ${count - 1} more value(s) like it)` : '';
  return `store refused ${origin} (${source}): ${first}${more}; nothing of it was stored`;
}
