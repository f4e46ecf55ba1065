// One strategy over one window of the market: from the window's first decision day, each decision
// day asks the strategy for an order and fills it at that day's close (BACKTEST_TIMING); every
// calendar day's close marks the equity. Figures from the one curve implementation (curveMetrics)
// plus the ledger's: trades, fees, slippage, average entry against the window's VWAP and low.
import type { BacktestCurvePoint, BacktestMetrics, StrategyRun } from '../domain/backtest.js';
import { daysBetween } from '../domain/dates.js';
import { curveMetrics } from './equity-metrics.js';
import { Ledger, type TradingCosts } from './ledger.js';
import type { BacktestMarket } from './market.js';
import type { Strategy } from './strategy.js';

export interface RunSettings extends TradingCosts {
  readonly startCashUsd: number;
  /** Keep the daily curve (default true; sweeps turn it off). */
  readonly curve?: boolean;
}

/** First index in `items` whose date is ≥ `date` (items ascending). */
function firstOnOrAfter(items: readonly { readonly date: string }[], date: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The window's bounds in the market: first decision day ≥ from, last close ≤ to; null when empty. */
export function windowBounds(
  market: BacktestMarket,
  from: string,
  to: string,
): { firstClose: number; lastClose: number; firstDay: number; lastDay: number } | null {
  const firstDay = firstOnOrAfter(market.days, from);
  const day = market.days[firstDay];
  if (day === undefined || day.date > to) return null;
  const firstClose = firstOnOrAfter(market.closes, day.date);
  const lastClose = firstOnOrAfter(market.closes, nextDay(to)) - 1;
  if (lastClose < firstClose) return null;
  const lastDay = firstOnOrAfter(market.days, nextDay(market.closes[lastClose]!.date)) - 1;
  return { firstClose, lastClose, firstDay, lastDay };
}

/** The string just after an ISO date in sort order (for "≤ date" searches). */
const nextDay = (date: string): string => `${date}~`;

/**
 * Runs `strategy` over [from, to] with fresh cash. Throws a RangeError naming the window when it
 * holds no decision day with a close.
 */
export function runStrategy(
  market: BacktestMarket,
  strategy: Strategy,
  window: { readonly from: string; readonly to: string },
  settings: RunSettings,
): StrategyRun {
  const bounds = windowBounds(market, window.from, window.to);
  if (bounds === null)
    throw new RangeError(
      `runStrategy: no decision day with a close between ${window.from} and ${window.to} for ${market.asset}`,
    );
  const { firstClose, lastClose, firstDay, lastDay } = bounds;
  const { closes, days } = market;
  const ledger = new Ledger(settings.startCashUsd, settings);
  const decisionDates: string[] = [];
  for (let k = firstDay; k <= lastDay; k += 1) decisionDates.push(days[k]!.date);
  const decide = strategy.start({ startCashUsd: settings.startCashUsd, decisionDates });
  const n = lastClose - firstClose + 1;
  const dates: string[] = new Array(n);
  const equity = new Float64Array(n);
  const exposure = new Float64Array(n);
  let k = firstDay;
  let tradeDays = 0;
  for (let i = firstClose; i <= lastClose; i += 1) {
    const { date, close } = closes[i]!;
    if (k <= lastDay && days[k]!.date === date) {
      const day = days[k]!;
      const order = decide(day, {
        cashUsd: ledger.cashUsd,
        units: ledger.units,
        positionCostUsd: ledger.positionCostUsd,
      });
      let filled = false;
      if (order !== null) {
        if (order.kind === 'buy') filled = ledger.buy(order.cashUsd, close, date, day.label, order.reason);
        else if (order.kind === 'sell-all') filled = ledger.sell(ledger.units, close, date, day.label, order.reason);
        else filled = ledger.target(order.exposure, close, date, day.label, order.reason);
      }
      if (filled) tradeDays += 1;
      k += 1;
    }
    const value = ledger.equityAt(close);
    const j = i - firstClose;
    dates[j] = date;
    equity[j] = value / settings.startCashUsd;
    exposure[j] = value > 0 ? (ledger.units * close) / value : 0;
  }
  const costs = ledger.feesUsd + ledger.slippageUsd;
  const base = curveMetrics(dates, equity, exposure, {
    switches: Math.max(0, tradeDays - 1),
    turnover: ledger.turnover,
    feesPaid: costs / settings.startCashUsd,
  });
  const metrics = withLedgerFigures(base, market, firstClose, lastClose, ledger, settings.startCashUsd);
  let curve: BacktestCurvePoint[] = [];
  if (settings.curve !== false) {
    curve = new Array(n);
    let peak = 0;
    for (let j = 0; j < n; j += 1) {
      if (j === 0 || equity[j]! > peak) peak = equity[j]!;
      curve[j] = {
        date: dates[j]!,
        equityUsd: equity[j]! * settings.startCashUsd,
        drawdown: 1 - equity[j]! / peak,
        exposure: exposure[j]!,
      };
    }
  }
  return {
    strategy: strategy.id,
    title: strategy.title,
    description: strategy.description,
    user: strategy.user,
    metrics,
    trades: ledger.trades,
    curve,
  };
}

/** Adds the ledger's figures: money, trades, entry price against the window's VWAP and low. */
function withLedgerFigures(
  base: ReturnType<typeof curveMetrics>,
  market: BacktestMarket,
  firstClose: number,
  lastClose: number,
  ledger: Ledger,
  startCashUsd: number,
): BacktestMetrics {
  let low = Number.POSITIVE_INFINITY;
  let lowDate = '';
  let weighted = 0;
  let weights = 0;
  let plain = 0;
  for (let i = firstClose; i <= lastClose; i += 1) {
    const { date, close } = market.closes[i]!;
    if (close < low) [low, lowDate] = [close, date];
    const v = market.volumeUnits[i]!;
    plain += close;
    if (Number.isFinite(v) && v >= 0) {
      weighted += close * v;
      weights += v;
    }
  }
  // Weighted by the coins traded on the days with a volume (filled gap days have none); equal
  // weights when no day has one.
  const vwap = weights > 0 ? weighted / weights : plain / (lastClose - firstClose + 1);
  const averageEntry = ledger.boughtUnits > 0 ? ledger.boughtNotionalUsd / ledger.boughtUnits : null;
  const firstBuy = ledger.trades.find((t) => t.side === 'buy')?.date ?? null;
  return {
    ...base,
    startCashUsd,
    finalEquityUsd: base.finalEquity * startCashUsd,
    trades: ledger.trades.length,
    feesPaidUsd: ledger.feesUsd,
    slippageUsd: ledger.slippageUsd,
    averageEntryPriceUsd: averageEntry,
    periodVwapUsd: vwap,
    periodLowUsd: low,
    periodLowDate: lowDate,
    entryVsVwap: averageEntry === null ? null : averageEntry / vwap - 1,
    entryAboveLow: averageEntry === null ? null : averageEntry / low - 1,
    firstBuyDate: firstBuy,
    daysToFirstBuy: firstBuy === null ? null : daysBetween(market.closes[firstClose]!.date, firstBuy),
  };
}
