// The zod schemas of one sell-off's reading (domain/sections/selloff.ts) for the OpenAPI document: the
// cost-of-trading windows, the position measures and the episode as it stood on the as-of date.
import { z } from 'zod';

const nullableNumber = (description: string): z.ZodNullable<z.ZodNumber> => z.number().nullable().meta({ description });
const day = (description: string): z.ZodString => z.string().meta({ description: `${description} (YYYY-MM-DD)` });
const LABELS = ['liquidity-failure', 'position-rebalancing'] as const;

export const costWindowReadingSchema = z
  .object({
    start: day('First crash day of the window'),
    end: day('Last crash day of the window'),
    bars: z.number().meta({ description: 'Bars in the window' }),
    value: z.number().meta({
      description: 'Amihud: mean |r|/DV per USD; Abdi–Ranaldo and Corwin–Schultz: spread as a fraction of price',
    }),
    percentile: z.number().meta({ description: 'Percentile (0–1) among same-length windows of the trailing year' }),
    robustZ: nullableNumber('Robust z-score against the same windows'),
  })
  .meta({ description: 'One window of a cost-of-trading measure on the crash days.' });

export const costMeasureSchema = z.object({
  fall: costWindowReadingSchema.nullable().meta({ description: 'The whole fall so far.' }),
  worst: costWindowReadingSchema.nullable().meta({ description: 'The most extreme acute window.' }),
  level: z.enum(['extreme', 'elevated', 'normal']).nullable(),
});

export const selloffMeasuresSchema = z.object({
  perpOiCoinsChangePct: nullableNumber('Perp OI in coins, peak → low (percent)'),
  cftcOiChangePct: nullableNumber('CFTC total CME open interest between the two reports (percent)'),
  cftcReports: z.object({ from: day('Report before the peak'), to: day('Report after the low') }).nullable(),
  etfHoldingsChangePct: nullableNumber('ETF holdings in coins, peak → low (percent)'),
  etfNetFlowUsd: nullableNumber('ETF net flows during the fall (USD)'),
  etfFlowShareOfAum: nullableNumber('ETF net flows as a fraction of AUM at the peak'),
  longLiquidationsPeakUsd: nullableNumber('Largest crash-day long liquidations (USD)'),
  longLiquidationsPeakDate: z.string().nullable(),
  longLiquidationsMedianUsd: nullableNumber('Median daily long liquidations over the baseline (USD)'),
  longLiquidationsMultiple: nullableNumber('Peak long liquidations over their trailing median'),
  dollarVolumeRatio: nullableNumber('Crash-day dollar volume over the baseline median (descriptive)'),
  crashDays: z.number().meta({ description: 'Bars after the peak up to the lowest close' }),
  baselineBars: z.number().meta({ description: 'Bars in the trailing baseline' }),
  amihud: costMeasureSchema,
  abdiRanaldo: costMeasureSchema,
  corwinSchultz: costMeasureSchema,
});

export const selloffAsOfSchema = z
  .object({
    start: day('The peak the fall started from'),
    end: day('The lowest close so far'),
    drawdownPct: z.number().meta({ description: 'Fall from the peak to the low (percent: −25 = −25 %)' }),
    type: z.enum(LABELS),
    reasons: z.array(z.string()),
    measures: selloffMeasuresSchema,
    classifiedOn: day('First as-of date the episode could be classified'),
    initialType: z.enum(LABELS),
    revisedOn: z.string().nullable().meta({ description: 'Date the label was revised; null when never' }),
  })
  .meta({ description: 'A sell-off as it stood on the as-of date.' });
