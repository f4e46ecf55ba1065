// Today's cost of trading against its own trailing year: the latest `window`-day Amihud price
// impact, Abdi–Ranaldo and Corwin–Schultz spreads (raw two-day estimates averaged, then floored for
// the reported spread) and the Kyle-style λ, each with its percentile among the same-length windows
// ending in the `trailingBars` bars before the latest one (no look-ahead: the latest window is
// compared with windows that ended before it).
import type { DailyBar } from '../domain/market-series.js';
import { abdiRanaldoSquaredPair, signedSpreadFromSquared } from './abdi-ranaldo.js';
import { corwinSchultzPair } from './corwin-schultz.js';
import { dollarVolumeOf } from './dollar-volume.js';
import { kyleLambdaOf, type SignedFlowDay } from './kyle-lambda.js';
import { rollingMeans } from './trailing-reference.js';
import { percentileRankOf } from './series-helpers.js';

export const TRADING_COST_LEVELS_DEFAULTS = {
  /** Bars in each window. Default 20: about three weeks of 24/7 days, as the section's Amihud. */
  window: 20,
  /** Bars whose windows form the trailing distribution. Default 365: one year. */
  trailingBars: 365,
  /** Fewer trailing windows than this and the percentile is null. Default 60. */
  minTrailingWindows: 60,
} as const;

export interface TradingCostLevelsOptions {
  readonly window?: number;
  readonly trailingBars?: number;
  readonly minTrailingWindows?: number;
}

export interface CostLevel {
  /** The latest window's value (units per measure, see TradingCostLevels). */
  readonly value: number | null;
  /** Its percentile rank (0–1) among the trailing windows; null with too little history. */
  readonly percentile: number | null;
}

export interface TradingCostLevels {
  /** Mean |r|/DV per USD. */
  readonly amihud: CostLevel;
  /** Abdi–Ranaldo spread, fraction of price: sign(m)·√|m| of the mean raw squared estimate m (may be < 0). */
  readonly abdiRanaldoSigned: CostLevel;
  /** Corwin–Schultz spread, fraction of price: mean of the raw two-day estimates (may be < 0). */
  readonly corwinSchultzRaw: CostLevel;
  /** Kyle-style λ̂, return per USD of return-signed dollar volume (see kyle-lambda.ts). */
  readonly kyleLambda: CostLevel;
}

function latestVsTrailing(
  daily: readonly (number | null)[],
  window: number,
  trailing: number,
  minWindows: number,
): CostLevel {
  const last = daily.length - 1;
  const latest = rollingMeans(daily, last - window + 1, last, window);
  const value = latest.length === 1 ? latest[0]! : null;
  const history = rollingMeans(daily, last - window - trailing + 1, last - 1, window);
  return {
    value,
    percentile: value !== null && history.length >= minWindows ? percentileRankOf(value, history) : null,
  };
}

/** The latest cost-of-trading levels of `bars` (date-ascending) against their trailing year. */
export function tradingCostLevels(
  bars: readonly DailyBar[],
  options: TradingCostLevelsOptions = {},
): TradingCostLevels {
  const {
    window = TRADING_COST_LEVELS_DEFAULTS.window,
    trailingBars = TRADING_COST_LEVELS_DEFAULTS.trailingBars,
    minTrailingWindows = TRADING_COST_LEVELS_DEFAULTS.minTrailingWindows,
  } = options;
  const from = Math.max(0, bars.length - window - trailingBars - 1);
  const slice = bars.slice(from);
  const illiq: (number | null)[] = [];
  const cs: (number | null)[] = [];
  const ar: (number | null)[] = [];
  const flows: (SignedFlowDay | null)[] = [];
  slice.forEach((bar, i) => {
    const prev = slice[i - 1];
    if (prev === undefined || !(prev.close > 0 && prev.low > 0 && bar.low > 0)) {
      illiq.push(null);
      cs.push(null);
      ar.push(null);
      flows.push(null);
      return;
    }
    const dv = dollarVolumeOf(bar);
    const r = bar.close / prev.close - 1;
    illiq.push(dv !== null && dv > 0 ? Math.abs(r) / dv : null);
    flows.push(dv !== null && dv > 0 ? { date: bar.date, returnPct: r, signedDollarVolume: Math.sign(r) * dv } : null);
    cs.push(corwinSchultzPair(prev.high, prev.low, bar.high, bar.low));
    ar.push(abdiRanaldoSquaredPair(prev.high, prev.low, prev.close, bar.high, bar.low));
  });
  const level = (daily: readonly (number | null)[]): CostLevel =>
    latestVsTrailing(daily, window, trailingBars, minTrailingWindows);
  const squared = level(ar);
  // λ̂ per trailing window ending at each bar (windows with a missing day are skipped)
  const lambdas: (number | null)[] = flows.map((_, end) => {
    if (end < window - 1) return null;
    const days = flows.slice(end - window + 1, end + 1);
    return days.every((d) => d !== null) ? kyleLambdaOf(days as SignedFlowDay[]) : null;
  });
  const lastLambda = lambdas.length > 0 ? (lambdas[lambdas.length - 1] ?? null) : null;
  const lambdaHistory = lambdas
    .slice(Math.max(0, lambdas.length - 1 - trailingBars), -1)
    .filter((x): x is number => x !== null);
  return {
    amihud: level(illiq),
    abdiRanaldoSigned: {
      value: squared.value === null ? null : signedSpreadFromSquared(squared.value),
      percentile: squared.percentile,
    },
    corwinSchultzRaw: level(cs),
    kyleLambda: {
      value: lastLambda,
      percentile:
        lastLambda !== null && lambdaHistory.length >= minTrailingWindows
          ? percentileRankOf(lastLambda, lambdaHistory)
          : null,
    },
  };
}
