// Price momentum over fixed horizons: simple returns of the close, and the distance from the
// recent low — used by the phase judgment to tell "still falling" from "holding".
import type { DailyBar } from '../domain/market-series.js';
import type { PriceMomentum } from '../domain/sections/trend.js';

/**
 * Momentum of a bar series (dates ascending, one bar per day).
 * priceMomentum(bars) with closes [100 … 110] over 21 bars → return20d = 0.10.
 */
export function priceMomentum(bars: readonly DailyBar[]): PriceMomentum {
  const last = bars.at(-1);
  if (!last) return { close: null, return10d: null, return20d: null, aboveLow20d: null };
  const back = (n: number): number | null => {
    const bar = bars[bars.length - 1 - n];
    return bar && bar.close > 0 ? last.close / bar.close - 1 : null;
  };
  const window = bars.slice(-20);
  const low = Math.min(...window.map((b) => b.low));
  return {
    close: last.close,
    return10d: back(10),
    return20d: back(20),
    aboveLow20d: window.length >= 20 && low > 0 ? last.close / low - 1 : null,
  };
}
