// The equity curve of a daily exposure series and its performance figures: growth, drawdown with its
// dates, volatility, Sharpe, Sortino, Calmar, time in market, switches, turnover and fees.
// Shared by the track record's phase-following strategy and the backtest.
import type { DailyClose, EquityMetrics } from '../domain/track-record.js';
import { isoDayNumber } from '../domain/day-number.js';
import { mean } from '../signals/stats/mean.js';
import { sampleStandardDeviation } from '../signals/stats/sample-standard-deviation.js';

/** Days per year for annualising 24/7 crypto returns (CAGR years of 365 days, volatility × √365). */
export const DAYS_PER_YEAR = 365;

export interface EquityCurvePoint {
  readonly date: string;
  /** Starting capital 1. */
  readonly equity: number;
  /** Exposure held from this close to the next, fraction of equity. */
  readonly exposure: number;
  /** 1 − equity / running peak, fraction ≥ 0. */
  readonly drawdown: number;
}

export interface EquityRun {
  readonly metrics: EquityMetrics;
  readonly curve: readonly EquityCurvePoint[];
}

export interface EquityOptions {
  /** Cost in basis points of equity per unit of exposure changed (0.5 → 1 at 10 bps costs 5 bps). Default 0. */
  readonly costBps?: number;
  /** Exposure before the first close, from which the first trade is charged. Default 0 (cash). */
  readonly initialExposure?: number;
}

/**
 * Runs `exposure` (one value per close, in [0, 1]: the share of equity held from that close to the
 * next, decided at that close) over `closes` (ascending) from a starting capital of 1.
 *
 * equity[i] = equity[i−1] × (1 + exposure[i−1] × (close[i]/close[i−1] − 1)), then the trade at close
 * i pays costBps/10,000 × |exposure[i] − exposure[i−1]| of equity (the first trade from
 * initialExposure). Rebalancing a fractional exposure as prices drift is not charged.
 * Figures: totalReturn, logGrowth = ln(final equity), CAGR over 365-day years; max drawdown of the
 * equity curve with its peak, trough and recovery dates; from the daily equity returns: volatility
 * (sample sd × √365), Sharpe (mean / sd × √365, risk-free 0), Sortino (mean / √mean(min(r, 0)²) × √365),
 * Calmar (CAGR / max drawdown); over the held days (all closes but the last): time in market (share
 * with exposure > 0) and mean exposure; switches (days the exposure changed, the first trade not
 * counted), turnover (Σ |change|, the first trade counted) and fees paid. Ratios are null when their
 * denominator is 0 or fewer than two returns exist. Example: closes 100, 110, 99 held fully at 0 bps:
 * equity 1, 1.1, 0.99, max drawdown 10 % from the second close to the third, total return −1 %.
 */
export function equityMetrics(
  closes: readonly DailyClose[],
  exposure: readonly number[],
  options: EquityOptions = {},
): EquityRun {
  const { costBps = 0, initialExposure = 0 } = options;
  const n = closes.length;
  if (n === 0) throw new RangeError('equityMetrics: no closes');
  if (exposure.length !== n)
    throw new RangeError(`equityMetrics: ${exposure.length} exposures for ${n} closes: need one per close`);
  if (!(costBps >= 0)) throw new RangeError(`equityMetrics: costBps is ${costBps}: must be ≥ 0`);
  let previousDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const e = exposure[i]!;
    if (!(e >= 0 && e <= 1)) throw new RangeError(`equityMetrics: exposure[${i}] is ${e}: must be in [0, 1]`);
    const { date, close } = closes[i]!;
    if (!(close > 0 && Number.isFinite(close)))
      throw new RangeError(`equityMetrics: closes[${i}].close (${date}) is ${close}: must be a positive number`);
    const day = isoDayNumber(date);
    if (!(day > previousDay))
      throw new RangeError(`equityMetrics: closes[${i}].date "${date}" is not a date after the one before`);
    previousDay = day;
  }

  const cost = costBps / 10_000;
  const curve: EquityCurvePoint[] = [];
  const returns: number[] = [];
  let equity = 1;
  let fees = 0;
  let turnover = 0;
  let switches = 0;
  let peak = 0;
  let peakIndex = 0;
  let maxDrawdown = 0;
  let ddPeak = -1;
  let ddTrough = -1;
  for (let i = 0; i < n; i++) {
    const before = equity;
    if (i > 0) equity *= 1 + exposure[i - 1]! * (closes[i]!.close / closes[i - 1]!.close - 1);
    const change = Math.abs(exposure[i]! - (i > 0 ? exposure[i - 1]! : initialExposure));
    const fee = equity * cost * change;
    equity -= fee;
    fees += fee;
    turnover += change;
    if (i > 0 && exposure[i] !== exposure[i - 1]) switches++;
    if (i > 0) returns.push(equity / before - 1);
    if (i === 0 || equity > peak) [peak, peakIndex] = [equity, i];
    const drawdown = 1 - equity / peak;
    if (drawdown > maxDrawdown) [maxDrawdown, ddPeak, ddTrough] = [drawdown, peakIndex, i];
    curve.push({ date: closes[i]!.date, equity, exposure: exposure[i]!, drawdown });
  }
  let recovery: number | null = null;
  if (ddTrough >= 0)
    for (let i = ddTrough + 1; i < n && recovery === null; i++)
      if (curve[i]!.equity >= curve[ddPeak]!.equity) recovery = i;

  const firstDate = closes[0]!.date;
  const lastDate = closes[n - 1]!.date;
  const years = (isoDayNumber(lastDate) - isoDayNumber(firstDate)) / DAYS_PER_YEAR;
  const cagr = years > 0 ? equity ** (1 / years) - 1 : null;
  const sd = sampleStandardDeviation(returns);
  const meanReturn = mean(returns);
  const downside = returns.length >= 2 ? Math.sqrt(mean(returns.map((r) => Math.min(r, 0) ** 2))) : 0;
  const annual = Math.sqrt(DAYS_PER_YEAR);
  const held = exposure.slice(0, n - 1);
  const logGrowth = Math.log(equity);
  const metrics: EquityMetrics = {
    firstDate,
    lastDate,
    days: n,
    finalEquity: equity,
    totalReturn: equity - 1,
    logGrowth,
    cagr,
    maxDrawdown,
    maxDrawdownPeakDate: ddPeak >= 0 ? closes[ddPeak]!.date : null,
    maxDrawdownTroughDate: ddTrough >= 0 ? closes[ddTrough]!.date : null,
    maxDrawdownRecoveryDate: recovery === null ? null : closes[recovery]!.date,
    volatilityAnnualised: returns.length >= 2 ? sd * annual : null,
    sharpe: returns.length >= 2 && sd > 0 ? (meanReturn / sd) * annual : null,
    sortino: downside > 0 ? (meanReturn / downside) * annual : null,
    calmar: cagr !== null && maxDrawdown > 0 ? cagr / maxDrawdown : null,
    timeInMarket: held.length > 0 ? held.filter((e) => e > 0).length / held.length : null,
    meanExposure: held.length > 0 ? mean(held) : null,
    switches,
    turnover,
    feesPaid: fees,
    logGrowthPerMaxDrawdown: maxDrawdown > 0 ? logGrowth / maxDrawdown : null,
  };
  return { metrics, curve };
}
