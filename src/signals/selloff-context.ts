// The sell-off classifier's inputs, prepared once: every item tagged with the first as-of date on
// which it is public (its knownAt date, else its own date — the rule sliceMarketSeries applies), and
// the daily cost-of-trading series (Amihud, Corwin–Schultz, Abdi–Ranaldo) index-aligned with the
// spot bars. Look-ups take an as-of date and see only what was public by then.
import type { CotWeek, DailyBar, DatedValue, FundFlow, MarketSeries } from '../domain/market-series.js';
import { abdiRanaldoSquaredPair } from './abdi-ranaldo.js';
import { corwinSchultzPair } from './corwin-schultz.js';
import { dollarVolumeOf } from './dollar-volume.js';

/** What the classifier reads: a MarketSeries (or any object with these series) will do. */
export type SelloffInputs = Pick<
  MarketSeries,
  'spot' | 'openInterestUsd' | 'cot' | 'etfFlows' | 'etfAumUsd' | 'etfHoldingsCoins' | 'longLiquidationsUsd'
>;

/**
 * The first as-of date on which an item is public: as-of D sees items whose knownAt is before
 * D + 1 00:00 UTC, so that is knownAt's own date (or the item's date when later, or when there is no knownAt).
 */
export function visibleOn(date: string, knownAt: string | undefined): string {
  if (knownAt === undefined) return date;
  const day = knownAt.slice(0, 10);
  return day > date ? day : date;
}

/** A date-ascending series with the date each item becomes public. */
export interface VisibleSeries<T extends { readonly date: string }> {
  readonly items: readonly T[];
  readonly visibleOn: readonly string[];
}

/**
 * Sorted by date, then by `tieKey` (so sums over a window add in the same order whatever the input
 * order); sorted only when not already in that order.
 */
function visibleSeries<T extends { readonly date: string; readonly knownAt?: string }>(
  items: readonly T[],
  tieKey: (x: T) => string = () => '',
): VisibleSeries<T> {
  const compare = (a: T, b: T): number =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0;
  const sorted = items.every((x, i) => i === 0 || compare(items[i - 1]!, x) <= 0) ? items : [...items].sort(compare);
  return { items: sorted, visibleOn: sorted.map((x) => visibleOn(x.date, x.knownAt)) };
}

