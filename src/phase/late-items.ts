// Items published after a later-dated item of the same series ("late": a cell first seen in a later
// snapshot, a back-filled day). While a late item is dated but not yet published, what was known is
// not a prefix of its series, and the replay cannot read that day by index. Removing the late items
// unknown at a day restores the prefix: every other unknown item is followed only by unknown ones.
// Days that remove the same late items share one history (an epoch), so a handful of late cells
// costs a handful of input builds instead of a rebuild per day.
import { asOfCutoff } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';

/** The dated series of a MarketSeries the replay indexes (treasuries and events are read otherwise). */
const DATED_FIELDS = [
  'etfFlows',
  'etfAumUsd',
  'etfHoldingsCoins',
  'spot',
  'openInterestUsd',
  'fundingRate8h',
  'leverageRatio',
  'longLiquidationsUsd',
  'shortLiquidationsUsd',
  'cme',
  'cmeBasisUsd',
  'cot',
  'equityEtfFlowsUsd',
  'treasuryStock',
] as const;
type DatedField = (typeof DATED_FIELDS)[number];

interface LateItem {
  readonly field: DatedField;
  readonly index: number;
  readonly date: string;
  readonly published: string;
}

/** The late items of every dated series of `m` (O(n) per series). */
export function lateItems(m: MarketSeries): readonly LateItem[] {
  const late: LateItem[] = [];
  for (const field of DATED_FIELDS) {
    const items: readonly { readonly date: string; readonly knownAt?: string }[] = m[field];
    let laterMin = '\uffff';
    for (let i = items.length - 1; i >= 0; i -= 1) {
      const item = items[i]!;
      const published = item.knownAt ?? item.date;
      if (published > laterMin) late.push({ field, index: i, date: item.date, published });
      if (published < laterMin) laterMin = published;
    }
  }
  return late;
}

/** The late items dated by `asOf` but not published before its cut-off: what a read at `asOf` lacks. */
export function lateItemsUnknownAt(late: readonly LateItem[], asOf: string): readonly LateItem[] {
  const cutoff = asOfCutoff(asOf);
  return late.filter((item) => item.date <= asOf && item.published >= cutoff);
}

/** A key that is equal for two days exactly when they lack the same late items. */
export function epochKey(unknown: readonly LateItem[]): string {
  return unknown.map((item) => `${item.field}:${item.index}`).join(',');
}

/** `m` without the given items (the other items and every other field as they are). */
export function withoutItems(m: MarketSeries, items: readonly LateItem[]): MarketSeries {
  const dropped = new Map<DatedField, Set<number>>();
  for (const item of items) {
    const set = dropped.get(item.field) ?? new Set<number>();
    set.add(item.index);
    dropped.set(item.field, set);
  }
  const out: Record<string, unknown> = { ...m };
  for (const [field, set] of dropped) {
    const series: readonly unknown[] = m[field];
    out[field] = series.filter((_, i) => !set.has(i));
  }
  return out as unknown as MarketSeries;
}
