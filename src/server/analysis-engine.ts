// The server's analysis engine: answers "the analysis of an asset as of a date" — the same object
// analyzeStore gives — from histories loaded once per asset (analysis-histories.ts), sliced to the
// date and analysed in a worker pool (analysis-pool.ts), so uncached analyses neither re-read the
// store nor block the event loop. Each date is sliced from the history of the spot source a load at
// that date would choose; a date at which a since-restated value was visible, from a history loaded
// before the restatement (analysis-histories.ts). Only a date after the histories' day is loaded from
// the store for that date (then analysed in the pool too). A request whose client went away before
// its analysis started is dropped from the queue (its AbortSignal). Answers for past dates are kept
// gzipped per store revision (analysis-answers.ts), and a background run precomputes every past date
// from start-up (analysis-precompute.ts), so requests are mostly answered with bytes already made.
import { gunzipSync } from 'node:zlib';
import type { Analysis } from '../domain/analysis.js';
import { ANALYSED_ASSETS, type AnalysedAsset } from '../domain/assets.js';
import type { MarketEvent } from '../domain/events.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { defaultAsOf, loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { AnalysisHistories, inSpans } from './analysis-histories.js';
import { AnalysisAnswers, KEPT_ANSWERS_DEFAULT_BYTES } from './analysis-answers.js';
import {
  AnalysisPool,
  type AnalysisPoolOptions,
  type AnalysisPoolStats,
  type EncodedAnalysis,
} from './analysis-pool.js';
import { Precomputation, type PrecomputeProgress } from './analysis-precompute.js';

export interface AnalysisEngineOptions extends AnalysisPoolOptions {
  readonly store: Store;
  /** The server's clock: "today" for the histories (default: the system clock). */
  readonly now?: () => Date;
  /** Events merged into real data's series (default: the shipped calendar, as analyzeStore). */
  readonly shippedEvents?: readonly MarketEvent[];
  /** Bound of the kept answers in gzipped bytes (default KEPT_ANSWERS_DEFAULT_BYTES, 200 MiB; 0 keeps none). */
  readonly keptAnswersBytes?: number;
  /** Precompute every past date in the background (from start(), default false: tests ask dates themselves). */
  readonly precompute?: boolean;
  /** The earliest date precomputed (default: each asset's first observed date). */
  readonly precomputeSince?: string;
}

/**
 * Which path answered: a kept answer, a slice of today's history, of a superseded epoch's history,
 * or a load at the date.
 */
export interface AnalysisEngineStats {
  readonly pool: AnalysisPoolStats;
  readonly kept: number;
  readonly sliced: number;
  readonly epochSliced: number;
  readonly loaded: number;
  readonly histories: ReturnType<AnalysisHistories['held']>;
}

export class AnalysisEngine {
  private readonly store: Store;
  private readonly shippedEvents: readonly MarketEvent[];
  private readonly pool: AnalysisPool;
  private readonly histories: AnalysisHistories;
  private readonly answers: AnalysisAnswers;
  private readonly precomputation: Precomputation | null;
  private kept = 0;
  /** performance.now() of the last request (answer() call); the precomputation waits for a lull. */
  private lastRequestAt: number | null = null;
  private sliced = 0;
  private epochSliced = 0;
  private loaded = 0;

  /** Starts the worker pool (see AnalysisPoolOptions); close() stops it. */
  constructor(options: AnalysisEngineOptions) {
    this.store = options.store;
    this.shippedEvents = options.shippedEvents ?? loadShippedEvents();
    this.pool = new AnalysisPool(options);
    this.histories = new AnalysisHistories({
      store: this.store,
      shippedEvents: this.shippedEvents,
      ...(options.now ? { now: options.now } : {}),
      onReplaced: (id) => this.pool.forget(id),
    });
    this.answers = new AnalysisAnswers(options.keptAnswersBytes ?? KEPT_ANSWERS_DEFAULT_BYTES);
    this.precomputation = options.precompute
      ? new Precomputation({
          store: this.store,
          assets: ANALYSED_ASSETS,
          answers: this.answers,
          ...(options.precomputeSince !== undefined ? { since: options.precomputeSince } : {}),
          concurrency: this.pool.stats.workers,
          histories: (asset) => this.histories.get(asset),
          lastRequestAt: () => this.lastRequestAt,
          analyze: (history, asOf, spotSource, signal) =>
            this.pool.analyzeAt(history, asOf, spotSource, signal, 'background'),
        })
      : null;
  }

