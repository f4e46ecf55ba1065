// Sell-off detection: a sell-off is a fall of at least `minDrawdownPct` from the highest close of
// the previous `maxDays` bars. Consecutive qualifying days form one episode from that peak to the
// lowest close reached. Causal bar by bar: whether bar i qualifies, and which episode it extends,
// depends on bars ≤ i only, so an episode's start and trigger never move when later bars arrive;
// only its end (the lowest close so far) moves, and each move is recorded in `lowIndexes`.
import type { DailyBar } from '../domain/market-series.js';

export const SELLOFF_DETECTION_DEFAULTS = {
  /** Minimum fall from the recent peak, percent. Default 10 (a routine BTC week moves ±5 %). */
  minDrawdownPct: 10,
  /** Bars the fall may take. Default 10 (a sell-off, not a slow bear market). */
  maxDays: 10,
} as const;

export interface SelloffDetectionOptions {
  /** Minimum fall from the recent peak, percent. Default SELLOFF_DETECTION_DEFAULTS.minDrawdownPct (10). */
  readonly minDrawdownPct?: number;
  /** Bars the fall may take. Default SELLOFF_DETECTION_DEFAULTS.maxDays (10). */
  readonly maxDays?: number;
}

export interface SelloffEpisode {
  /** Date of the peak close the fall started from. */
  readonly start: string;
  /** Date of the lowest close of the episode. */
  readonly end: string;
  /** Fall from the peak close to the lowest close, percent (negative). */
  readonly drawdownPct: number;
  readonly startIndex: number;
  readonly endIndex: number;
  /** The first bar that crossed the threshold: the episode exists from this bar on. */
  readonly triggerIndex: number;
  /** Successive lowest-close bars, ascending; the first is triggerIndex, the last endIndex. */
  readonly lowIndexes: readonly number[];
}

/**
 * Sell-off episodes in ascending order. A bar qualifies when close ≤ (1 − minDrawdownPct/100) ×
 * the highest close among the `maxDays` bars before it; qualifying bars whose peaks fall inside the
 * current episode extend it. Example: closes 100, 95, 88, 90 with defaults → one episode
 * 100 → 88 (−12 %), triggered on the third bar.
 */
export function detectSelloffs(bars: readonly DailyBar[], options: SelloffDetectionOptions = {}): SelloffEpisode[] {
  const { minDrawdownPct = SELLOFF_DETECTION_DEFAULTS.minDrawdownPct, maxDays = SELLOFF_DETECTION_DEFAULTS.maxDays } =
    options;
  const episodes: { startIndex: number; lowIndexes: number[] }[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    let peakIndex = i - 1;
    for (let j = Math.max(0, i - maxDays); j < i; j += 1) if (bars[j]!.close >= bars[peakIndex]!.close) peakIndex = j;
    const peak = bars[peakIndex]!.close;
    if (peak <= 0 || bars[i]!.close > peak * (1 - minDrawdownPct / 100)) continue;
    const current = episodes[episodes.length - 1];
    const currentEnd = current?.lowIndexes[current.lowIndexes.length - 1];
    if (current !== undefined && currentEnd !== undefined && peakIndex <= currentEnd) {
      if (bars[i]!.close < bars[currentEnd]!.close) current.lowIndexes.push(i);
    } else {
      episodes.push({ startIndex: peakIndex, lowIndexes: [i] });
    }
  }
  return episodes.map(({ startIndex, lowIndexes }) => {
    const endIndex = lowIndexes[lowIndexes.length - 1]!;
    return {
      start: bars[startIndex]!.date,
      end: bars[endIndex]!.date,
      drawdownPct: (bars[endIndex]!.close / bars[startIndex]!.close - 1) * 100,
      startIndex,
      endIndex,
      triggerIndex: lowIndexes[0]!,
      lowIndexes,
    };
  });
}
