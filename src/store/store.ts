// The Store interface: everything above the store (CLI, signals' loaders, server) depends on this,
// never on DuckDB directly, so a server engine can implement it later without touching them.
import type { Asset } from '../domain/assets.js';
import type { DatasetName } from '../domain/datasets.js';
import type { MarketEvent } from '../domain/events.js';
import type { Observation, Provenance, UpsertCounts } from '../domain/observation.js';
import type { AlertOutbox } from './alert-outbox.js';

/** A batch to ingest: rows from one file or one connector call, with where they came from. */
export interface IngestBatch {
  readonly provenance: Provenance;
  readonly observations: readonly Observation[];
  readonly events?: readonly MarketEvent[];
}

/** What to read. `asOf` (YYYY-MM-DD) returns, per natural key, the latest version known by then. */
export interface ObservationQuery {
  readonly dataset: DatasetName;
  readonly fields?: readonly string[];
  readonly asset?: Asset;
  /** Only these keys (funds, venues …), matched in any case: ibit = IBIT. */
  readonly keys?: readonly string[];
  /** First market date included. */
  readonly from?: string;
  /** Last market date included. */
  readonly to?: string;
  /** Only what was known by the end of this UTC date; the market date is capped at it too. */
  readonly asOf?: string;
}

export interface StoredObservation extends Observation {
  readonly source: string;
}

/** One series of a column set: the rows of one field, asset, key and source. */
export interface ObservationSeries {
  readonly field: string;
  readonly asset: Asset;
  readonly key: string;
  readonly source: string;
}

/**
 * What a point-in-time read of one query returns, as columns: row i is series[seriesOf[i]] on
 * market day days[i], with values[i], published at knownAtMs[i]. Rows come in the order of
 * `read`: by date, then key, field and asset; every series listed has at least one row.
 */
export interface ObservationColumns {
  readonly dataset: DatasetName;
  readonly series: readonly ObservationSeries[];
  /** Per row, its series (an index into `series`). */
  readonly seriesOf: Int32Array;
  /** Per row, its market date as days since 1970-01-01 (ascending). */
  readonly days: Int32Array;
  readonly values: Float64Array;
  /** Per row, when it became public: milliseconds since the epoch (whole ms, as stored). */
  readonly knownAtMs: Float64Array;
}

/** First/last date and gaps of one dataset/field/asset/key. */
export interface CoverageRow {
  readonly dataset: DatasetName;
  readonly field: string;
  readonly asset: Asset;
  readonly key: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly rows: number;
  /** Expected dates missing between first and last, by the dataset's cadence. */
  readonly gaps: number;
  /** Natural keys with more than one version (revised values). */
  readonly revisedRows: number;
  readonly sources: readonly string[];
  readonly lastImportedAt: string;
}

/** One import or sync run, logged for `tidemark status`. */
export interface RunRecord {
  readonly kind: 'import' | 'sync' | 'simulate';
  readonly source: string;
  readonly origin: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly counts: UpsertCounts;
  readonly rejected: number;
  readonly status: 'ok' | 'partial' | 'failed';
  readonly message: string;
}

/** How an ingest treats a batch the store refuses (a non-finite value, an impossible date). */
export interface IngestOptions {
  /**
   * false (default): a refused batch is left out whole and reported in its result; the other
   * batches are stored. true: any refused batch fails the whole ingest (StoreError 'invalid') and
   * nothing is written — for `import --strict`.
   */
  readonly allOrNothing?: boolean;
}

/** What an ingest did with one batch. */
export interface IngestResult extends UpsertCounts {
  /**
   * Present when the store refused the batch (nothing of it was written): names the batch's origin,
   * the dataset, field, date and the offending value.
   */
  readonly refused?: string;
}

/** As-of dates `from ≤ asOf < until` (YYYY-MM-DD). */
export interface AsOfSpan {
  readonly from: string;
  readonly until: string;
}

export interface Store {
  /**
   * Stores the accepted batches in ONE transaction: either all of them are written or none. Per
   * natural key (dataset, field, asset, key, date) a row equal to a stored version is unchanged; a
   * new key is inserted; a changed value is kept as a new version (the old one stays, for as-of
   * reads). A batch holding a value the store refuses (NaN, ±Infinity, an impossible date or a
   * timestamp past year 9999) is left out whole and reported in its result (see IngestOptions).
   * `runs[i]`, when given, is logged for batches[i] with its counts. Throws StoreError: 'read-only'
   * on a store opened for reading, 'invalid' (allOrNothing), or the kind of a failed transaction.
   */
  ingest(
    batches: readonly IngestBatch[],
    runs?: readonly Omit<RunRecord, 'counts'>[],
    options?: IngestOptions,
  ): Promise<IngestResult[]>;
  read(query: ObservationQuery): Promise<StoredObservation[]>;
  /**
   * What `read` returns for each of `queries`, in order, read together (one pass over the store) and
   * as columns (ObservationColumns; observation-columns.ts's `observationRows` turns a set into `read`'s rows).
   */
  readColumns(queries: readonly ObservationQuery[]): Promise<ObservationColumns[]>;
  /**
   * Per key, the last market date among the rows `read(query)` returns (a point-in-time read: with
   * `asOf`, what was known by then), without reading them; keys without rows are absent.
   */
  lastDatesByKey(query: ObservationQuery): Promise<Map<string, string>>;
  readEvents(options?: { from?: string; to?: string; asOf?: string }): Promise<MarketEvent[]>;
  /** The last market date stored for a dataset (optionally one asset/key/source), or null. */
  lastDate(options: { dataset: DatasetName; asset?: Asset; key?: string; source?: string }): Promise<string | null>;
  /** Coverage per series; with `asOf`, only rows known by the end of that date (YYYY-MM-DD). */
  coverage(options?: { asOf?: string }): Promise<CoverageRow[]>;
  recordRun(run: RunRecord): Promise<void>;
  runs(limit?: number): Promise<RunRecord[]>;
  /**
   * The as-of dates at which some read returns a version that a later one replaced (a restated
   * value, a revised event), as spans; empty when nothing was ever revised. A cache that answers
   * earlier dates from the latest data (the server's analysis history) must load those dates afresh.
   */
  supersededSpans(): Promise<AsOfSpan[]>;
  /** Total stored rows (all versions), for status and tests. */
  countRows(): Promise<number>;
  /**
   * A number that changes whenever the stored content (observations or events) changes and only
   * then; cheap to call (no query while the store is open). Caches key on it.
   */
  revision(): Promise<number>;
  /** The alert outbox kept in the same database (analyses, alerts, deliveries; see alert-outbox.ts). */
  alertOutbox(): AlertOutbox;
  close(): Promise<void>;
}
