// Daily dollar volume of a bar and its trend: recent mean against the mean of the window before it.
import type { DailyBar } from '../domain/market-series.js';
import { mean } from './stats/mean.js';
import { nullIfNaN } from './stats/null-if-nan.js';
import type { VolumeTrend } from '../domain/sections/liquidity.js';

/** Dollar value traded on a bar: volumeUsd, else volumeUnits × close, else null (never invented). */
export function dollarVolumeOf(bar: DailyBar): number | null {
  if (bar.volumeUsd !== null) return bar.volumeUsd;
  if (bar.volumeUnits !== null) return bar.volumeUnits * bar.close;
  return null;
}

export interface DollarVolumeTrendOptions {
  /** Bars in the recent window. Default 7. */
  readonly recentBars?: number;
  /** Bars in the baseline window just before it. Default 30. */
  readonly baselineBars?: number;
  /** Ratio band around 1 counted as flat. Default 0.2 (recent within ±20 % of the baseline). */
  readonly flatBand?: number;
}

export interface DollarVolumeTrendResult {
  readonly recentMeanUsd: number | null;
  readonly baselineMeanUsd: number | null;
  readonly ratio: number | null;
  readonly trend: VolumeTrend | null;
}

/**
 * Mean dollar volume over the last `recentBars` bars vs the `baselineBars` bars before them.
 * Bars without a volume are skipped; null when either window has no volume.
 */
export function dollarVolumeTrend(
  bars: readonly DailyBar[],
  options: DollarVolumeTrendOptions = {},
): DollarVolumeTrendResult {
  const { recentBars = 7, baselineBars = 30, flatBand = 0.2 } = options;
  const volumes = (slice: readonly DailyBar[]): number[] =>
    slice.map(dollarVolumeOf).filter((v): v is number => v !== null);
  const recentMeanUsd = nullIfNaN(mean(volumes(bars.slice(-recentBars))));
  const baselineMeanUsd = nullIfNaN(mean(volumes(bars.slice(-(recentBars + baselineBars), -recentBars))));
  if (recentMeanUsd === null || baselineMeanUsd === null || baselineMeanUsd <= 0) {
    return { recentMeanUsd, baselineMeanUsd, ratio: null, trend: null };
  }
  const ratio = recentMeanUsd / baselineMeanUsd;
  return {
    recentMeanUsd,
    baselineMeanUsd,
    ratio,
    trend: ratio > 1 + flatBand ? 'rising' : ratio < 1 - flatBand ? 'falling' : 'flat',
  };
}
