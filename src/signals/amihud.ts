// Amihud illiquidity: the mean of |daily return| / daily dollar volume, and its level against its
// own trailing median (a ratio above 1 = prices move more per dollar traded than usual).
import type { DailyBar } from '../domain/market-series.js';
import { dollarVolumeOf } from './dollar-volume.js';
import { mean } from './stats/mean.js';
import { median } from './stats/median.js';
import { nullIfNaN } from './stats/null-if-nan.js';

export interface DailyIlliquidity {
  readonly date: string;
  /** |close_t / close_{t−1} − 1| / dollar volume_t, per USD. */
  readonly illiquidity: number;
}

/** Per-day |r_t| / DV_t for each bar with a previous close and a positive dollar volume. */
export function dailyIlliquidity(bars: readonly DailyBar[]): DailyIlliquidity[] {
  const out: DailyIlliquidity[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const prev = bars[i - 1]!;
    const bar = bars[i]!;
    const dv = dollarVolumeOf(bar);
    if (dv === null || dv <= 0 || prev.close <= 0) continue;
    out.push({ date: bar.date, illiquidity: Math.abs(bar.close / prev.close - 1) / dv });
  }
  return out;
}

/**
 * Amihud illiquidity over the last `window` bars: mean of |r_t|/DV_t (per USD). With closes 100,
 * 110, 99 and dollar volumes −, 1e6, 2e6: (0.1/1e6 + 0.1/2e6)/2 = 7.5e-8. null without returns.
 */
export function amihud(bars: readonly DailyBar[], window = 20): number | null {
  return nullIfNaN(mean(dailyIlliquidity(bars.slice(-(window + 1))).map((d) => d.illiquidity)));
}

export interface AmihudVsMedianOptions {
  /** Bars in each Amihud mean. Default 20. */
  readonly window?: number;
  /** Trailing bars whose rolling Amihud values form the median (latest excluded). Default 180. */
  readonly medianBars?: number;
}

export interface AmihudVsMedianResult {
  readonly amihud: number | null;
  readonly trailingMedian: number | null;
  /** amihud / trailingMedian; null when either is missing or the median is 0. */
  readonly ratio: number | null;
}

/**
 * Latest rolling Amihud value against the median of its previous `medianBars` rolling values (the
 * ratio needs ≥ 20 of them, else null). With fewer than `window` returns, `amihud` is the mean of
 * the returns there are.
 */
export function amihudVsMedian(bars: readonly DailyBar[], options: AmihudVsMedianOptions = {}): AmihudVsMedianResult {
  const { window = 20, medianBars = 180 } = options;
  const daily = dailyIlliquidity(bars).map((d) => d.illiquidity);
  const rolling: number[] = [];
  for (let end = window; end <= daily.length; end += 1) rolling.push(mean(daily.slice(end - window, end)));
  const latest = rolling.length > 0 ? rolling[rolling.length - 1]! : null;
  const history = rolling.slice(-(medianBars + 1), -1);
  const trailingMedian = history.length >= 20 ? nullIfNaN(median(history)) : null;
  const ratio = latest !== null && trailingMedian !== null && trailingMedian > 0 ? latest / trailingMedian : null;
  return { amihud: latest ?? amihud(bars, window), trailingMedian, ratio };
}
