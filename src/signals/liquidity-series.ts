// Liquidity as daily series for charts: the rolling 20-day Amihud illiquidity and the rolling 20-day
// mean Corwin–Schultz spread, each dated by the last day of its window. The last point of each is the
// section's headline figure (amihudVsMedian's amihud, corwinSchultzSpread).
import type { DailyBar, DatedValue } from '../domain/market-series.js';
import { dailyIlliquidity } from './amihud.js';
import { corwinSchultzSeries } from './corwin-schultz.js';

/** Default 20 returns per mean: four trading weeks, the window of the headline Amihud and spread. */
export const LIQUIDITY_SERIES_DEFAULTS = { window: 20 } as const;

/** Means of `values` over each run of `window` consecutive items, dated by the run's last item. */
function rollingMeans(points: readonly { date: string; value: number }[], window: number): DatedValue[] {
  const out: DatedValue[] = [];
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    sum += points[i]!.value;
    if (i >= window) sum -= points[i - window]!.value;
    if (i >= window - 1) out.push({ date: points[i]!.date, value: sum / window });
  }
  return out;
}

/**
 * Rolling Amihud illiquidity, |return| per USD traded, one point per day with `window` returns
 * (default 20) behind it. Closes 100, 110, 99 with dollar volumes −, 1e6, 2e6 and window 2 →
 * [{ date of the third bar, value: (0.1/1e6 + 0.1/2e6)/2 = 7.5e-8 }].
 */
export function amihudSeries(bars: readonly DailyBar[], options: { window?: number } = {}): DatedValue[] {
  const { window = LIQUIDITY_SERIES_DEFAULTS.window } = options;
  return rollingMeans(
    dailyIlliquidity(bars).map((d) => ({ date: d.date, value: d.illiquidity })),
    window,
  );
}

/**
 * Rolling Corwin–Schultz spread (a fraction of price), one point per day with `window` raw two-day
 * estimates (default 20) behind it: the raw estimates are averaged, then the mean is floored at 0 —
 * the headline's treatment (corwinSchultzEstimate), so crash days' negative pairs are not zeroed one by one.
 */
export function corwinSchultzSpreadSeries(bars: readonly DailyBar[], options: { window?: number } = {}): DatedValue[] {
  const { window = LIQUIDITY_SERIES_DEFAULTS.window } = options;
  return rollingMeans(
    corwinSchultzSeries(bars).map((p) => ({ date: p.date, value: p.spread })),
    window,
  ).map((p) => ({ date: p.date, value: Math.max(0, p.value) }));
}
