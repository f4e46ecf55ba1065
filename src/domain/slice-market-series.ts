// A MarketSeries as it stood at an earlier as-of date: the pure slice that walk-forward runs use on a
// series loaded once, and the lookback window that the store's loader reads too.
import { addDays, asOfCutoff } from './dates.js';
import { FULL_HISTORY_DAYS, type DailyBar, type MarketSeries } from './market-series.js';

/** Loads and slices read the whole history by default (see FULL_HISTORY_DAYS). */
export const DEFAULT_LOOKBACK_DAYS = FULL_HISTORY_DAYS;

/**
 * The series as they stood at an earlier `asOf`: keeps only items published before the as-of
 * cut-off (by their knownAt, else their date) and dated within `lookbackDays` (default
 * DEFAULT_LOOKBACK_DAYS) before it — the same window `loadMarketSeries` reads — so a long
 * walk-forward does not analyse an ever-growing history. A bar whose volume (or CME open interest)
 * was published after the cut-off keeps its prices with that figure null, as a load at `asOf` gives. Revised values keep their latest vintage,
 * so a walk-forward over a sliced series is point-in-time except for restatements. Items must be
 * date-ascending (as loaded).
 */
export function sliceMarketSeries(
  m: MarketSeries,
  asOf: string,
  options: { lookbackDays?: number } = {},
): MarketSeries {
  const cutoff = asOfCutoff(asOf);
  const from = addDays(asOf, -(options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS));
  const keep = <T extends { date: string; knownAt?: string }>(items: readonly T[]): T[] => {
    // Items are date-ascending: binary-search the first date ≥ from, stop past asOf, filter by publication time.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.date < from) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo; i < items.length; i += 1) {
      const item = items[i]!;
      if (item.date > asOf) break;
      if ((item.knownAt ?? item.date) < cutoff) out.push(item);
    }
    return out;
  };
  return {
    ...m,
    asOf,
    etfFlows: keep(m.etfFlows),
    etfAumUsd: keep(m.etfAumUsd),
    etfHoldingsCoins: keep(m.etfHoldingsCoins),
    spot: keep(m.spot).map((bar) => withoutLateVolume(bar, cutoff)),
    openInterestUsd: keep(m.openInterestUsd),
    fundingRate8h: keep(m.fundingRate8h),
    leverageRatio: keep(m.leverageRatio),
    longLiquidationsUsd: keep(m.longLiquidationsUsd),
    shortLiquidationsUsd: keep(m.shortLiquidationsUsd),
    cme: keep(m.cme).map((day) => {
      const bar = withoutLateVolume(day, cutoff);
      if (bar.openInterestKnownAt === undefined || bar.openInterestKnownAt < cutoff) return bar;
      const { openInterestKnownAt: _notYet, ...rest } = bar;
      return { ...rest, openInterestContracts: null };
    }),
    cmeBasisUsd: keep(m.cmeBasisUsd),
    cot: keep(m.cot),
    // A company appears in a load only once some figure of it is known: drop those with none yet.
    treasuries: m.treasuries
      .map((t) => ({ ...t, coinsHeld: keep(t.coinsHeld), mnav: keep(t.mnav) }))
      .filter((t) => t.coinsHeld.length > 0 || t.mnav.length > 0),
    equityEtfFlowsUsd: keep(m.equityEtfFlowsUsd),
    treasuryStock: keep(m.treasuryStock).map((bar) => withoutLateVolume(bar, cutoff)),
    events: m.events.filter((e) => e.knownAt < cutoff && e.date >= from),
  };
}

/** The bar as known before `cutoff`: volume published later is not there yet. */
function withoutLateVolume<T extends DailyBar>(bar: T, cutoff: string): T {
  if (bar.volumeKnownAt === undefined || bar.volumeKnownAt < cutoff) return bar;
  const { volumeKnownAt: _notYet, ...rest } = bar;
  return { ...rest, volumeUsd: null, volumeUnits: null } as T;
}
