// The loader's memory: the last few MarketSeries loaded per store, handed out again for the same
// inputs while the store's content revision is unchanged. The store only ever appends versions and
// its revision changes with every append, so an equal revision means equal data.
import type { AnalysedAsset } from '../domain/assets.js';
import type { MarketEvent } from '../domain/events.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { Store } from './store.js';

/** Series kept per store (most recent first): loads repeated for a few assets and as-of dates. */
export const SERIES_CACHE_ENTRIES = 8;

interface CacheEntry {
  readonly key: string;
  readonly revision: number;
  readonly series: MarketSeries;
}

const seriesCache = new WeakMap<Store, CacheEntry[]>();

/** The cache key of a load: asset, as-of date, lookback and the shipped events merged in. */
export function seriesCacheKey(
  asset: AnalysedAsset,
  asOf: string,
  lookbackDays: number,
  shippedEvents: readonly MarketEvent[] | undefined,
): string {
  const shipped = (shippedEvents ?? [])
    .map((e) => `${e.id}|${e.date}|${e.knownAt}|${e.kind}|${e.title}|${e.sourceUrl}|${e.instruments.join(',')}`)
    .join('\n');
  return JSON.stringify([asset, asOf, lookbackDays, shipped]);
}

/**
 * The series cached for `store` under `key` at the store's current revision, else `load()`'s
 * result, kept (the same object is handed out again: treat it as read-only).
 */
export async function cachedSeries(
  store: Store,
  key: string,
  load: () => Promise<MarketSeries>,
): Promise<MarketSeries> {
  const revision = await store.revision();
  const entries = seriesCache.get(store) ?? [];
  const hit = entries.find((e) => e.key === key && e.revision === revision);
  if (hit) return hit.series;
  const series = await load();
  seriesCache.set(
    store,
    [{ key, revision, series }, ...entries.filter((e) => e.key !== key)].slice(0, SERIES_CACHE_ENTRIES),
  );
  return series;
}
