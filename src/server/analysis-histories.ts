// The server's loaded histories: per asset, the MarketSeries as known at the end of today, kept while
// the store's revision and the date are unchanged (an import, or midnight UTC, replaces them).
// Analyses of earlier dates slice a history (analysis-worker.ts) instead of reading the store again:
// the history of the spot source a load at that date would choose (spot-source-timeline.ts), loaded
// on first need. A date at which an earlier version of some value is visible (a superseded span) is
// sliced from a history loaded the day before the next version took over — every read between two
// such days sees the same versions — a few of them kept per asset (EPOCH_HISTORIES_KEPT). Each is
// kept v8-serialised in shared memory, so workers receive it without a copy per message.
import { serialize } from 'node:v8';
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays, todayUtc } from '../domain/dates.js';
import type { MarketEvent } from '../domain/events.js';
import type { MarketSeries } from '../domain/market-series.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import type { AsOfSpan, Store } from '../store/store.js';
import type { PoolHistory } from './analysis-pool.js';
import { SpotSourceTimeline } from './spot-source-timeline.js';

/** One asset's histories as the workers analyse them, all loaded at one revision and date. */
export interface AssetHistories {
  readonly asset: AnalysedAsset;
  /** The store revision they were loaded at. */
  readonly revision: number;
  /** The as-of date they were loaded at (today, UTC, by the server's clock). */
  readonly today: string;
  /**
   * As-of dates at which a read returns a version a later one replaced (Store.supersededSpans):
   * slicing the latest data is not what was known then, so those dates are sliced from a history
   * loaded before the next version took over.
   */
  readonly superseded: readonly AsOfSpan[];
  /**
   * The history a load at `asOf` (≤ today) would be a slice of — its spot source's, loaded at today or,
   * inside a superseded span, the day before the next version took over — and the spot source a load
   * at `asOf` names (null: none), loading the history on first need.
   */
  historyAt(asOf: string): Promise<{ history: PoolHistory; spotSource: string | null }>;
}

/** Histories loaded for superseded spans, kept per asset (least recently used dropped first). */
export const EPOCH_HISTORIES_KEPT = 4;

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

/** A held history's figures, for the docs' memory bound. */
export interface HeldHistory {
  readonly asset: AnalysedAsset;
  readonly spotSource: string | undefined;
  readonly revision: number;
  readonly today: string;
  readonly bytes: number;
}

type Pooled = PoolHistory & { spotSource: string | undefined };

/** The histories loaded at one date: per spot source (the loader's own choice under ''), the pooled history. */
interface LoadedAt {
  readonly date: string;
  readonly spotSources: Promise<SpotSourceTimeline>;
  readonly bySource: Map<string, Promise<Pooled>>;
}

interface Held {
  readonly histories: AssetHistories;
  /** Loaded at today, and per superseded epoch (keyed by its load date, in order of last use). */
  readonly loaded: LoadedAt[];
}

export class AnalysisHistories {
  private readonly current = new Map<AnalysedAsset, Held>();
  private readonly loading = new Map<AnalysedAsset, { key: string; promise: Promise<AssetHistories> }>();
  private readonly settled: (PoolHistory & Omit<HeldHistory, 'bytes'>)[] = [];
  private nextId = 1;

  constructor(private readonly options: AnalysisHistoriesOptions) {}

  /** The asset's histories at the store's current revision and today's date, loading them when needed. */
  async get(asset: AnalysedAsset): Promise<AssetHistories> {
    const revision = await this.options.store.revision();
    const today = todayUtc((this.options.now ?? ((): Date => new Date()))());
    const held = this.current.get(asset);
    if (held !== undefined && held.histories.revision === revision && held.histories.today === today)
      return held.histories;
    const key = `${revision}|${today}`;
    const inFlight = this.loading.get(asset);
    if (inFlight !== undefined && inFlight.key === key) return inFlight.promise;
    const promise = this.load(asset, revision, today).finally(() => {
      if (this.loading.get(asset)?.promise === promise) this.loading.delete(asset);
    });
    this.loading.set(asset, { key, promise });
    return promise;
  }

