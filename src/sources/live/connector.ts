// The contract of a live connector: given the store (to ask where it left off) and the run's
// settings, fetch new data and return IngestBatch-ready observations. Connectors never compute
// signals and never write to the store themselves: `runSync` ingests each result in one transaction.
import type { AnalysedAsset } from '../../domain/assets.js';
import { addDays } from '../../domain/dates.js';
import type { DatasetName } from '../../domain/datasets.js';
import type { IngestBatch, Store } from '../../store/store.js';
import type { Endpoints, SourceName } from './endpoints.js';
import type { HttpClient } from './http-client.js';
import type { RetryPolicy } from './retry.js';

/** Progress of long work, e.g. pages fetched. `total` may grow as pages are discovered. */
export type ProgressFn = (done: number, total: number, label: string) => void;

export interface SyncContext {
  readonly store: Store;
  readonly assets: readonly AnalysedAsset[];
  /** --since: fetch from this date regardless of what is stored. */
  readonly since?: string;
  /** The run's clock (incomplete days at or after today UTC are not stored). */
  readonly now: Date;
  readonly http: HttpClient;
  readonly endpoints: Endpoints;
  /** Retry policy for libraries that do their own HTTP (ccxt). */
  readonly retry: RetryPolicy;
  readonly progress?: ProgressFn;
}

export interface ConnectorResult {
  /** One batch per origin (URL or venue/series); ingested together in one transaction. */
  readonly batches: IngestBatch[];
  /** Non-fatal notes, e.g. "binance ETH: open-interest history only reaches back 30 days". */
  readonly warnings: string[];
  /**
   * Parts that failed while others worked (e.g. the ETH page blocked, BTC read): the batches
   * are still stored and the run is reported as partial. When every part fails, connectors throw.
   */
  readonly failures?: string[];
}

/**
 * Runs `part` for each item, collecting the results; a failing item's error message goes to
 * `failures`. When every item fails, the first error is rethrown (the source failed as a whole).
 */
export async function eachPart<T, R>(
  items: readonly T[],
  part: (item: T, index: number) => Promise<R>,
  failures: string[],
): Promise<R[]> {
  const out: R[] = [];
  let first: unknown;
  for (const [i, item] of items.entries()) {
    try {
      out.push(await part(item, i));
    } catch (error) {
      first ??= error;
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (items.length > 0 && out.length === 0) throw first;
  return out;
}

export interface Connector {
  readonly name: SourceName;
  readonly description: string;
  run(context: SyncContext): Promise<ConnectorResult>;
}

/**
 * Where an incremental fetch starts: --since when given; else the stored last date minus
 * `restateDays` (sources restate recent days); else `defaultStart`.
 */
export async function incrementalStart(
  context: SyncContext,
  query: { dataset: DatasetName; asset?: AnalysedAsset | 'EQUITY'; key?: string; source: string },
  options: { restateDays: number; defaultStart: string },
): Promise<string> {
  if (context.since) return context.since;
  const last = await context.store.lastDate(query);
  return last ? addDays(last, -options.restateDays) : options.defaultStart;
}

/** Today's UTC date of the run clock: days from here on are not complete yet. */
export function todayUtc(context: Pick<SyncContext, 'now'>): string {
  return context.now.toISOString().slice(0, 10);
}
