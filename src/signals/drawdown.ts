// Drawdown of the latest close from the highest close (peak) in a window.
import type { DailyBar } from '../domain/market-series.js';

export interface DrawdownResult {
  readonly close: number | null;
  readonly peakClose: number | null;
  readonly peakDate: string | null;
  /** (close / peak − 1) × 100, ≤ 0; null without bars. */
  readonly drawdownFromPeakPct: number | null;
}

/**
 * Drawdown from the highest close of the last `lookbackBars` bars (default: the whole series; the
 * first of equal peaks wins). Closes 100, 120, 90 → peak 120, drawdown −25 %.
 */
export function drawdownFromPeak(bars: readonly DailyBar[], lookbackBars?: number): DrawdownResult {
  const slice = lookbackBars === undefined ? bars : bars.slice(-lookbackBars);
  const last = slice[slice.length - 1];
  if (last === undefined) return { close: null, peakClose: null, peakDate: null, drawdownFromPeakPct: null };
  let peak = slice[0]!;
  for (const bar of slice) if (bar.close > peak.close) peak = bar;
  return {
    close: last.close,
    peakClose: peak.close,
    peakDate: peak.date,
    drawdownFromPeakPct: peak.close > 0 ? (last.close / peak.close - 1) * 100 : null,
  };
}
