// The backtest contract: what each investor's playbook would have done, replayed point-in-time — the
// strategies' equity and drawdown curves, exposure, trades and figures per period (in-sample and
// out-of-sample apart). What `tidemark backtest --json`, `/api/backtest`, the report and the
// dashboard carry. Units: money in USD, shares and returns as fractions (0.25 = 25 %), prices USD
// per coin. backtest-schema.ts describes the same shapes in zod for the API and its OpenAPI document.
import type { AnalysedAsset } from './assets.js';
import type { PhaseLabel } from './analysis-terms.js';
import type { EquityMetrics, Sample } from './track-record.js';

/** The strategies Tidemark ships (docs/playbook.md gives each one's rules). */
export const SHIPPED_STRATEGIES = [
  'buy-and-hold',
  'dca',
  'phased-accumulation',
  'right-side-confirmation',
  'phase-following',
] as const;
export type ShippedStrategyId = (typeof SHIPPED_STRATEGIES)[number];

/**
 * How decisions meet prices, in one sentence every output repeats: a decision dated D reads only what
 * was published before 00:00 UTC of D+1 (daily bars through D−1, ETF flows through D−1) and fills at
 * close(D), the next bar's close — the track record's convention (a call dated D executes at close(D)).
 */
export const BACKTEST_TIMING =
  'A decision dated D reads only what was published before 00:00 UTC of D+1 (bars through D−1) and fills at the close of bar D (the next bar); decisions are taken on US trading days.';

/**
 * The money settings every surface uses unless told otherwise: cash 10,000 USD; fee 10 bps (the base
 * spot taker fee of the largest exchange, as the track record); slippage 5 bps (half a typical BTC
 * spread plus impact for a retail-sized order).
 */
export const BACKTEST_DEFAULTS = { cashUsd: 10_000, feeBps: 10, slippageBps: 5 } as const;

/** One executed order. */
export interface BacktestTrade {
  /** The decision date, which is also the bar whose close filled it. */
  readonly date: string;
  readonly side: 'buy' | 'sell';
  /** The bar's close, USD. */
  readonly closeUsd: number;
  /** Fill price after slippage (above the close for a buy, below for a sell), USD. */
  readonly priceUsd: number;
  readonly units: number;
  /** units × priceUsd. */
  readonly notionalUsd: number;
  readonly feeUsd: number;
  /** units × |priceUsd − closeUsd|: what slippage cost. */
  readonly slippageUsd: number;
  readonly cashAfterUsd: number;
  readonly unitsAfter: number;
  /** Share of equity in the asset after the fill. */
  readonly exposureAfter: number;
  /** The phase call of the decision day. */
  readonly label: PhaseLabel;
  /** Why the strategy traded, with the numbers it read. */
  readonly reason: string;
}

/** The figures of one strategy run: the equity figures plus the ledger's. */
export interface BacktestMetrics extends EquityMetrics {
  readonly startCashUsd: number;
  readonly finalEquityUsd: number;
  /** Orders filled. */
  readonly trades: number;
  readonly feesPaidUsd: number;
  readonly slippageUsd: number;
  /** Mean fill price of the buys (Σ notional / Σ units), USD; null without buys. */
  readonly averageEntryPriceUsd: number | null;
  /** The window's volume-weighted mean close (equal weights when volume is missing), USD. */
  readonly periodVwapUsd: number;
  /** The window's lowest close and its date. */
  readonly periodLowUsd: number;
  readonly periodLowDate: string;
  /** averageEntryPrice / periodVwap − 1 (negative: bought cheaper than the average day). */
  readonly entryVsVwap: number | null;
  /** averageEntryPrice / periodLow − 1 (≥ 0: how far above the low the buys were). */
  readonly entryAboveLow: number | null;
  /** Date of the first buy; null when the strategy never bought. */
  readonly firstBuyDate: string | null;
  /** Calendar days from the window's first day to the first buy. */
  readonly daysToFirstBuy: number | null;
}

