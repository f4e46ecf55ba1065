// Open-interest change: the latest level, percent change over calendar windows, a z-score of the
// level against its trailing window, and the distance from the trailing peak.
import type { DatedValue } from '../domain/market-series.js';
import { addDays } from '../domain/dates.js';
import { lastOf, pctChangeOverDays, pointsInWindow } from './series-helpers.js';
import { mean } from './stats/mean.js';
import { sampleStandardDeviation } from './stats/sample-standard-deviation.js';
import { nullIfNaN } from './stats/null-if-nan.js';

export interface OpenInterestChangeOptions {
  /** Calendar days for the short change window. Default 7. */
  readonly shortWindowDays?: number;
  /** Calendar days for the long change window. Default 30. */
  readonly longWindowDays?: number;
  /** Trailing calendar days for the z-score of the level. Default 90. */
  readonly zScoreWindowDays?: number;
  /** Trailing calendar days for the peak. Default 30 (a flush shows as % below last month's peak). */
  readonly peakWindowDays?: number;
}

export interface OpenInterestChange {
  readonly date: string | null;
  readonly openInterestUsd: number | null;
  /** Percent change from the point one calendar day earlier (a one-day flush). */
  readonly change1dPct: number | null;
  /** Percent change over the short / long windows. */
  readonly change7dPct: number | null;
  readonly change30dPct: number | null;
  /** (latest − mean) / sample stdev over the trailing z-score window, latest included; null under 10 points. */
  readonly zScore: number | null;
  /** Percent below the trailing peak (≤ 0). */
  readonly pctFromPeak: number | null;
  readonly peakUsd: number | null;
  readonly peakDate: string | null;
}

const MIN_POINTS_FOR_ZSCORE = 10;

/**
 * Level, changes, z-score and distance from peak of an open-interest series (USD, ascending).
 * Empty series → every field null. Example: OI 45.6 bn on 10-09 then 34.2 bn on 10-10 gives
 * pctFromPeak ≈ −25.0 with a 30-day peak window.
 */
export function openInterestChange(
  openInterestUsd: readonly DatedValue[],
  options: OpenInterestChangeOptions = {},
): OpenInterestChange {
  const { shortWindowDays = 7, longWindowDays = 30, zScoreWindowDays = 90, peakWindowDays = 30 } = options;
  const last = lastOf(openInterestUsd);
  if (last === null) {
    return {
      date: null,
      openInterestUsd: null,
      change1dPct: null,
      change7dPct: null,
      change30dPct: null,
      zScore: null,
      pctFromPeak: null,
      peakUsd: null,
      peakDate: null,
    };
  }
  const zWindow = pointsInWindow(openInterestUsd, addDays(last.date, -zScoreWindowDays), last.date).map((p) => p.value);
  const m = nullIfNaN(mean(zWindow));
  const sd = nullIfNaN(sampleStandardDeviation(zWindow));
  const zScore =
    zWindow.length >= MIN_POINTS_FOR_ZSCORE && m !== null && sd !== null && sd > 0 ? (last.value - m) / sd : null;
  let peak = last;
  for (const p of pointsInWindow(openInterestUsd, addDays(last.date, -peakWindowDays), last.date)) {
    if (p.value > peak.value) peak = p;
  }
  return {
    date: last.date,
    openInterestUsd: last.value,
    change1dPct: pctChangeOverDays(openInterestUsd, 1),
    change7dPct: pctChangeOverDays(openInterestUsd, shortWindowDays),
    change30dPct: pctChangeOverDays(openInterestUsd, longWindowDays),
    zScore,
    pctFromPeak: peak.value > 0 ? (last.value / peak.value - 1) * 100 : null,
    peakUsd: peak.value,
    peakDate: peak.date,
  };
}
