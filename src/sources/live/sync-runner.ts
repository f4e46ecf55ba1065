// `tidemark sync`'s engine: runs the chosen connectors one after another, ingests each
// connector's batches in one transaction (logging one run per batch for `tidemark status`), and
// keeps going when a source fails, reporting what happened per source.
import type { AnalysedAsset } from '../../domain/assets.js';
import { emptyCounts, type UpsertCounts } from '../../domain/observation.js';
import { todayUtc } from '../../domain/dates.js';
import { checkObservation } from '../../domain/observation-check.js';
import type { IngestBatch, RunRecord, Store } from '../../store/store.js';
import { applyFirstSeenTimes } from '../first-seen.js';
import type { Connector, ProgressFn } from './connector.js';
import { cftcConnector } from './cftc-cot.js';
import { dnsFailure } from './dns-failure.js';
import { perpVenueConnector } from './ccxt-connector.js';
import { resolveEndpoints, type Endpoints, type SourceName } from './endpoints.js';
import { farsideConnector } from './farside-live.js';
import { HttpClient } from './http-client.js';
import type { RetryPolicy } from './retry.js';
import { quotesConnector } from './yahoo-quotes.js';

/** The connector of each source name. */
export const CONNECTORS: Readonly<Record<SourceName, Connector>> = {
  farside: farsideConnector,
  binance: perpVenueConnector('binance'),
  bybit: perpVenueConnector('bybit'),
  okx: perpVenueConnector('okx'),
  cftc: cftcConnector,
  quotes: quotesConnector(),
};

export interface SyncOptions {
  readonly sources: readonly SourceName[];
  readonly assets: readonly AnalysedAsset[];
  /** Fetch from this date instead of the stored last date. */
  readonly since?: string;
  /** Base URLs (default: resolveEndpoints() — defaults and TIDEMARK_<NAME>_URL). */
  readonly endpoints?: Endpoints;
  /** Run clock (default: now). */
  readonly now?: Date;
  /** Retry policy for HTTP and ccxt calls (tests pass tiny delays). */
  readonly retry?: RetryPolicy;
  /** Replace connectors (tests). */
  readonly connectors?: Partial<Record<SourceName, Connector>>;
  /** Progress of the current source. */
  readonly progress?: (source: SourceName, ...args: Parameters<ProgressFn>) => void;
  /** Called when a source starts and ends (for progress bars). */
  readonly onSource?: (source: SourceName, phase: 'start' | 'end') => void;
}

export interface SourceSummary {
  readonly source: SourceName;
  /** partial: some parts failed (listed in `failures`), the rest was stored. */
  readonly status: 'ok' | 'partial' | 'failed';
  readonly counts: UpsertCounts;
  /** Observations the source returned. */
  readonly rows: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly warnings: readonly string[];
  /** The error message when the source failed (nothing of it was stored). */
  readonly error?: string;
  /** When the source failed because a host name could not be resolved (offline?): that host. */
  readonly unresolvedHost?: string;
  /** Messages of the parts that failed in a partial run. */
  readonly failures: readonly string[];
  readonly requests: number;
}

/**
 * The boundary check (domain/field-ranges.ts) of what connectors return: an observation that fails
 * it is dropped, and named in a warning `<origin> <dataset.field> <key> <date>: <why>` (the first
 * 20 per run; the rest counted). Returns the batches to store and the count per batch.
 */
export function checkBatches(
  batches: readonly IngestBatch[],
  today: string,
): { batches: IngestBatch[]; rejects: string[]; rejectedPerBatch: number[] } {
  const rejects: string[] = [];
  let more = 0;
  const rejectedPerBatch: number[] = [];
  const out = batches.map((batch) => {
    let rejected = 0;
    const observations = batch.observations.filter((o) => {
      const problems = checkObservation(o, today);
      if (problems.length === 0) return true;
      rejected++;
      const text = `rejected: ${batch.provenance.origin} ${o.dataset}.${o.field} ${o.key} ${o.date}: ${problems.map((p) => p.message).join('; ')}`;
      if (rejects.length < 20) rejects.push(text);
      else more++;
      return false;
    });
    rejectedPerBatch.push(rejected);
    return rejected === 0 ? batch : { ...batch, observations };
  });
  if (more > 0) rejects.push(`… and ${more} more rejected value(s)`);
  return { batches: out, rejects, rejectedPerBatch };
}