/** Index of the first item dated after `date` (items ascending). */
function upperBoundByDate(items: readonly { readonly date: string }[], date: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last item dated on or before `date` that is public as of `asOf`; null when none. */
export function lastVisibleOnOrBefore<T extends { readonly date: string }>(
  s: VisibleSeries<T>,
  date: string,
  asOf: string,
): T | null {
  for (let i = upperBoundByDate(s.items, date) - 1; i >= 0; i -= 1) if (s.visibleOn[i]! <= asOf) return s.items[i]!;
  return null;
}

/** Items dated in (from, to] that are public as of `asOf`, ascending. */
export function visibleInWindow<T extends { readonly date: string }>(
  s: VisibleSeries<T>,
  from: string,
  to: string,
  asOf: string,
): T[] {
  const out: T[] = [];
  for (let i = upperBoundByDate(s.items, from); i < s.items.length && s.items[i]!.date <= to; i += 1)
    if (s.visibleOn[i]! <= asOf) out.push(s.items[i]!);
  return out;
}

export interface SelloffContext {
  readonly spot: readonly DailyBar[];
  /**
   * The as-of date from which bar i and every bar before it are public (a running maximum, so the
   * bars public at any date form a prefix — the detector reads bars in order).
   */
  readonly barVisibleOn: readonly string[];
  /** The as-of date from which bar i's volume is public (its volumeKnownAt when later than the bar). */
  readonly volumeVisibleOn: readonly string[];
  /** |r_t| / DV_t per USD (Amihud's daily ratio); null on the first bar or without volume. */
  readonly illiquidity: readonly (number | null)[];
  /** Raw Corwin–Schultz two-day estimate for the pair (t−1, t); null on the first bar. */
  readonly corwinSchultz: readonly (number | null)[];
  /**
   * Raw Abdi–Ranaldo two-day squared-spread estimate for the pair (t, t+1): it measures the spread at
   * day t's close (c_t against the mid-ranges of t and t+1), so it is dated t but public only with
   * bar t+1. null on the last bar.
   */
  readonly abdiRanaldoSquared: readonly (number | null)[];
  readonly dollarVolumeUsd: readonly (number | null)[];
  readonly longLiquidationsUsd: VisibleSeries<DatedValue>;
  readonly openInterestUsd: VisibleSeries<DatedValue>;
  readonly cot: VisibleSeries<CotWeek>;
  readonly etfHoldingsCoins: VisibleSeries<DatedValue>;
  readonly etfAumUsd: VisibleSeries<DatedValue>;
  readonly etfFlows: VisibleSeries<FundFlow>;
  /** The last date on which anything in the inputs becomes public. */
  readonly dataEnd: string;
}

/** Prepares `inputs` (spot bars must be date-ascending; other series are sorted when they are not). */
export function selloffContext(inputs: SelloffInputs): SelloffContext {
  const { spot } = inputs;
  const barVisibleOn: string[] = [];
  const volumeVisibleOn: string[] = [];
  const illiquidity: (number | null)[] = [];
  const corwinSchultz: (number | null)[] = [];
  const abdiRanaldoSquared: (number | null)[] = [];
  const dollarVolumeUsd: (number | null)[] = [];
  let running = '';
  spot.forEach((bar, i) => {
    const own = visibleOn(bar.date, bar.knownAt);
    running = own > running ? own : running;
    barVisibleOn.push(running);
    const volumeOwn = bar.volumeKnownAt === undefined ? running : visibleOn(bar.date, bar.volumeKnownAt);
    volumeVisibleOn.push(volumeOwn > running ? volumeOwn : running);
    const dv = dollarVolumeOf(bar);
    dollarVolumeUsd.push(dv !== null && dv > 0 ? dv : null);
    const prev = spot[i - 1];
    const next = spot[i + 1];
    abdiRanaldoSquared.push(
      next !== undefined && bar.close > 0 && bar.low > 0 && next.low > 0
        ? abdiRanaldoSquaredPair(bar.high, bar.low, bar.close, next.high, next.low)
        : null,
    );
    if (prev === undefined || !(prev.close > 0 && prev.low > 0 && bar.low > 0)) {
      illiquidity.push(null);
      corwinSchultz.push(null);
      return;
    }
    illiquidity.push(dv !== null && dv > 0 ? Math.abs(bar.close / prev.close - 1) / dv : null);
    corwinSchultz.push(corwinSchultzPair(prev.high, prev.low, bar.high, bar.low));
  });
  const series = {
    longLiquidationsUsd: visibleSeries(inputs.longLiquidationsUsd),
    openInterestUsd: visibleSeries(inputs.openInterestUsd),
    cot: visibleSeries(inputs.cot),
    etfHoldingsCoins: visibleSeries(inputs.etfHoldingsCoins),
    etfAumUsd: visibleSeries(inputs.etfAumUsd),
    etfFlows: visibleSeries(inputs.etfFlows, (f) => f.fund),
  };
  let dataEnd = volumeVisibleOn.reduce((m, d) => (d > m ? d : m), running);
  for (const s of Object.values(series)) for (const d of s.visibleOn) if (d > dataEnd) dataEnd = d;
  return {
    spot,
    barVisibleOn,
    volumeVisibleOn,
    illiquidity,
    corwinSchultz,
    abdiRanaldoSquared,
    dollarVolumeUsd,
    ...series,
    dataEnd,
  };
}

/** Index of the last bar public as of `asOf` (every earlier bar is public too); −1 when none. */
export function lastVisibleBar(ctx: SelloffContext, asOf: string): number {
  let lo = 0;
  let hi = ctx.barVisibleOn.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.barVisibleOn[mid]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
