// ETF flow regime over the last `window` trading days: one-way outflow, two-way, one-way inflow.
import type { FlowRegime } from '../domain/analysis.js';
import type { DatedValue } from '../domain/market-series.js';
import { directionality } from './directionality.js';

/**
 * |D| at or above this is one-way. With D = (in − out)/(in + out), 0.5 means the dominant side is
 * at least 3× the other (0.75 vs 0.25 of gross). On Farside's BTC totals every 10-day window ending
 * 2025-11-05 … 2025-11-26 has D between −0.57 and −0.74 (the November sell-off), while windows
 * ending 2026-01-07 … 01-12 sit at −0.07 … −0.03; 0.6 (4×) would have split November in two.
 */
export const ONE_WAY_DIRECTIONALITY = 0.5;
/** Fewer trading days than this in the window: no regime (a 3-day window says little). */
export const MIN_REGIME_DAYS = 5;

export interface EtfFlowRegimeOptions {
  /** Trading days in the window (default 10, two trading weeks). */
  readonly window?: number;
  /** Minimum days with data (default MIN_REGIME_DAYS). */
  readonly minDays?: number;
}

export interface EtfFlowRegimeResult {
  readonly regime: FlowRegime | null;
  readonly directionality: number | null;
  /** Share of days in the window with a net outflow. */
  readonly outflowShare: number | null;
  readonly outflowDays: number;
  readonly days: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly netFlowUsd: number;
}

/** The regime a directionality implies. null when D is null. */
export function regimeOf(d: number | null): FlowRegime | null {
  if (d === null) return null;
  if (d >= ONE_WAY_DIRECTIONALITY) return 'one-way-inflow';
  if (d <= -ONE_WAY_DIRECTIONALITY) return 'one-way-outflow';
  return 'two-way';
}

/**
 * Regime of the last `window` daily totals (sorted ascending). Regime is null when fewer than
 * `minDays` days are present or every flow is zero.
 */
export function etfFlowRegime(
  dailyTotals: readonly DatedValue[],
  options: EtfFlowRegimeOptions = {},
): EtfFlowRegimeResult {
  const window = options.window ?? 10;
  const minDays = options.minDays ?? MIN_REGIME_DAYS;
  const last = dailyTotals.slice(Math.max(0, dailyTotals.length - window));
  const flows = last.map((d) => d.value);
  const d = directionality(flows);
  const outflowDays = flows.filter((f) => f < 0).length;
  const enough = last.length >= minDays;
  return {
    regime: enough ? regimeOf(d) : null,
    directionality: enough ? d : null,
    outflowShare: last.length > 0 ? outflowDays / last.length : null,
    outflowDays,
    days: last.length,
    from: last[0]?.date ?? null,
    to: last[last.length - 1]?.date ?? null,
    netFlowUsd: flows.reduce((a, b) => a + b, 0),
  };
}

/** Regime on every date from the `window`-th day on, each using only days up to that date. */
export function etfFlowRegimeHistory(
  dailyTotals: readonly DatedValue[],
  options: EtfFlowRegimeOptions = {},
): { date: string; regime: FlowRegime | null; directionality: number | null }[] {
  const window = options.window ?? 10;
  const out: { date: string; regime: FlowRegime | null; directionality: number | null }[] = [];
  for (let i = window - 1; i < dailyTotals.length; i++) {
    const r = etfFlowRegime(dailyTotals.slice(i - window + 1, i + 1), options);
    out.push({ date: dailyTotals[i]!.date, regime: r.regime, directionality: r.directionality });
  }
  return out;
}
