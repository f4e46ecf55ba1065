// Hui-Heubel liquidity ratio over a short window (5 days by default):
// [(Pmax − Pmin) / Pmin] / [V / (S · P̄)], V = dollar value traded, S = units outstanding,
// P̄ = mean close. Price range per unit of turnover: lower = more liquid.
import type { DailyBar } from '../domain/market-series.js';
import { dollarVolumeOf } from './dollar-volume.js';

/**
 * Approximate coins outstanding used as S when the caller gives none (late-2025 circulating supply,
 * rounded; the ratio scales linearly with S, so comparisons over time within one asset are unaffected).
 */
export const APPROX_UNITS_OUTSTANDING = { BTC: 19_950_000, ETH: 120_700_000 } as const;

/**
 * Hui-Heubel ratio of the last `window` bars (Pmax = highest high, Pmin = lowest low). null when
 * fewer than `window` bars, any bar lacks a volume, the volume is 0 or S ≤ 0.
 * Example: highs max 110, lows min 100, V = 1e9, S = 1e6, P̄ = 105 → 0.1 / (1e9 / 1.05e8) = 0.0105.
 */
export function huiHeubel(bars: readonly DailyBar[], unitsOutstanding: number, window = 5): number | null {
  if (bars.length < window || unitsOutstanding <= 0) return null;
  const slice = bars.slice(-window);
  let pMax = -Infinity;
  let pMin = Infinity;
  let valueTraded = 0;
  let closeSum = 0;
  for (const bar of slice) {
    const dv = dollarVolumeOf(bar);
    if (dv === null) return null;
    pMax = Math.max(pMax, bar.high);
    pMin = Math.min(pMin, bar.low);
    valueTraded += dv;
    closeSum += bar.close;
  }
  const meanPrice = closeSum / window;
  if (valueTraded <= 0 || pMin <= 0) return null;
  return (pMax - pMin) / pMin / (valueTraded / (unitsOutstanding * meanPrice));
}
