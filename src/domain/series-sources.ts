// Which stored keys feed each market series, one rule for the engine (store/market-series-loader.ts)
// and the dashboard's charts (web/series.ts), so a chart draws the series the analysis read: perp
// fields from the all-venue aggregate when it has the field, else from the single venues that do;
// CME figures from the front-month standard contract (5 BTC), never summed with the micro.

/** The key of the all-venue perp aggregate (CoinGlass/CryptoQuant exports). */
export const PERP_AGGREGATE_VENUE = 'all';

/** Venues whose perp fields stand in for the aggregate when it lacks a field, in this order. */
export const PERP_SINGLE_VENUES: readonly string[] = ['binance', 'bybit', 'okx'];

/** The CME contract the analysis reads (open interest, closes, basis). */
export const CME_CONTRACT = 'front';

/**
 * The venues a perp field is read from, given the venues that carry it: the aggregate alone when it
 * does, else the single venues that do (summed or averaged by the caller), else none.
 * perpVenuesFor(new Set(['all', 'binance'])) = ['all']; perpVenuesFor(new Set(['okx', 'binance'])) = ['binance', 'okx'].
 */
export function perpVenuesFor(venuesWithField: ReadonlySet<string>): string[] {
  if (venuesWithField.has(PERP_AGGREGATE_VENUE)) return [PERP_AGGREGATE_VENUE];
  return PERP_SINGLE_VENUES.filter((v) => venuesWithField.has(v));
}

/** The source of a perp series for a chart label: "all-venue aggregate", "binance", "mean of binance, okx". */
export function perpSourceLabel(venues: readonly string[], how: 'sum' | 'mean'): string {
  if (venues.length === 0) return 'no venue';
  if (venues.length === 1) return venues[0] === PERP_AGGREGATE_VENUE ? 'all-venue aggregate' : venues[0]!;
  return `${how === 'sum' ? 'sum' : 'mean'} of ${venues.join(', ')}`;
}

/**
 * A bar's dollar volume as the analysis reads it: the source's USD volume when it has one, else its
 * volume in units (coins, shares, contracts) × the close; null without either (a gap, not a zero).
 */
export function dollarVolumeUsd(volumeUsd: number | null, volumeUnits: number | null, close: number): number | null {
  return volumeUsd ?? (volumeUnits !== null ? volumeUnits * close : null);
}
