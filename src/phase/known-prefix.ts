// How much of a date-ascending series was known at an as-of date, as an index: the replay reads
// every input through this instead of copying a slice per day. An item is known at as-of D when it
// is dated on or before D and published (knownAt, else its date) before D's cut-off — the rule of
// sliceMarketSeries. When publication follows date order the known items are a prefix [0, end) of
// the series; when an item was published before an earlier-dated one (a late cell, a value first
// seen in a later snapshot) they may not be, and `prefix` says so.
import { asOfCutoff } from '../domain/dates.js';

interface Dated {
  readonly date: string;
  readonly knownAt?: string;
}

/** Per-series index built once: the running maximum of publication times. */
export interface PublicationIndex {
  readonly dates: readonly string[];
  /** max(knownAt ?? date) over items 0…i. */
  readonly knownBy: readonly string[];
  /** Whether any item was published before an earlier-dated item (then prefixes must be checked). */
  readonly outOfOrder: boolean;
  readonly published: readonly string[];
}

/** Builds the publication index of a date-ascending series (O(n)). */
export function publicationIndex(items: readonly Dated[]): PublicationIndex {
  const dates: string[] = new Array(items.length);
  const knownBy: string[] = new Array(items.length);
  const published: string[] = new Array(items.length);
  let running = '';
  let outOfOrder = false;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const at = item.knownAt ?? item.date;
    if (at < running) outOfOrder = true;
    if (at > running) running = at;
    dates[i] = item.date;
    published[i] = at;
    knownBy[i] = running;
  }
  return { dates, knownBy, outOfOrder, published };
}

/** The known part of a series at an as-of date. */
export interface KnownPrefix {
  /** Items [0, end) are known. */
  readonly end: number;
  /** False when some item at or after `end`, dated by the as-of date, is known too (not a prefix). */
  readonly prefix: boolean;
}

/** First index in [0, n) where `pred` turns true (n when never); `pred` must be monotone. */
function firstTrue(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The known prefix of an indexed series at `asOf` (cut-off given to avoid recomputing it). */
export function knownPrefix(index: PublicationIndex, asOf: string, cutoff: string = asOfCutoff(asOf)): KnownPrefix {
  const n = index.dates.length;
  const datedEnd = firstTrue(n, (i) => index.dates[i]! > asOf);
  const end = firstTrue(datedEnd, (i) => index.knownBy[i]! >= cutoff);
  if (!index.outOfOrder || end === datedEnd) return { end, prefix: true };
  for (let i = end; i < datedEnd; i += 1) if (index.published[i]! < cutoff) return { end, prefix: false };
  return { end, prefix: true };
}
