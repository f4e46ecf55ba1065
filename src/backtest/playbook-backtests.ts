// The report's two backtests of the playbook: every shipped strategy since the latest de-risking
// episode began (the sell-off the note is about) and over the full replayed history, with the
// default money settings. Built from one replayed history; the report only renders the result.
import type { Wave } from '../domain/analysis.js';
import {
  BACKTEST_DEFAULTS,
  SHIPPED_STRATEGIES,
  type BacktestResult,
  type PlaybookBacktests,
} from '../domain/backtest.js';
import { episodeStart } from '../domain/de-risking-episode.js';
import { compareStrategies } from './compare.js';
import type { BacktestMarket } from './market.js';
import { shippedStrategy } from './strategy-kinds.js';

function compareAll(market: BacktestMarket, from: string, to: string): BacktestResult | null {
  try {
    return compareStrategies(market, SHIPPED_STRATEGIES.map(shippedStrategy), {
      from,
      to,
      startCashUsd: BACKTEST_DEFAULTS.cashUsd,
      feeBps: BACKTEST_DEFAULTS.feeBps,
      slippageBps: BACKTEST_DEFAULTS.slippageBps,
    });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Every shipped strategy over the full history of `market` and since the episode the `waves` place
 * before `asOf` began, both ending at `asOf`. Throws a RangeError when the market has no decision
 * day up to `asOf` (nothing to backtest).
 */
export function playbookBacktests(market: BacktestMarket, waves: readonly Wave[], asOf: string): PlaybookBacktests {
  const fullHistory = compareAll(market, '0000-01-01', asOf);
  if (fullHistory === null)
    throw new RangeError(`playbookBacktests: ${market.asset} has no decision day with a close up to ${asOf}`);
  const start = episodeStart(waves, asOf);
  return { episodeStart: start, episode: start === null ? null : compareAll(market, start, asOf), fullHistory };
}
