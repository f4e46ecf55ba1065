// The comparison: every strategy over the same days of each period, buy-and-hold first as the
// reference, fresh cash at each period's start. The BacktestResult the CLI, the API, the report and
// the dashboard share.
import type { BacktestResult, StrategyRun } from '../domain/backtest.js';
import { BACKTEST_TIMING } from '../domain/backtest.js';
import type { BacktestMarket } from './market.js';
import { backtestPeriods } from './periods.js';
import { runStrategy, windowBounds, type RunSettings } from './run-strategy.js';
import type { Strategy } from './strategy.js';
import { shippedStrategy } from './strategy-kinds.js';

export interface CompareRequest extends Omit<RunSettings, 'curve'> {
  readonly from: string;
  readonly to: string;
  /** Keep each run's daily curve (default true). */
  readonly curves?: boolean;
  /** Only the whole window, not the in-sample / out-of-sample periods apart (default false). */
  readonly wholeOnly?: boolean;
}

/**
 * Runs `strategies` (buy-and-hold is added first when missing) over each period of [from, to].
 * Throws a RangeError naming the window when it holds no decision day with a close.
 */
export function compareStrategies(
  market: BacktestMarket,
  strategies: readonly Strategy[],
  request: CompareRequest,
): BacktestResult {
  const bounds = windowBounds(market, request.from, request.to);
  if (bounds === null)
    throw new RangeError(
      `backtest: no decision day with a close between ${request.from} and ${request.to} for ${market.asset} (prices ${market.closes[0]?.date ?? '–'} to ${market.closes.at(-1)?.date ?? '–'})`,
    );
  const from = market.closes[bounds.firstClose]!.date;
  const to = market.closes[bounds.lastClose]!.date;
  const all = strategies.some((s) => s.id === 'buy-and-hold')
    ? strategies
    : [shippedStrategy('buy-and-hold'), ...strategies];
  const ordered = [...all.filter((s) => s.id === 'buy-and-hold'), ...all.filter((s) => s.id !== 'buy-and-hold')];
  const settings: RunSettings = {
    startCashUsd: request.startCashUsd,
    feeBps: request.feeBps,
    slippageBps: request.slippageBps,
    curve: request.curves !== false,
  };
  const periods = backtestPeriods(market.asset, from, to, market.simulated);
  const chosen = request.wholeOnly ? periods.slice(0, 1) : periods;
  return {
    asset: market.asset,
    simulated: market.simulated,
    asOf: market.asOf,
    from,
    to,
    startCashUsd: request.startCashUsd,
    feeBps: request.feeBps,
    slippageBps: request.slippageBps,
    timing: BACKTEST_TIMING,
    periods: chosen.map((period) => ({
      ...period,
      runs: ordered.map((s): StrategyRun => runStrategy(market, s, period, settings)),
    })),
    closes: market.closes.slice(bounds.firstClose, bounds.lastClose + 1),
    calls: market.days.slice(bounds.firstDay, bounds.lastDay + 1).map((d) => ({ date: d.date, label: d.label })),
  };
}