  /** Starts the background precomputation (when enabled) at the store's current revision. */
  async start(): Promise<void> {
    this.noteRevision(await this.store.revision(), true);
  }

  /** A new revision empties the kept answers and restarts the precomputation. */
  private noteRevision(revision: number, starting = false): void {
    if ((this.answers.syncRevision(revision) || starting) && this.precomputation) this.precomputation.start(revision);
  }

  /** The precomputation's progress (state `off` when disabled). */
  precomputeProgress(): PrecomputeProgress {
    if (this.precomputation) return this.precomputation.progress();
    return {
      state: 'off',
      revision: null,
      dates: 0,
      answered: 0,
      completeSince: null,
      failed: 0,
      keptAnswers: this.answers.count,
      keptBytes: this.answers.bytes,
      maxBytes: this.answers.maxBytes,
      seconds: 0,
      error: null,
    };
  }

  /**
   * The analysis of `asset` as of `asOf` (default: defaultAsOf, as analyzeStore) as JSON text,
   * equal to JSON.stringify(await analyzeStore(store, { asset, asOf })). Rejects with ApiError 503
   * `busy` when the pool's queue is full; an aborted `signal` (the client went away) drops the job if
   * it has not started (rejecting with the signal's reason).
   */
  async analyzeJson(options: { asset: AnalysedAsset; asOf?: string; signal?: AbortSignal }): Promise<string> {
    return gunzipSync((await this.answer(options)).gzip).toString('utf8');
  }

  /**
   * The analysis as analyzeJson gives it, gzipped with the JSON's ETag: a kept answer when there is
   * one, else computed in the pool (and kept when `asOf` is before the histories' day).
   */
  async answer(options: { asset: AnalysedAsset; asOf?: string; signal?: AbortSignal }): Promise<EncodedAnalysis> {
    const { asset } = options;
    this.lastRequestAt = performance.now();
    const asOf = options.asOf ?? (await defaultAsOf(this.store, asset));
    const histories = await this.histories.get(asset);
    this.noteRevision(histories.revision);
    const kept = this.answers.get(histories.revision, asset, asOf);
    if (kept !== undefined) {
      this.kept += 1;
      return kept;
    }
    if (asOf <= histories.today) {
      if (inSpans(histories.superseded, asOf)) this.epochSliced += 1;
      else this.sliced += 1;
      const { history, spotSource } = await histories.historyAt(asOf);
      const answer = await this.pool.analyzeAt(history, asOf, spotSource, options.signal);
      if (asOf < histories.today) this.answers.put(histories.revision, asset, asOf, answer);
      return answer;
    }
    this.loaded += 1;
    const series = await loadMarketSeries(this.store, {
      asset: options.asset,
      asOf,
      shippedEvents: this.shippedEvents,
    });
    return this.pool.analyzeSeries(series, options.signal);
  }

  /** The analysis as an object (for the report route); see analyzeJson. */
  async analyze(options: { asset: AnalysedAsset; asOf?: string }): Promise<Analysis> {
    return JSON.parse(await this.analyzeJson(options)) as Analysis;
  }

  get stats(): AnalysisEngineStats {
    return {
      pool: this.pool.stats,
      kept: this.kept,
      sliced: this.sliced,
      epochSliced: this.epochSliced,
      loaded: this.loaded,
      histories: this.histories.held(),
    };
  }

  /** Stops the precomputation and the worker pool. */
  close(): Promise<void> {
    this.precomputation?.stop();
    return this.pool.close();
  }
}
