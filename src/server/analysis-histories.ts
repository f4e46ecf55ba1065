// The server's loaded histories: one MarketSeries per asset, loaded once as known at the end of
// today and kept while the store's revision and the date are unchanged (an import, or midnight UTC,
// replaces it). Analyses of earlier dates slice it (analysis-worker.ts) instead of reading the store
// again. Kept v8-serialised in shared memory, so each worker receives it without a copy per message.
import { serialize } from 'node:v8';
import type { AnalysedAsset } from '../domain/assets.js';
import { todayUtc } from '../domain/dates.js';
import type { MarketEvent } from '../domain/events.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import type { AsOfSpan, Store } from '../store/store.js';
import type { PoolHistory } from './analysis-pool.js';

/** One asset's history as the workers analyse it. */
export interface LoadedHistory extends PoolHistory {
  readonly asset: AnalysedAsset;
  /** The store revision it was loaded at. */
  readonly revision: number;
  /** The as-of date it was loaded at (today, UTC, by the server's clock). */
  readonly today: string;
  /**
   * As-of dates at which a read returns a version a later one replaced (Store.supersededSpans):
   * slicing the latest data is not what was known then, so those dates are loaded afresh.
   */
  readonly superseded: readonly AsOfSpan[];
}

export interface AnalysisHistoriesOptions {
  readonly store: Store;
  /** The server's clock (default: the system clock). */
  readonly now?: () => Date;
  /** Events shipped with Tidemark, merged as analyzeStore does. */
  readonly shippedEvents: readonly MarketEvent[];
  /** Called with the id of a history that a newer one replaced (the pool drops it from the workers). */
  readonly onReplaced?: (id: number) => void;
}

/** Whether `asOf` falls in one of `spans`. */
export function inSpans(spans: readonly AsOfSpan[], asOf: string): boolean {
  return spans.some((s) => s.from <= asOf && asOf < s.until);
}

export class AnalysisHistories {
  private readonly current = new Map<AnalysedAsset, LoadedHistory>();
  private readonly loading = new Map<AnalysedAsset, { key: string; promise: Promise<LoadedHistory> }>();
  private nextId = 1;

  constructor(private readonly options: AnalysisHistoriesOptions) {}

  /** The asset's history at the store's current revision and today's date, loading it when needed. */
  async get(asset: AnalysedAsset): Promise<LoadedHistory> {
    const revision = await this.options.store.revision();
    const today = todayUtc((this.options.now ?? ((): Date => new Date()))());
    const held = this.current.get(asset);
    if (held !== undefined && held.revision === revision && held.today === today) return held;
    const key = `${revision}|${today}`;
    const inFlight = this.loading.get(asset);
    if (inFlight !== undefined && inFlight.key === key) return inFlight.promise;
    const promise = this.load(asset, revision, today).finally(() => {
      if (this.loading.get(asset)?.promise === promise) this.loading.delete(asset);
    });
    this.loading.set(asset, { key, promise });
    return promise;
  }

  private async load(asset: AnalysedAsset, revision: number, today: string): Promise<LoadedHistory> {
    const { store, shippedEvents } = this.options;
    const series = await loadMarketSeries(store, { asset, asOf: today, shippedEvents, cache: false });
    const superseded = await store.supersededSpans();
    const serialised = serialize(series);
    const bytes = new SharedArrayBuffer(serialised.byteLength);
    new Uint8Array(bytes).set(serialised);
    const history: LoadedHistory = { id: this.nextId++, asset, revision, today, superseded, bytes };
    const replaced = this.current.get(asset);
    this.current.set(asset, history);
    if (replaced !== undefined) this.options.onReplaced?.(replaced.id);
    return history;
  }

  /** The histories held, for the docs' memory figures: asset, revision, date and serialised bytes. */
  held(): { asset: AnalysedAsset; revision: number; today: string; bytes: number }[] {
    return [...this.current.values()].map((h) => ({
      asset: h.asset,
      revision: h.revision,
      today: h.today,
      bytes: h.bytes.byteLength,
    }));
  }
}
