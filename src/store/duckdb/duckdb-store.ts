// The embedded DuckDB implementation of Store: one database file, versioned observations,
// all-or-nothing ingests, point-in-time reads. This file wires the pieces — opening
// (open-database.ts), ingest (ingest.ts), reads (read-observations.ts, read-events.ts,
// coverage.ts), the runs log (runs-table.ts) — behind the Store interface, one call at a time.
import type { Asset } from '../../domain/assets.js';
import type { DatasetName } from '../../domain/datasets.js';
import type { MarketEvent } from '../../domain/events.js';
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
} from '../store.js';
import type { AlertOutbox } from '../alert-outbox.js';
import type { ObservationColumns } from '../observation-columns.js';
import { StoreError } from '../store-error.js';
import { DuckDbAlertOutbox } from './alert-tables.js';
import type { SerialConnection } from './connection.js';
import { readCoverage } from './coverage.js';
import { openDatabase, type OpenOptions } from './open-database.js';
import { readEvents } from './read-events.js';
import { lastDatesByKey, lastStoredDate, readObservationColumnSets, readObservations } from './read-observations.js';
import { contentRevision, countObservationRows } from './row-counts.js';
import { insertRun, readRuns } from './runs-table.js';
import { readSupersededSpans } from './superseded-spans.js';

/**
 * Opens the DuckDB store at `path` (':memory:' for a throwaway one). Default mode 'write': creates
 * the file and its folder when missing and migrates; mode 'read' opens read-only and never creates
 * or changes anything. Throws a StoreError (see openDatabase for the kinds).
 */
export async function openDuckDbStore(path: string, options: OpenOptions = {}): Promise<DuckDbStore> {
  const { db, readOnly } = await openDatabase(path, options);
  try {
    return new DuckDbStore(db, path, readOnly, await db.serial(() => contentRevision(db)));
  } catch (error) {
    await db.close();
    throw error;
  }
}

export class DuckDbStore implements Store {
  private outbox: DuckDbAlertOutbox | null = null;

  constructor(
    private readonly db: SerialConnection,
    /** The file this store reads (for messages). */
    readonly path: string,
    /** True when opened read-only: ingest and recordRun throw StoreError 'read-only'. */
    readonly readOnly: boolean,
    private currentRevision: number,
  ) {}

  private refuseWrite(what: string): void {
    if (this.readOnly)
      throw new StoreError(
        'read-only',
        `store ${this.path} is open read-only (a reading command); ${what} needs a writing command such as \`tidemark import\``,
      );
  }

  ingest(
    batches: readonly IngestBatch[],
    runs: readonly Omit<RunRecord, 'counts'>[] = [],
    options: IngestOptions = {},
  ): Promise<IngestResult[]> {
    return this.db.serial(async () => {
      this.refuseWrite('ingest');
      // Loaded by writers only: ingest validates with the observation schemas (zod), which a reading
      // command never needs (~0.15 s of CPU at start-up).
      const { ingestBatches } = await import('./ingest.js');
      const results = await ingestBatches(this.db, batches, runs, options);
      this.currentRevision = await contentRevision(this.db);
      return results;
    });
  }

  read(query: ObservationQuery): Promise<StoredObservation[]> {
    return this.db.serial(() => readObservations(this.db, query));
  }

  readColumns(queries: readonly ObservationQuery[]): Promise<ObservationColumns[]> {
    return this.db.serial(() => readObservationColumnSets(this.db, queries));
  }

  lastDatesByKey(query: ObservationQuery): Promise<Map<string, string>> {
    return this.db.serial(() => lastDatesByKey(this.db, query));
  }

  readEvents(options: { from?: string; to?: string; asOf?: string } = {}): Promise<MarketEvent[]> {
    return this.db.serial(() => readEvents(this.db, options));
  }

  lastDate(options: { dataset: DatasetName; asset?: Asset; key?: string; source?: string }): Promise<string | null> {
    return this.db.serial(() => lastStoredDate(this.db, options));
  }

  coverage(options: { asOf?: string } = {}): Promise<CoverageRow[]> {
    return this.db.serial(() => readCoverage(this.db, options));
  }

  recordRun(run: RunRecord): Promise<void> {
    return this.db.serial(async () => {
      this.refuseWrite('recording a run');
      await insertRun(this.db, run);
    });
  }

  runs(limit = 50): Promise<RunRecord[]> {
    return this.db.serial(() => readRuns(this.db, limit));
  }

  supersededSpans(): Promise<AsOfSpan[]> {
    return this.db.serial(() => readSupersededSpans(this.db));
  }

  countRows(): Promise<number> {
    return this.db.serial(() => countObservationRows(this.db));
  }

  /** Held in memory: while this store is open no other process can write the file (DuckDB's lock). */
  revision(): Promise<number> {
    return Promise.resolve(this.currentRevision);
  }

  alertOutbox(): AlertOutbox {
    this.outbox ??= new DuckDbAlertOutbox(this.db, this.path, this.readOnly);
    return this.outbox;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
