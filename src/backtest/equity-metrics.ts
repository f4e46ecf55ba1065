// The equity curve of a daily exposure series and its performance figures: growth, drawdown with its
// dates, volatility, Sharpe, Sortino, Calmar, time in market, switches, turnover and fees.
// Shared by the track record's phase-following strategy and the backtest's cash/units ledger
// (curveMetrics is the one implementation of the figures).
import type { DailyClose, EquityMetrics } from '../domain/track-record.js';
import { isoDayNumber } from '../domain/day-number.js';

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
  const equity = new Float64Array(n);
  let value = 1;
  let fees = 0;
  let turnover = 0;
  let switches = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) value *= 1 + exposure[i - 1]! * (closes[i]!.close / closes[i - 1]!.close - 1);
    const change = Math.abs(exposure[i]! - (i > 0 ? exposure[i - 1]! : initialExposure));
    const fee = value * cost * change;
    value -= fee;
    fees += fee;
    turnover += change;
    if (i > 0 && exposure[i] !== exposure[i - 1]) switches++;
    equity[i] = value;
  }
  const dates = closes.map((c) => c.date);
  const metrics = curveMetrics(dates, equity, exposure, { switches, turnover, feesPaid: fees });
  const curve: EquityCurvePoint[] = [];
  let peak = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || equity[i]! > peak) peak = equity[i]!;
    curve.push({ date: dates[i]!, equity: equity[i]!, exposure: exposure[i]!, drawdown: 1 - equity[i]! / peak });
  }
  return { metrics, curve };
}

/** What trading cost and how often it happened, counted by the caller (see equityMetrics for the definitions). */
export interface TradingTotals {
  /** Days the exposure changed, the first trade not counted. */
  readonly switches: number;
  /** Σ |exposure change|, units of equity, the first trade counted. */
  readonly turnover: number;
  /** Costs paid, units of the starting capital. */
  readonly feesPaid: number;
}

/**
 * The performance figures of an equity curve: `equity[i]` is the value at close i in units of the
 * starting capital (1 before any cost; the first point is after the first trade) and `exposure[i]`
 * the share held from close i to the next. The one implementation of growth, drawdown (with its
 * peak, trough and recovery dates), volatility, Sharpe, Sortino, Calmar and time in market, shared by
 * the exposure runs (equityMetrics) and the cash/units ledger (backtest/ledger.ts); the formulas
 * are those listed on equityMetrics. `dates` ascend, one per close; O(n) without allocation beyond
 * the result.
 */
export function curveMetrics(
  dates: readonly string[],
  equity: ArrayLike<number>,
  exposure: ArrayLike<number>,
  trading: TradingTotals,
): EquityMetrics {
  const n = dates.length;
  if (n === 0) throw new RangeError('curveMetrics: no closes');
  if (equity.length !== n || exposure.length !== n)
    throw new RangeError(
      `curveMetrics: ${equity.length} equity values and ${exposure.length} exposures for ${n} dates: need one each per date`,
    );
  let peak = 0;
  let peakIndex = 0;
  let maxDrawdown = 0;
  let ddPeak = -1;
  let ddTrough = -1;
  // Welford's running mean and variance of the daily returns, and the downside sum of squares.
  let count = 0;
  let meanReturn = 0;
  let m2 = 0;
  let downsideSquares = 0;
  let heldDays = 0;
  let heldExposure = 0;
  for (let i = 0; i < n; i++) {
    const e = equity[i]!;
    if (i > 0) {
      const r = e / equity[i - 1]! - 1;
      count += 1;
      const delta = r - meanReturn;
      meanReturn += delta / count;
      m2 += delta * (r - meanReturn);
      if (r < 0) downsideSquares += r * r;
    }
    if (i < n - 1) {
      const x = exposure[i]!;
      if (x > 0) heldDays += 1;
      heldExposure += x;
    }
    if (i === 0 || e > peak) [peak, peakIndex] = [e, i];
    const drawdown = 1 - e / peak;
    if (drawdown > maxDrawdown) [maxDrawdown, ddPeak, ddTrough] = [drawdown, peakIndex, i];
  }
  let recovery: number | null = null;
  if (ddTrough >= 0)
    for (let i = ddTrough + 1; i < n && recovery === null; i++) if (equity[i]! >= equity[ddPeak]!) recovery = i;

  const final = equity[n - 1]!;
  const firstDate = dates[0]!;
  const lastDate = dates[n - 1]!;
  const years = (isoDayNumber(lastDate) - isoDayNumber(firstDate)) / DAYS_PER_YEAR;
  const cagr = years > 0 ? final ** (1 / years) - 1 : null;
  const sd = count >= 2 ? Math.sqrt(m2 / (count - 1)) : 0;
  const downside = count >= 2 ? Math.sqrt(downsideSquares / count) : 0;
  const annual = Math.sqrt(DAYS_PER_YEAR);
  const held = n - 1;
  const logGrowth = Math.log(final);
  return {
    firstDate,
    lastDate,
    days: n,
    finalEquity: final,
    totalReturn: final - 1,
    logGrowth,
    cagr,
    maxDrawdown,
    maxDrawdownPeakDate: ddPeak >= 0 ? dates[ddPeak]! : null,
    maxDrawdownTroughDate: ddTrough >= 0 ? dates[ddTrough]! : null,
    maxDrawdownRecoveryDate: recovery === null ? null : dates[recovery]!,
    volatilityAnnualised: count >= 2 ? sd * annual : null,
    sharpe: count >= 2 && sd > 0 ? (meanReturn / sd) * annual : null,
    sortino: downside > 0 ? (meanReturn / downside) * annual : null,
    calmar: cagr !== null && maxDrawdown > 0 ? cagr / maxDrawdown : null,
    timeInMarket: held > 0 ? heldDays / held : null,
    meanExposure: held > 0 ? heldExposure / held : null,
    switches: trading.switches,
    turnover: trading.turnover,
    feesPaid: trading.feesPaid,
    logGrowthPerMaxDrawdown: maxDrawdown > 0 ? logGrowth / maxDrawdown : null,
  };
}
