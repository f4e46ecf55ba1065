// The server's analysis engine: answers "the analysis of an asset as of a date" — the same object
// analyzeStore gives — from histories loaded once per asset (analysis-histories.ts), sliced to the
// date and analysed in a worker pool (analysis-pool.ts), so uncached analyses neither re-read the
// store nor block the event loop. Each date is sliced from the history of the spot source a load at
// that date would choose. Dates a slice cannot answer exactly (a restated value visible then, a date
// after the histories') are loaded from the store for that date, then analysed in the pool too.
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

/** Which path answered: a slice of the loaded history, or a load at the date. */
export interface AnalysisEngineStats {
  readonly pool: AnalysisPoolStats;
  readonly sliced: number;
  readonly loaded: number;
  readonly histories: ReturnType<AnalysisHistories['held']>;
}

export class AnalysisEngine {
  private readonly store: Store;
  private readonly shippedEvents: readonly MarketEvent[];
  private readonly pool: AnalysisPool;
  private readonly histories: AnalysisHistories;
  private sliced = 0;
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
   * `busy` when the pool's queue is full.
   */
  async analyzeJson(options: { asset: AnalysedAsset; asOf?: string }): Promise<string> {
    const asOf = options.asOf ?? (await defaultAsOf(this.store, options.asset));
    const histories = await this.histories.get(options.asset);
    if (asOf <= histories.today && !inSpans(histories.superseded, asOf)) {
      this.sliced += 1;
      const spotSource = histories.spotSources.sourceAt(asOf) ?? null;
      return this.pool.analyzeAt(await histories.historyAt(asOf), asOf, spotSource);
    }
    this.loaded += 1;
    const series = await loadMarketSeries(this.store, {
      asset: options.asset,
      asOf,
      shippedEvents: this.shippedEvents,
    });
    return this.pool.analyzeSeries(series);
  }

  /** The analysis as an object (for the report route); see analyzeJson. */
  async analyze(options: { asset: AnalysedAsset; asOf?: string }): Promise<Analysis> {
    return JSON.parse(await this.analyzeJson(options)) as Analysis;
  }

  get stats(): AnalysisEngineStats {
    return { pool: this.pool.stats, sliced: this.sliced, loaded: this.loaded, histories: this.histories.held() };
  }

  /** Stops the worker pool. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
