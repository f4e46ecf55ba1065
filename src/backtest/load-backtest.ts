// The backtest's history from a store: load the asset's whole history once (as known at `to`),
// replay every US trading day from TRACK_RECORD_START to the last close point-in-time
// (phase/replay.ts) and keep the decision days. The entry point the CLI, the report and the server
// share; building it is the slow part (the replay), every strategy run after it is fast.
import type { Wave } from '../domain/analysis.js';
import type { AnalysedAsset } from '../domain/assets.js';
import type { PlaybookBacktests } from '../domain/backtest.js';
import { dateRange } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { TRACK_RECORD_START } from '../domain/sample-split.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import { replayPhases } from '../phase/replay.js';
import { defaultAsOf, loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { decisionDays } from './decision-days.js';
import { backtestMarket, type BacktestMarket } from './market.js';
import { playbookBacktests } from './playbook-backtests.js';

/** Closes the engine needs before its first call (the 200-day average). */
const WARM_UP_CLOSES = 200;

export interface BacktestHistory {
  readonly market: BacktestMarket;
  /** Days replayed and how long it took. */
  readonly replay: { readonly days: number; readonly seconds: number; readonly rebuiltDays: number };
}

/** The decision dates of a series: US trading days from the 201st close (or TRACK_RECORD_START) to its last close. */
export function decisionDates(series: MarketSeries): string[] {
  const warmUp = series.spot[WARM_UP_CLOSES]?.date;
  const last = series.spot[series.spot.length - 1]?.date;
  if (warmUp === undefined || last === undefined) return [];
  const start = warmUp > TRACK_RECORD_START ? warmUp : TRACK_RECORD_START;
  const end = last < series.asOf ? last : series.asOf;
  return start > end ? [] : dateRange(start, end).filter(isUsTradingDay);
}

/**
 * Replays `series` over its decision dates (from `from` on, when given: a shorter replay for a
 * window that starts later) and builds the backtest market.
 */
export function backtestHistoryOfSeries(
  series: MarketSeries,
  onProgress?: (done: number, total: number) => void,
  from?: string,
): BacktestHistory {
  const dates = decisionDates(series).filter((d) => from === undefined || d >= from);
  const started = performance.now();
  const replay = replayPhases(series, dates, onProgress ? { onProgress } : {});
  const seconds = (performance.now() - started) / 1000;
  return {
    market: backtestMarket(
      { asset: series.asset, simulated: series.simulated, asOf: series.asOf },
      series.spot,
      decisionDays(replay.days),
    ),
    replay: { days: dates.length, seconds, rebuiltDays: replay.rebuiltDays },
  };
}

/** Loads the asset's whole history as known at `to` (default: the latest data) and replays it. */
export async function backtestHistoryFromStore(
  store: Store,
  request: {
    readonly asset: AnalysedAsset;
    readonly to?: string;
    /** Replay from this date only (default: the whole history). */
    readonly from?: string;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<BacktestHistory> {
  const to = request.to ?? (await defaultAsOf(store, request.asset));
  const series = await loadMarketSeries(store, { asset: request.asset, asOf: to, cache: false });
  return backtestHistoryOfSeries(series, request.onProgress, request.from);
}

/** Replays the asset's history as known at `asOf` from the store and builds the report's playbook backtests. */
export async function playbookBacktestsFromStore(
  store: Store,
  request: { readonly asset: AnalysedAsset; readonly asOf: string; readonly waves: readonly Wave[] },
): Promise<PlaybookBacktests> {
  const history = await backtestHistoryFromStore(store, { asset: request.asset, to: request.asOf });
  return playbookBacktests(history.market, request.waves, request.asOf);
}
