// Sell-off detection: a sell-off is a fall of at least `minDrawdownPct` from the highest close of
// the previous `maxDays` bars. Consecutive qualifying days form one episode from that peak to the
// lowest close reached.
import type { DailyBar } from '../domain/market-series.js';

export interface SelloffDetectionOptions {
  /** Minimum fall from the recent peak, percent. Default 10 (a routine BTC week moves ±5 %). */
  readonly minDrawdownPct?: number;
  /** Bars the fall may take. Default 10 (a sell-off, not a slow bear market). */
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
}

/**
 * Sell-off episodes in ascending order. A bar qualifies when close ≤ (1 − minDrawdownPct/100) ×
 * the highest close among the `maxDays` bars before it; qualifying bars whose peaks fall inside the
 * current episode extend it. Example: closes 100, 95, 88, 90 with defaults → one episode
 * 100 → 88 (−12 %).
 */
export function detectSelloffs(bars: readonly DailyBar[], options: SelloffDetectionOptions = {}): SelloffEpisode[] {
  const { minDrawdownPct = 10, maxDays = 10 } = options;
  const episodes: { startIndex: number; endIndex: number }[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    let peakIndex = i - 1;
    for (let j = Math.max(0, i - maxDays); j < i; j += 1) if (bars[j]!.close >= bars[peakIndex]!.close) peakIndex = j;
    const peak = bars[peakIndex]!.close;
    if (peak <= 0 || bars[i]!.close > peak * (1 - minDrawdownPct / 100)) continue;
    const current = episodes[episodes.length - 1];
    if (current !== undefined && peakIndex <= current.endIndex) {
      if (bars[i]!.close < bars[current.endIndex]!.close) current.endIndex = i;
    } else {
      episodes.push({ startIndex: peakIndex, endIndex: i });
    }
  }
  return episodes.map(({ startIndex, endIndex }) => ({
    start: bars[startIndex]!.date,
    end: bars[endIndex]!.date,
    drawdownPct: (bars[endIndex]!.close / bars[startIndex]!.close - 1) * 100,
    startIndex,
    endIndex,
  }));
}