  private async load(asset: AnalysedAsset, revision: number, today: string): Promise<AssetHistories> {
    const { store, shippedEvents } = this.options;
    const loadedAt = (date: string): LoadedAt => {
      const bySource = new Map<string, Promise<Pooled>>();
      const at: LoadedAt = { date, spotSources: SpotSourceTimeline.read(store, asset, date), bySource };
      return at;
    };
    const loadOn = async (at: LoadedAt, spotSource: string | undefined): Promise<Pooled> => {
      const series = await loadMarketSeries(store, {
        asset,
        asOf: at.date,
        shippedEvents,
        cache: false,
        ...(spotSource !== undefined ? { spotSource } : {}),
      });
      const pooled = { ...this.share(series), spotSource: series.spotSource };
      this.settled.push({ ...pooled, asset, revision, today: at.date });
      return pooled;
    };
    const todays = loadedAt(today);
    const fallback = loadOn(todays, undefined);
    todays.bySource.set('', fallback);
    const [first, superseded] = await Promise.all([fallback, store.supersededSpans(), todays.spotSources]);
    if (first.spotSource !== undefined) todays.bySource.set(first.spotSource, fallback);
    // The days a newer version takes over: a history loaded the day before one answers every date since the previous one.
    const takeovers = [...new Set(superseded.map((s) => s.until))].sort();
    const loaded: LoadedAt[] = [todays];
    const epochAt = (asOf: string): LoadedAt => {
      if (!inSpans(superseded, asOf)) return todays;
      const next = takeovers.find((until) => until > asOf)!;
      const date = addDays(next, -1);
      const i = loaded.findIndex((l) => l.date === date);
      const at = i >= 0 ? loaded.splice(i, 1)[0]! : loadedAt(date);
      loaded.push(at);
      if (loaded.length > EPOCH_HISTORIES_KEPT + 1) {
        const dropped = loaded.splice(loaded[0] === todays ? 1 : 0, 1)[0]!;
        void this.release(dropped);
      }
      return at;
    };
    const histories: AssetHistories = {
      asset,
      revision,
      today,
      superseded,
      historyAt: async (asOf) => {
        const at = epochAt(asOf);
        const spotSource = (await at.spotSources).sourceAt(asOf);
        const key = spotSource ?? '';
        let history = at.bySource.get(key);
        if (history === undefined) at.bySource.set(key, (history = loadOn(at, spotSource)));
        return { history: await history, spotSource: spotSource ?? null };
      },
    };
    const replaced = this.current.get(asset);
    this.current.set(asset, { histories, loaded });
    if (replaced !== undefined) for (const at of replaced.loaded) void this.release(at);
    return histories;
  }

  /** Serialises a series into shared memory under a fresh id. */
  private share(series: MarketSeries): PoolHistory {
    const serialised = serialize(series);
    const bytes = new SharedArrayBuffer(serialised.byteLength);
    new Uint8Array(bytes).set(serialised);
    return { id: this.nextId++, bytes };
  }

  /** Drops replaced histories from the workers and from the held list. */
  private async release(replaced: LoadedAt): Promise<void> {
    const settled = await Promise.allSettled(replaced.bySource.values());
    for (const s of settled) {
      if (s.status !== 'fulfilled') continue;
      const i = this.settled.findIndex((h) => h.id === s.value.id);
      if (i >= 0) this.settled.splice(i, 1);
      this.options.onReplaced?.(s.value.id);
    }
  }

  /** The histories held, for the docs' memory figures: asset, spot source, revision, date and serialised bytes. */
  held(): HeldHistory[] {
    return this.settled.map((h) => ({
      asset: h.asset,
      spotSource: h.spotSource,
      revision: h.revision,
      today: h.today,
      bytes: h.bytes.byteLength,
    }));
  }
}
