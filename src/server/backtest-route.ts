// /api/backtest: the playbook's strategies over a window, from the history replayed point-in-time.
// The query is checked by backtestQuerySchema (a bad field is a 400 naming it); the replayed history
// (the slow part) is kept per asset, as-of date and store revision, so a second window or another
// set of strategies over the same history answers at once.
import { z } from 'zod';
import { compareStrategies } from '../backtest/compare.js';
import { backtestHistoryFromStore, type BacktestHistory } from '../backtest/load-backtest.js';
import { shippedStrategy } from '../backtest/strategy-kinds.js';
import { ANALYSED_ASSETS, type AnalysedAsset } from '../domain/assets.js';
import { SHIPPED_STRATEGIES, type BacktestResult } from '../domain/backtest.js';
import { isIsoDate } from '../domain/dates.js';
import type { Store } from '../store/store.js';
import { ApiError } from './api-error.js';
import { LruCache } from './lru-cache.js';

const blankAsAbsent = (value: unknown): unknown => (value === '' ? undefined : value);
const optionalDate = (description: string) =>
  z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be written YYYY-MM-DD')
      .refine(isIsoDate, { message: 'is not a real calendar date' })
      .optional()
      .meta({ description, examples: ['2025-10-01'] }),
  );
const numberParam = (description: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (v: unknown) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? Number(v) : v),
    z.number().min(min).max(max).default(fallback).meta({ description }),
  );

export const backtestQuerySchema = z
  .strictObject({
    asset: z
      .preprocess(
        (v: unknown) => (typeof v === 'string' ? (v === '' ? undefined : v.toUpperCase()) : v),
        z.enum(ANALYSED_ASSETS).default('BTC'),
      )
      .meta({ description: 'Analysed asset (case-insensitive). Default BTC.' }),
    strategies: z
      .preprocess(
        (v: unknown) =>
          v === undefined || v === ''
            ? undefined
            : (Array.isArray(v) ? v : [v])
                .flatMap((x) => (typeof x === 'string' ? x.split(',') : [x]))
                .map((x) => (typeof x === 'string' ? x.trim() : x)),
        z.array(z.enum(SHIPPED_STRATEGIES)).min(1).optional(),
      )
      .meta({
        description: `Shipped strategies, comma-separated (default all: ${SHIPPED_STRATEGIES.join(', ')}); buy-and-hold is always included.`,
      }),
    from: optionalDate('First decision date (default: the first replayed day).'),
    to: optionalDate('Last date (default: the latest close).'),
    asOf: optionalDate('Load the history as known at this date (default: the latest data).'),
    cash: numberParam('Starting cash, USD (default 10,000).', 1, 1e12, 10_000),
    feeBps: numberParam('Fee per fill, basis points of the notional (default 10).', 0, 1000, 10),
    slippageBps: numberParam('Slippage per fill, basis points of the price (default 5).', 0, 1000, 5),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from'],
  });
export type BacktestQuery = z.infer<typeof backtestQuerySchema>;

/** Computes a backtest answer for a checked query. */
export type BacktestFn = (store: Store, query: BacktestQuery) => Promise<BacktestResult>;

/**
 * The default BacktestFn: histories replayed once per (asset, asOf, store revision), the last
 * `histories` (default 4) kept. A window with no decision day is a 400 naming "from".
 */
export function cachedBacktest(histories = 4): BacktestFn {
  const cache = new LruCache<BacktestHistory>(histories);
  return async (store, query) => {
    const asset: AnalysedAsset = query.asset;
    const key = `${asset}|${query.asOf ?? 'latest'}|${await store.revision()}`;
    const history = await cache.getOrCompute(key, () =>
      backtestHistoryFromStore(store, { asset, ...(query.asOf ? { to: query.asOf } : {}) }),
    );
    const ids = query.strategies ?? [...SHIPPED_STRATEGIES];
    try {
      return compareStrategies(history.market, [...new Set(ids)].map(shippedStrategy), {
        from: query.from ?? '0000-01-01',
        to: query.to ?? '9999-12-31',
        startCashUsd: query.cash,
        feeBps: query.feeBps,
        slippageBps: query.slippageBps,
      });
    } catch (error) {
      if (error instanceof RangeError)
        throw new ApiError('bad-request', 'invalid-parameter', `query parameter "from": ${error.message}`, 'from');
      throw error;
    }
  };
}
