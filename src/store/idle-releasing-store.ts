// A Store that holds its database only while it is being used: it opens the underlying store on the
// first call and closes it after a quiet spell, so that another process (an import or sync, which
// needs DuckDB's exclusive lock) can write between bursts of reads. `tidemark serve` reads through
// one; every call of a burst shares one open store.
import type { AlertOutbox } from './alert-outbox.js';
import type { ObservationColumns } from './observation-columns.js';
import type {
  AsOfSpan,
  CoverageRow,
  IngestBatch,
  IngestOptions,
  IngestResult,
  ObservationQuery,
  RunRecord,
  Store,
  StoredObservation,
} from './store.js';
import { StoreError } from './store-error.js';
import type { Asset } from '../domain/assets.js';
import type { DatasetName } from '../domain/datasets.js';
import type { MarketEvent } from '../domain/events.js';

/** Default quiet spell before the database is released, in ms: short enough for a waiting import, long enough to span a page load. */
export const DEFAULT_RELEASE_AFTER_MS = 1000;

export interface IdleReleasingOptions {
  /** Opens the underlying store (called again after each release). */
  readonly open: () => Promise<Store>;
  /** Milliseconds without calls after which the underlying store is closed (default DEFAULT_RELEASE_AFTER_MS). */
  readonly releaseAfterMs?: number;
  /** A store already opened with `open`'s settings, used until the first release (saves an open). */
  readonly initial?: Store;
}

export class IdleReleasingStore implements Store {
  private readonly openStore: () => Promise<Store>;
  private readonly releaseAfterMs: number;
  private current: Promise<Store> | null = null;
  private closing: Promise<void> = Promise.resolve();
  private active = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** How many times the underlying store was opened (for tests and logs). */
  opens = 0;

  constructor(options: IdleReleasingOptions) {
    this.openStore = options.open;
    this.releaseAfterMs = options.releaseAfterMs ?? DEFAULT_RELEASE_AFTER_MS;
    if (options.initial) {
      this.current = Promise.resolve(options.initial);
      this.opens = 1;
      this.scheduleRelease();
    }
  }

  private scheduleRelease(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.release(), this.releaseAfterMs);
    this.timer.unref();
  }

  /** True while the underlying store is open (or opening). */
  get isOpen(): boolean {
    return this.current !== null;
  }

  private async use<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('unavailable', 'store: already closed');
    this.active += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      if (this.current === null) {
        const opening = this.closing.then(() => this.openStore());
        this.opens += 1;
        this.current = opening;
        // A failed open is not kept: the next call tries again.
        opening.catch(() => {
          if (this.current === opening) this.current = null;
        });
      }
      return await work(await this.current);
    } finally {
      this.active -= 1;
      if (this.active === 0 && !this.closed) this.scheduleRelease();
    }
  }

  /** Closes the underlying store now if no call is running. */
  release(): Promise<void> {
    if (this.active > 0 || this.current === null) return this.closing;
    const open = this.current;
    this.current = null;
    this.closing = this.closing
      .then(() => open)
      .then(
        (store) => store.close(),
        () => undefined,
      );
    return this.closing;
  }

  ingest(
    batches: readonly IngestBatch[],
    runs?: readonly Omit<RunRecord, 'counts'>[],
    options?: IngestOptions,
  ): Promise<IngestResult[]> {
    return this.use((s) => s.ingest(batches, runs, options));
  }

  read(query: ObservationQuery): Promise<StoredObservation[]> {
    return this.use((s) => s.read(query));
  }

  readColumns(queries: readonly ObservationQuery[]): Promise<ObservationColumns[]> {
    return this.use((s) => s.readColumns(queries));
  }

  lastDatesByKey(query: ObservationQuery): Promise<Map<string, string>> {
    return this.use((s) => s.lastDatesByKey(query));
  }

  readEvents(options?: { from?: string; to?: string; asOf?: string }): Promise<MarketEvent[]> {
    return this.use((s) => s.readEvents(options));
  }

  lastDate(options: { dataset: DatasetName; asset?: Asset; key?: string; source?: string }): Promise<string | null> {
    return this.use((s) => s.lastDate(options));
  }

  coverage(options?: { asOf?: string }): Promise<CoverageRow[]> {
    return this.use((s) => s.coverage(options));
  }

  recordRun(run: RunRecord): Promise<void> {
    return this.use((s) => s.recordRun(run));
  }

  runs(limit?: number): Promise<RunRecord[]> {
    return this.use((s) => s.runs(limit));
  }

  supersededSpans(): Promise<AsOfSpan[]> {
    return this.use((s) => s.supersededSpans());
  }

  countRows(): Promise<number> {
    return this.use((s) => s.countRows());
  }

  /** The underlying store's revision; after a release the store is reopened, which picks up other writers' changes. */
  revision(): Promise<number> {
    return this.use((s) => s.revision());
  }

  /** The outbox of whichever underlying store is open at each call (opened on demand, released when idle). */
  alertOutbox(): AlertOutbox {
    const on = <T>(work: (outbox: AlertOutbox) => Promise<T>): Promise<T> => this.use((s) => work(s.alertOutbox()));
    return {
      recordAnalysis: (analysis, alerts) => on((o) => o.recordAnalysis(analysis, alerts)),
      recentAnalyses: (asset, beforeAsOf, limit) => on((o) => o.recentAnalyses(asset, beforeAsOf, limit)),
      lastQueued: (rule, asset, beforeAsOf) => on((o) => o.lastQueued(rule, asset, beforeAsOf)),
      claimOwners: () => on((o) => o.claimOwners()),
      claimNext: (request) => on((o) => o.claimNext(request)),
      markDelivered: (key, sink, owner, at) => on((o) => o.markDelivered(key, sink, owner, at)),
      markFailedAttempt: (key, sink, owner, outcome) => on((o) => o.markFailedAttempt(key, sink, owner, outcome)),
      nextDue: (sinks) => on((o) => o.nextDue(sinks)),
      deliveryCounts: () => on((o) => o.deliveryCounts()),
      list: (query) => on((o) => o.list(query)),
    };
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
    const open = this.current;
    this.current = null;
    if (open)
      this.closing = this.closing
        .then(() => open)
        .then(
          (store) => store.close(),
          () => undefined,
        );
    await this.closing;
  }
}
