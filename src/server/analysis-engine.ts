// The server's analysis engine: answers "the analysis of an asset as of a date" — the same object
// analyzeStore gives — from histories loaded once per asset (analysis-histories.ts), sliced to the
// date and analysed in a worker pool (analysis-pool.ts), so uncached analyses neither re-read the
// store nor block the event loop. Each date is sliced from the history of the spot source a load at
// that date would choose; a date at which a since-restated value was visible, from a history loaded
// before the restatement (analysis-histories.ts). Only a date after the histories' day is loaded from
// the store for that date (then analysed in the pool too). A request whose client went away before
// its analysis started is dropped from the queue (its AbortSignal).
import type { Analysis } from '../domain/analysis.js';
import type { AnalysedAsset } from '../domain/assets.js';
import type { MarketEvent } from '../domain/events.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { defaultAsOf, loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { AnalysisHistories, inSpans } from './analysis-histories.js';
import { AnalysisPool, type AnalysisPoolOptions, type AnalysisPoolStats } from './analysis-pool.js';

export interface AnalysisEngineOptions extends AnalysisPoolOptions {
  readonly store: Store;
  /** The server's clock: "today" for the histories (default: the system clock). */
  readonly now?: () => Date;
  /** Events merged into real data's series (default: the shipped calendar, as analyzeStore). */
  readonly shippedEvents?: readonly MarketEvent[];
}

/** Which path answered: a slice of today's history, of a superseded epoch's history, or a load at the date. */
export interface AnalysisEngineStats {
  readonly pool: AnalysisPoolStats;
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
  }

  /**
   * The analysis of `asset` as of `asOf` (default: defaultAsOf, as analyzeStore) as JSON text,
   * equal to JSON.stringify(await analyzeStore(store, { asset, asOf })). Rejects with ApiError 503
   * `busy` when the pool's queue is full; an aborted `signal` (the client went away) drops the job if
   * it has not started (rejecting with the signal's reason).
   */
  async analyzeJson(options: { asset: AnalysedAsset; asOf?: string; signal?: AbortSignal }): Promise<string> {
    const asOf = options.asOf ?? (await defaultAsOf(this.store, options.asset));
    const histories = await this.histories.get(options.asset);
    if (asOf <= histories.today) {
      if (inSpans(histories.superseded, asOf)) this.epochSliced += 1;
      else this.sliced += 1;
      const { history, spotSource } = await histories.historyAt(asOf);
      return this.pool.analyzeAt(history, asOf, spotSource, options.signal);
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
      sliced: this.sliced,
      epochSliced: this.epochSliced,
      loaded: this.loaded,
      histories: this.histories.held(),
    };
  }

  /** Stops the worker pool. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
