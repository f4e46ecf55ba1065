// Turning exchange history (funding settlements, open-interest snapshots, daily candles) into one
// value per UTC day, the way `perp` and `spot` store them. Pure functions: no I/O.
import type { Asset } from '../../domain/assets.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { msToDate } from '../../domain/dates.js';
import type { Observation } from '../../domain/observation.js';

const HOUR_MS = 3_600_000;

export interface FundingEvent {
  /** Settlement time, ms. */
  readonly timestamp: number;
  /** The rate paid at that settlement, as a fraction of the interval since the previous one. */
  readonly fundingRate: number;
}

export interface OpenInterestPoint {
  /** Snapshot time, ms. */
  readonly timestamp: number;
  /** Open interest in coins, when the venue gives it. */
  readonly coins?: number;
  /** Open interest in USD, when the venue gives it. */
  readonly usd?: number;
}

export interface Candle {
  /** Open time of the daily candle (00:00 UTC of its day), ms. */
  readonly timestamp: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Base-asset volume (coins). */
  readonly volume: number;
}

/** Sorts by timestamp and keeps the first item of each timestamp (pages may overlap). */
export function dedupeByTimestamp<T extends { readonly timestamp: number }>(items: readonly T[]): T[] {
  const seen = new Set<number>();
  return [...items]
    .sort((a, b) => a.timestamp - b.timestamp)
    .filter((x) => (seen.has(x.timestamp) ? false : (seen.add(x.timestamp), true)));
}

/**
 * Daily mean funding per 8 h as a fraction. Venues settle every 8 h, but some symbols every 4 h
 * or 1 h, and each settlement's rate applies to its own interval. So each settlement is first
 * normalised to an 8 h rate: rate × 8 / (hours since the previous settlement), the interval being
 * read from the timestamps (the first settlement uses the next gap; a gap outside 1–8 h, i.e. a
 * hole in the data, falls back to the last regular interval, default 8 h). The day's value is the
 * mean of its normalised settlements, grouped by the UTC date of the settlement time. Days on or
 * after `today` (not complete yet) are dropped.
 * Example: 1 h settlements of 0.00001 each all day → 0.00008 per 8 h.
 */
export function dailyFundingRate8h(events: readonly FundingEvent[], today: string): Map<string, number> {
  const sorted = dedupeByTimestamp(events);
  const sums = new Map<string, { sum: number; n: number }>();
  let lastRegularHours = 8;
  sorted.forEach((e, i) => {
    const gapMs =
      i > 0
        ? e.timestamp - sorted[i - 1]!.timestamp
        : sorted.length > 1
          ? sorted[1]!.timestamp - e.timestamp
          : 8 * HOUR_MS;
    const hours = gapMs / HOUR_MS;
    const intervalHours = hours >= 0.99 && hours <= 8.01 ? Math.round(hours) || 1 : lastRegularHours;
    lastRegularHours = intervalHours;
    const date = msToDate(e.timestamp);
    if (date >= today) return;
    const s = sums.get(date) ?? { sum: 0, n: 0 };
    s.sum += (e.fundingRate * 8) / intervalHours;
    s.n += 1;
    sums.set(date, s);
  });
  return new Map([...sums].map(([d, s]) => [d, s.sum / s.n]));
}

/**
 * Daily open interest: the last snapshot of each day, where a snapshot at 00:00 UTC of D+1 is the
 * close of D (date = UTC date of timestamp − 1 ms). Snapshots of days on or after `today` are
 * dropped. Returns coins and USD as given by the venue.
 */
export function dailyOpenInterest(points: readonly OpenInterestPoint[], today: string): Map<string, OpenInterestPoint> {
  const out = new Map<string, OpenInterestPoint>();
  for (const p of dedupeByTimestamp(points)) {
    const date = msToDate(p.timestamp - 1);
    if (date >= today) continue;
    out.set(date, p);
  }
  return out;
}

/** Daily candles keyed by the UTC date of their open time; incomplete days (≥ today) dropped. */
export function dailyCandles(candles: readonly Candle[], today: string): Map<string, Candle> {
  const out = new Map<string, Candle>();
  for (const c of dedupeByTimestamp(candles)) {
    const date = msToDate(c.timestamp);
    if (date < today) out.set(date, c);
  }
  return out;
}

/** `perp` or `spot` observations of one venue and asset from daily values; knownAt is D+1 00:00 UTC. */
export function dailyObservations(
  dataset: 'perp' | 'spot',
  asset: Asset,
  venue: string,
  byField: Readonly<Record<string, ReadonlyMap<string, number>>>,
): Observation[] {
  const out: Observation[] = [];
  for (const [field, byDate] of Object.entries(byField)) {
    for (const [date, value] of byDate) {
      if (Number.isFinite(value))
        out.push({ dataset, field, asset, key: venue, date, value, knownAt: cryptoDailyKnownAt(date) });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.field.localeCompare(b.field));
}
