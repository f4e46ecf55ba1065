// The backtest contract (backtest.ts) in zod: the API's response schema, from which the OpenAPI
// document is generated. A test parses a built result with it; a compile-time check keeps the two
// in step.
import { z } from 'zod';
import { PHASE_LABELS } from './analysis-terms.js';
import { ANALYSED_ASSETS } from './assets.js';
import type { BacktestResult } from './backtest.js';
import { SAMPLES } from './track-record.js';
import { equityMetricsSchema } from './track-record-schema.js';

const date = z.string().meta({ description: 'YYYY-MM-DD' });
const usd = (description: string) => z.number().meta({ description: `${description} (USD)` });
const fraction = (description: string) => z.number().meta({ description: `${description} (fraction: 0.25 = 25 %)` });

export const backtestTradeSchema = z.object({
  date: date.meta({ description: 'Decision date; the fill is at this bar’s close.' }),
  side: z.enum(['buy', 'sell']),
  closeUsd: usd('The bar’s close'),
  priceUsd: usd('Fill price after slippage'),
  units: z.number().meta({ description: 'Coins bought or sold' }),
  notionalUsd: usd('units × price'),
  feeUsd: usd('Fee paid'),
  slippageUsd: usd('What slippage cost'),
  cashAfterUsd: usd('Cash after the fill'),
  unitsAfter: z.number(),
  exposureAfter: fraction('Share of equity in the asset after the fill'),
  label: z.enum(PHASE_LABELS),
  reason: z.string().meta({ description: 'Why the strategy traded, with the numbers it read.' }),
});

export const backtestMetricsSchema = equityMetricsSchema.extend({
  startCashUsd: usd('Starting cash'),
  finalEquityUsd: usd('Equity at the last close'),
  trades: z.number().int(),
  feesPaidUsd: usd('Fees paid'),
  slippageUsd: usd('Slippage paid'),
  averageEntryPriceUsd: usd('Mean fill price of the buys').nullable(),
  periodVwapUsd: usd('Volume-weighted mean close of the window'),
  periodLowUsd: usd('Lowest close of the window'),
  periodLowDate: date,
  entryVsVwap: fraction('averageEntryPrice / VWAP − 1').nullable(),
  entryAboveLow: fraction('averageEntryPrice / low − 1').nullable(),
  firstBuyDate: date.nullable(),
  daysToFirstBuy: z.number().int().nullable(),
});

export const strategyRunSchema = z.object({
  strategy: z.string().meta({ description: 'Shipped id or user strategy name.' }),
  title: z.string(),
  description: z.string().meta({ description: 'The rules with the options in force.' }),
  user: z.boolean(),
  metrics: backtestMetricsSchema,
  trades: z.array(backtestTradeSchema),
  curve: z.array(
    z.object({
      date,
      equityUsd: usd('Equity at the close'),
      drawdown: fraction('1 − equity / running peak'),
      exposure: fraction('Share of equity in the asset'),
    }),
  ),
});

export const backtestResultSchema = z
  .object({
    asset: z.enum(ANALYSED_ASSETS),
    simulated: z.boolean(),
    asOf: date.meta({ description: 'The history was loaded as known at this date.' }),
    from: date,
    to: date,
    startCashUsd: usd('Starting cash'),
    feeBps: z.number().meta({ description: 'Fee per fill (basis points of the notional).' }),
    slippageBps: z.number().meta({ description: 'Slippage per fill (basis points of the price).' }),
    timing: z.string().meta({ description: 'When decisions are made and filled.' }),
    periods: z.array(
      z.object({
        name: z.string(),
        from: date,
        to: date,
        sample: z.enum([...SAMPLES, 'whole']),
        runs: z.array(strategyRunSchema),
      }),
    ),
    closes: z.array(z.object({ date, close: usd('Daily close') })),
    calls: z.array(z.object({ date, label: z.enum(PHASE_LABELS) })),
  })
  .meta({ description: 'The backtest contract (src/domain/backtest.ts).' });

// Compile-time: the schema's output is a BacktestResult and names no other top-level field.
type Output = z.output<typeof backtestResultSchema>;
const SCHEMA_DESCRIBES_THE_CONTRACT: Output extends BacktestResult
  ? [Exclude<keyof BacktestResult, keyof Output>, Exclude<keyof Output, keyof BacktestResult>] extends [never, never]
    ? true
    : false
  : false = true;
void SCHEMA_DESCRIBES_THE_CONTRACT;