/** One point of a run's curves (every calendar day of the window). */
export interface BacktestCurvePoint {
  readonly date: string;
  readonly equityUsd: number;
  /** 1 − equity / running peak. */
  readonly drawdown: number;
  /** Share of equity in the asset at the close. */
  readonly exposure: number;
}

/** One strategy over one period. */
export interface StrategyRun {
  /** Shipped id, or the user strategy's name. */
  readonly strategy: string;
  readonly title: string;
  /** The rules in one paragraph, with the options in force. */
  readonly description: string;
  /** Whether it came from a user file. */
  readonly user: boolean;
  readonly metrics: BacktestMetrics;
  readonly trades: readonly BacktestTrade[];
  /** Omitted by sweeps. */
  readonly curve: readonly BacktestCurvePoint[];
}

/** A period of the backtest; both ends included. */
export interface BacktestPeriodResult {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** 'whole' when the period spans both samples. */
  readonly sample: Sample | 'whole';
  readonly runs: readonly StrategyRun[];
}

/** One decision day of the window, for the charts: the close known that day and the call. */
export interface BacktestCallPoint {
  readonly date: string;
  readonly label: PhaseLabel;
}

/** The whole answer of `tidemark backtest` / `/api/backtest`. */
export interface BacktestResult {
  readonly asset: AnalysedAsset;
  readonly simulated: boolean;
  /** The history was loaded as known at this date. */
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
  readonly startCashUsd: number;
  readonly feeBps: number;
  readonly slippageBps: number;
  readonly timing: string;
  readonly periods: readonly BacktestPeriodResult[];
  /** Daily closes over the window (the price chart). */
  readonly closes: readonly { readonly date: string; readonly close: number }[];
  /** The phase calls of the window's decision days. */
  readonly calls: readonly BacktestCallPoint[];
}

/** One combination of a parameter sweep. */
export interface SweepCombination {
  /** The swept keys and their values. */
  readonly parameters: Readonly<Record<string, number | string>>;
  /** Whole window. */
  readonly whole: BacktestMetrics;
  readonly inSample: BacktestMetrics | null;
  readonly outOfSample: BacktestMetrics | null;
}

/** A parameter sweep: every combination, the best, and the out-of-sample result of the in-sample best. */
export interface SweepResult {
  readonly asset: AnalysedAsset;
  readonly simulated: boolean;
  readonly strategy: string;
  /** The figure ranked on (higher is better). */
  readonly objective: SweepObjective;
  readonly from: string;
  readonly to: string;
  readonly combinations: readonly SweepCombination[];
  /** Index of the best combination on the in-sample period (null when there is none). */
  readonly inSampleBest: number | null;
  /** Index of the best combination on the out-of-sample period (for reference only: chosen on the data it is scored on). */
  readonly outOfSampleBest: number | null;
  /** Index of the best combination over the whole window (chosen on the data it is scored on). */
  readonly wholeBest: number;
  /** Where the rank of the in-sample best falls out of sample (1 = best), null without both periods. */
  readonly inSampleBestOutOfSampleRank: number | null;
  readonly note: string;
  readonly seconds: number;
}

export const SWEEP_OBJECTIVES = ['sharpe', 'cagr', 'calmar', 'sortino', 'total-return'] as const;
export type SweepObjective = (typeof SWEEP_OBJECTIVES)[number];

/** The report's playbook backtests: every shipped strategy since the de-risking episode began and over the full history. */
export interface PlaybookBacktests {
  /** First day of the latest de-risking episode (domain/de-risking-episode.ts); null without waves. */
  readonly episodeStart: string | null;
  /** The strategies from the episode start to the as-of date; null without an episode or a decision day in it. */
  readonly episode: BacktestResult | null;
  /** The strategies over every replayed day up to the as-of date. */
  readonly fullHistory: BacktestResult;
}