/**
 * Runs `options.sources` in order against `store`. Every value passes the boundary check first
 * (checkBatches; rejects become warnings and the run's rejected count), and values a later
 * snapshot adds to a stored day carry that snapshot's time (applyFirstSeenTimes). Each source's result is stored in one
 * transaction; a failing source is logged as a failed run and the others still run. Returns one
 * summary per source; never throws for a source failure (the caller decides the exit code).
 */
export async function runSync(store: Store, options: SyncOptions): Promise<SourceSummary[]> {
  const endpoints = options.endpoints ?? resolveEndpoints();
  const retry = options.retry ?? {};
  const http = new HttpClient({ retry });
  const now = options.now ?? new Date();
  const summaries: SourceSummary[] = [];
  for (const source of options.sources) {
    const connector = options.connectors?.[source] ?? CONNECTORS[source];
    const startedAt = new Date().toISOString();
    const requestsBefore = http.requests;
    options.onSource?.(source, 'start');
    try {
      const fetched = await connector.run({
        store,
        assets: options.assets,
        since: options.since,
        now,
        http,
        endpoints,
        retry,
        progress: options.progress ? (...args) => options.progress!(source, ...args) : undefined,
      });
      const checked = checkBatches(fetched.batches, todayUtc(now));
      const result = {
        ...fetched,
        batches: await applyFirstSeenTimes(store, checked.batches, now.toISOString()),
        warnings: [...checked.rejects, ...fetched.warnings],
      };
      const finishedAt = new Date().toISOString();
      const failures = [...(result.failures ?? [])];
      const notes = [...failures, ...result.warnings];
      const runs: Omit<RunRecord, 'counts'>[] = result.batches.map((b, i) => ({
        kind: 'sync',
        source: b.provenance.source,
        origin: b.provenance.origin,
        startedAt,
        finishedAt,
        rejected: checked.rejectedPerBatch[i]!,
        status: notes.length > 0 ? 'partial' : 'ok',
        message:
          notes.length > 0
            ? `${failures.length} failure(s), ${result.warnings.length} warning(s): ${notes[0]!.slice(0, 400)}`
            : `${connector.name} sync`,
      }));
      const perBatch = await store.ingest(result.batches, runs);
      // A batch the store refused (a non-finite value …) is a failure of this source; the rest is stored.
      for (const r of perBatch) if (r.refused !== undefined) failures.push(r.refused);
      if (result.batches.length === 0) {
        await store.recordRun({
          kind: 'sync',
          source,
          origin: source,
          startedAt,
          finishedAt,
          counts: emptyCounts(),
          rejected: 0,
          status: 'ok',
          message: result.warnings[0] ?? 'nothing to fetch',
        });
      }
      const counts = perBatch.reduce(
        (a, c) => ({
          inserted: a.inserted + c.inserted,
          revised: a.revised + c.revised,
          unchanged: a.unchanged + c.unchanged,
        }),
        emptyCounts(),
      );
      const dates = result.batches.flatMap((b) => b.observations.map((o) => o.date)).sort();
      summaries.push({
        source,
        status: failures.length > 0 ? 'partial' : 'ok',
        failures,
        counts,
        rows: dates.length,
        firstDate: dates[0] ?? null,
        lastDate: dates.at(-1) ?? null,
        warnings: result.warnings,
        requests: http.requests - requestsBefore,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const finishedAt = new Date().toISOString();
      await store.recordRun({
        kind: 'sync',
        source,
        origin: endpoints[source] ?? source,
        startedAt,
        finishedAt,
        counts: emptyCounts(),
        rejected: 0,
        status: 'failed',
        message: message.slice(0, 500),
      });
      summaries.push({
        source,
        status: 'failed',
        counts: emptyCounts(),
        rows: 0,
        firstDate: null,
        lastDate: null,
        warnings: [],
        failures: [],
        error: message,
        ...unresolvedHostOf(error, endpoints[source]),
        requests: http.requests - requestsBefore,
      });
    } finally {
      options.onSource?.(source, 'end');
    }
  }
  return summaries;
}

/** `{ unresolvedHost }` when `error` is a failed DNS lookup (the host from the error, else the endpoint's). */
function unresolvedHostOf(error: unknown, endpoint: string | undefined): { unresolvedHost?: string } {
  const dns = dnsFailure(error);
  if (!dns) return {};
  let host = dns.hostname;
  if (host === null && endpoint !== undefined) {
    try {
      host = new URL(endpoint).hostname;
    } catch {
      host = endpoint;
    }
  }
  return { unresolvedHost: host ?? 'its host' };
}
