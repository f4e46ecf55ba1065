// The messages between the server's main thread and its analysis workers (analysis-pool.ts ↔
// analysis-worker.ts): histories are sent once per worker as v8-serialised bytes in shared memory;
// jobs name a history and an as-of date, or carry a series loaded for one date; answers are the
// analysis's JSON, gzipped in the worker (transferred, not copied), with its strong ETag.
import type { MarketSeries } from '../domain/market-series.js';

/** What the main thread sends a worker. */
export type ToWorker =
  /** Keep history `id`: a MarketSeries serialised with v8.serialize, shared by every worker. */
  | { readonly kind: 'history'; readonly id: number; readonly bytes: SharedArrayBuffer }
  /** Drop history `id` (a newer one replaced it). */
  | { readonly kind: 'forget'; readonly id: number }
  /**
   * Analyse history `history` as of `asOf` (sliced to that date); `spotSource` is the source a load at
   * that date names (null: none, no close known by then).
   */
  | {
      readonly kind: 'analyze-at';
      readonly job: number;
      readonly history: number;
      readonly asOf: string;
      readonly spotSource: string | null;
    }
  /** Analyse a series loaded for one date (the dates a history cannot answer exactly). */
  | { readonly kind: 'analyze-series'; readonly job: number; readonly series: MarketSeries };

/**
 * What a worker answers: the analysis's JSON (UTF-8) gzipped, the JSON's strong ETag and byte length,
 * and the milliseconds it took; or the error.
 */
export type FromWorker =
  | {
      readonly job: number;
      readonly gzip: Uint8Array;
      readonly etag: string;
      readonly jsonBytes: number;
      readonly ms: number;
    }
  | { readonly job: number; readonly error: string };
