// The analysis's signal sections as zod schemas with field descriptions and units, for the OpenAPI
// components (Analysis, EtfFlowsSection, PositioningSection, …). The TypeScript types in
// domain/sections/ are the contract; a compile-time check at the end of this file fails when a schema
// stops describing its type (a field added, removed or retyped on either side).
import { z } from 'zod';
import { FLOW_REGIMES, SEGMENTS, SELLOFF_TYPES } from '../domain/analysis.js';
import { EVENT_KINDS } from '../domain/events.js';
import type { DivergenceSection } from '../domain/sections/divergence.js';
import { DIVERGENCE_KINDS } from '../domain/sections/divergence.js';
import type { EtfFlowsSection } from '../domain/sections/etf-flows.js';
import type { AnalysedEvent } from '../domain/sections/events.js';
import type { LiquiditySection } from '../domain/sections/liquidity.js';
import type { PositioningSection } from '../domain/sections/positioning.js';
import { FUNDING_REGIMES } from '../domain/sections/positioning.js';
import type { TreasuriesSection } from '../domain/sections/treasuries.js';
import type { TrendSignals } from '../domain/sections/trend.js';
import type { WavesDetail } from '../domain/sections/waves.js';
import { selloffAsOfSchema } from './selloff-schemas.js';

/** The OpenAPI components: every schema registered here is emitted under #/components/schemas/<id>. */
export const API_COMPONENTS = z.registry<{ id: string }>();

const described = <S extends z.ZodType>(schema: S, description: string): S => schema.meta({ description });
const usd = (description: string): z.ZodNumber => described(z.number(), `${description} (USD)`);
const pct = (description: string): z.ZodNumber => described(z.number(), `${description} (percent: −25 = −25 %)`);
const fraction = (description: string): z.ZodNumber =>
  described(z.number(), `${description} (a fraction: 0.25 = 25 %)`);
const isoDate = (description: string): z.ZodString => described(z.string(), `${description} (YYYY-MM-DD)`);
const count = (description: string): z.ZodNumber => described(z.number(), description);

export const evidenceSchema = z
  .object({
    signal: z.string().meta({ description: 'The signal the sentence comes from, e.g. "positioning.funding".' }),
    text: z.string().meta({ description: 'A sentence citing the numbers.' }),
    value: z.number().nullable().meta({ description: 'The headline number, in the unit the sentence uses.' }),
    weight: z.number().optional().meta({ description: '+ towards uptrend/bottoming, − towards trend-decline.' }),
  })
  .register(API_COMPONENTS, { id: 'Evidence' });

export const availabilitySchema = z
  .object({
    available: z.boolean(),
    missing: z.array(z.string()).meta({ description: 'Inputs the section lacked.' }),
  })
  .register(API_COMPONENTS, { id: 'Availability' });

const sectionBase = { evidence: z.array(evidenceSchema), availability: availabilitySchema };
const datedValue = z.object({ date: isoDate('Day'), value: z.number() });

export const etfFlowsSectionSchema = z
  .object({
    ...sectionBase,
    regime: z.enum(FLOW_REGIMES).nullable().meta({ description: 'Flow regime over the window.' }),
    directionality: described(z.number().nullable(), 'D = Σflow / Σ|flow| over the window, in [−1, 1]'),
    outflowShare: described(z.number().nullable(), 'Share of outflow days in the window (a fraction)'),
    outflowDays: count('Outflow days in the window'),
    days: count('Trading days in the window'),
    windowFrom: isoDate('First day of the window').nullable(),
    windowTo: isoDate('Last day of the window').nullable(),
    netFlowUsd: usd('Net flow over the window'),
    runsTest: z
      .object({ runs: z.number(), expectedRuns: z.number(), z: z.number(), pValue: z.number() })
      .nullable()
      .meta({ description: 'Wald–Wolfowitz runs test on the signs of daily flows.' }),
    flowPctOfAum: pct('Window net flow as a share of AUM at the window start').nullable(),
    weeklyNetFlowsUsd: z.array(
      z.object({
        weekEnding: isoDate('The Friday that ends the week'),
        netFlowUsd: usd('Net flow of the week'),
        days: count('Trading days with flows in the week'),
        complete: z.boolean().optional().meta({ description: 'False for the current, partial week.' }),
      }),
    ),
    consecutivePositiveWeeks: count('Positive complete weeks in a row, ending at the latest complete week'),
    changePoints: z.array(isoDate('Day a flow change point was detected')),
    changePointStarts: z.array(isoDate('Estimated start of the new flow regime')),
    issuers: z.array(
      z.object({
        issuer: z.string(),
        netFlowUsd: usd('Issuer net flow over the window'),
        share: described(z.number(), 'netFlowUsd / Σ|issuer net flows|, signed, in [−1, 1]'),
      }),
    ),
    regimeHistory: z
      .array(
        z.object({
          date: isoDate('Day'),
          regime: z.enum(FLOW_REGIMES).nullable(),
          directionality: z.number().nullable(),
        }),
      )
      .optional(),
  })
  .register(API_COMPONENTS, { id: 'EtfFlowsSection' });

export const positioningSectionSchema = z
  .object({
    ...sectionBase,
    openInterestUsd: usd('Perp open interest, all venues').nullable(),
    openInterestDate: isoDate('Day of the latest perp OI').nullable(),
    oiChangePct: z.object({
      d1: pct('Perp OI change over 1 day').nullable(),
      d7: pct('Perp OI change over 7 days').nullable(),
      d30: pct('Perp OI change over 30 days').nullable(),
    }),
    oiCoinsChange30dPct: pct('Perp OI change in coins over 30 days (price moves excluded)').nullable(),
    oiZScore: described(z.number().nullable(), 'Perp OI z-score against its trailing history'),
    oiPctFromPeak: pct('Perp OI from its 30-day peak').nullable(),
    fundingRate8h: fraction('Funding rate per 8 hours').nullable(),
    fundingAnnualised: fraction('Funding annualised (× 3 × 365)').nullable(),
    fundingRegime: z.enum(FUNDING_REGIMES).nullable().meta({ description: 'Regime of the 7-day average funding.' }),
    leverageRatio: described(z.number().nullable(), 'Estimated leverage ratio (OI / exchange reserves)'),
    leverageChange30dPct: pct('Leverage ratio change over 30 days').nullable(),
    liquidations: z.object({
      date: isoDate('Day of the latest liquidations').nullable(),
      longUsd: usd('Long liquidations that day').nullable(),
      shortUsd: usd('Short liquidations that day').nullable(),
      multipleOfMedian: described(z.number().nullable(), 'That day’s total as a multiple of the 30-day median'),
      spike: z.boolean().meta({ description: 'The latest day is a liquidation spike.' }),
      recentSpikeDates: z.array(isoDate('Spike day in the last 14 days')),
    }),
    oiPriceDivergence: z.enum(['oi-falling-price-holding', 'oi-rising-price-falling', 'aligned']).nullable(),
    cme: z.object({
      openInterestUsd: usd('CME front-month open interest').nullable(),
      openInterestCoins: described(z.number().nullable(), 'CME front-month open interest (coins)'),
      oiChangePct30d: pct('CME OI change in coins over 30 days').nullable(),
      annualisedBasis: fraction('Annualised CME basis').nullable(),
      annualisedBasisSeries: z
        .array(z.object({ date: isoDate('CME trade date'), value: fraction('Annualised CME basis') }))
        .meta({ description: 'Annualised CME basis of each trade date (near-expiry days left out).' }),
      daysToExpiry: count('Days to the front-month expiry').nullable(),
      nearExpiry: z.boolean().meta({ description: 'Basis not annualised within 7 days of expiry.' }),
      positionProxy: described(z.number().nullable(), 'Cumulative weekly CME position proxy (coins)'),
      positionProxyChange: described(z.number().nullable(), 'Change of the position proxy (coins)'),
      positionProxySource: z.enum(['cftc-total-oi', 'cme-front-month']).nullable(),
    }),
    cot: z
      .object({
        date: isoDate('CFTC report date'),
        leveragedFundsNetCoins: described(z.number(), 'Leveraged funds net position (coins)'),
        assetManagersNetCoins: described(z.number(), 'Asset managers net position (coins)'),
        change4w: z
          .object({
            leveragedFundsNetCoins: described(z.number(), '4-week change (coins)'),
            assetManagersNetCoins: described(z.number(), '4-week change (coins)'),
          })
          .nullable(),
        percentile: z.object({
          leveragedFundsNet: fraction('Percentile rank in the trailing history').nullable(),
          assetManagersNet: fraction('Percentile rank in the trailing history').nullable(),
        }),
      })
      .nullable(),
    leverageRebuiltWithoutStress: z
      .boolean()
      .nullable()
      .meta({ description: 'Positions rising while funding is not overheated and no recent liquidation spike.' }),
  })
  .register(API_COMPONENTS, { id: 'PositioningSection' });

export const liquiditySectionSchema = z
  .object({
    ...sectionBase,
    selloffType: z.enum(SELLOFF_TYPES).meta({ description: 'Label of the latest sell-off in the lookback.' }),
    selloffs: z.array(
      z.object({
        start: isoDate('First day'),
        end: isoDate('Last day'),
        drawdownPct: pct('Fall from the start to the low'),
        type: z.enum(['liquidity-failure', 'position-rebalancing']),
        reasons: z.array(z.string()),
        classifiedOn: isoDate('First as-of date it could be classified'),
        initialType: z.enum(['liquidity-failure', 'position-rebalancing']),
        revisedOn: z.string().nullable().meta({ description: 'Date the label was revised; null when never' }),
      }),
    ),
    latestSelloff: selloffAsOfSchema.nullable().meta({ description: 'The sell-off behind selloffType.' }),
    amihud: described(z.number().nullable(), '20-day Amihud illiquidity (|return| per USD traded)'),
    amihudVsMedian: described(z.number().nullable(), 'Amihud as a multiple of its trailing median'),
    huiHeubel: described(z.number().nullable(), 'Hui–Heubel liquidity ratio over 5 days'),
    unitsOutstanding: count('Coins outstanding used by Hui–Heubel'),
    priceImpactPercentile: fraction('Percentile of the 20-day Amihud among the trailing year').nullable(),
    corwinSchultzSpread: fraction(
      '20-day Corwin–Schultz spread (raw estimates averaged, then floored), of price',
    ).nullable(),
    corwinSchultzSpreadRaw: fraction('The same average before the floor').nullable(),
    corwinSchultzPercentile: fraction('Its percentile among the trailing year').nullable(),
    abdiRanaldoSpread: fraction('20-day Abdi–Ranaldo spread, of price').nullable(),
    abdiRanaldoSpreadSigned: fraction('Signed Abdi–Ranaldo spread before the floor').nullable(),
    abdiRanaldoPercentile: fraction('Its percentile among the trailing year').nullable(),
    kyleLambda: described(z.number().nullable(), '20-day Kyle-style λ: return per USD of signed dollar volume'),
    kyleLambdaPercentile: fraction('Its percentile among the trailing year').nullable(),
    amihudSeries: z.array(datedValue).meta({ description: 'Rolling 20-day Amihud per day, a year (per USD).' }),
    corwinSchultzSpreadSeries: z
      .array(datedValue)
      .meta({ description: 'Rolling 20-day mean spread per day, a year (a fraction of price).' }),
    volumeTrend: z.object({
      recentMeanUsd: usd('Mean daily spot dollar volume over 7 days').nullable(),
      ratio: described(z.number().nullable(), '7-day mean over the prior 30-day mean'),
      trend: z.enum(['rising', 'falling', 'flat']).nullable(),
    }),
  })
  .register(API_COMPONENTS, { id: 'LiquiditySection' });

export const divergenceSectionSchema = z
  .object({
    ...sectionBase,
    cryptoFlowUsd: usd('Crypto ETF net flow over the latest equity period').nullable(),
    equityFlowUsd: usd('Equity ETF net flow over the same period').nullable(),
    kind: z.enum(DIVERGENCE_KINDS).nullable(),
    periodFrom: isoDate('Period start (exclusive)').nullable(),
    periodTo: isoDate('Period end (inclusive)').nullable(),
    cadenceDays: count('Median days between equity observations').nullable(),
    history: z.array(
      z.object({
        from: isoDate('Period start (exclusive)'),
        to: isoDate('Period end (inclusive)'),
        cryptoFlowUsd: usd('Crypto ETF net flow'),
        equityFlowUsd: usd('Equity ETF net flow'),
        cryptoDays: count('Crypto flow days in the period'),
        kind: z.enum(DIVERGENCE_KINDS).nullable(),
      }),
    ),
    selectiveStreak: count('Consecutive latest periods of selective crypto de-risking'),
  })
  .register(API_COMPONENTS, { id: 'DivergenceSection' });

export const trendSignalsSchema = z
  .object({
    ...sectionBase,
    date: isoDate('Day of the latest close').nullable(),
    close: described(z.number().nullable(), 'Latest close (USD per coin)'),
    sma50: described(z.number().nullable(), '50-day simple moving average (USD)'),
    sma100: described(z.number().nullable(), '100-day simple moving average (USD)'),
    sma200: described(z.number().nullable(), '200-day simple moving average (USD)'),
    aboveSma50: z.boolean().nullable(),
    aboveSma100: z.boolean().nullable(),
    aboveSma200: z.boolean().nullable(),
    pctFromSma200: pct('Close from the 200-day average').nullable(),
    sma50AboveSma200: z.boolean().nullable(),
    drawdownFromPeakPct: pct('Close from its running peak').nullable(),
    peakDate: isoDate('Day of the peak close').nullable(),
    peakClose: described(z.number().nullable(), 'Peak close (USD)'),
    supports: z.array(z.number()).meta({ description: 'Support levels (USD), nearest first.' }),
    resistances: z.array(z.number()).meta({ description: 'Resistance levels (USD), nearest first.' }),
    aboveResistance: z.boolean().nullable(),
    lastRange: z
      .object({ start: isoDate('First day'), end: isoDate('Last day'), low: z.number(), high: z.number() })
      .nullable(),
    momentum: z.object({
      close: z.number().nullable(),
      return10d: fraction('Return over 10 days').nullable(),
      return20d: fraction('Return over 20 days').nullable(),
      aboveLow20d: fraction('Close above the 20-day low').nullable(),
    }),
    drawdownFromPeak: fraction('Fall from the running peak, positive').nullable(),
    regime: z.enum(['bull', 'bear']).nullable().meta({ description: 'Online price regime (20 % moves).' }),
    regimeConfirmedOn: isoDate('Day the regime was confirmed').nullable(),
    regimeExtremeClose: described(z.number().nullable(), 'The regime’s extreme close so far (USD)'),
    regimeExtremeDate: isoDate('Day of that close').nullable(),
  })
  .register(API_COMPONENTS, { id: 'TrendSignals' });

export const treasuriesSectionSchema = z
  .object({
    ...sectionBase,
    companies: z.array(
      z.object({
        company: z.string(),
        date: isoDate('Day of the latest mNAV').nullable(),
        mnav: described(z.number().nullable(), 'Market cap over the value of coins held'),
        mnavChange30d: described(z.number().nullable(), 'mNAV change over 30 days'),
        coinsHeld: described(z.number().nullable(), 'Coins held'),
        premiumCompressed: z.boolean().nullable(),
      }),
    ),
    strategyMnav: described(z.number().nullable(), 'Strategy’s mNAV'),
    strategyMnavChange30d: described(z.number().nullable(), 'Strategy’s mNAV change over 30 days'),
    premiumCompressed: z.boolean().nullable(),
    strategyBelowOne: z.boolean().nullable(),
    forcedSellingEstimateUsd: z.object({
      low: usd('Forced passive selling if MSCI excludes'),
      high: usd('Forced passive selling if every provider follows'),
      assumptions: z.array(z.string()),
    }),
  })
  .register(API_COMPONENTS, { id: 'TreasuriesSection' });

const eventStudySeries = z
  .object({
    model: z.enum(['constant-mean', 'market-model']),
    eventDay: isoDate('Day of offset 0'),
    estimationDays: count('Days in the estimation window'),
    abnormal: z.array(
      z.object({
        offset: count('Days from the event day'),
        date: isoDate('Day'),
        actual: z.number(),
        expected: z.number(),
        abnormal: z.number(),
      }),
    ),
    car: described(z.number(), 'Cumulative abnormal value over the event window, in the series’ unit'),
    tStat: z.number().nullable(),
    tPValue: z.number().nullable(),
    positiveDays: count('Positive abnormal days'),
    signTestPValue: z.number().nullable(),
    truncated: z.boolean().meta({ description: 'The as-of date cut the event window short.' }),
  })
  .nullable();

export const analysedEventSchema = z
  .object({
    id: z.string(),
    date: isoDate('Event day'),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    sourceUrl: z.string(),
    instruments: z.array(z.string()),
    knownAt: described(z.string(), 'When the event became public (ISO timestamp, UTC)'),
    study: z
      .object({
        etfNetFlowUsd: eventStudySeries.meta({ description: 'Daily ETF net flow (USD).' }),
        openInterestChangeUsd: eventStudySeries.meta({ description: 'Day-on-day perp OI change (USD).' }),
        spotReturn: eventStudySeries.meta({ description: 'Daily spot return (a fraction).' }),
      })
      .nullable(),
  })
  .register(API_COMPONENTS, { id: 'AnalysedEvent' });

export const wavesDetailSchema = z
  .object({
    ...sectionBase,
    order: z.array(z.enum(SEGMENTS)).meta({ description: 'Segments in the order their recent wave was confirmed.' }),
    leadLagDays: z.array(
      z.object({ leader: z.enum(SEGMENTS), follower: z.enum(SEGMENTS), days: count('Days between confirmations') }),
    ),
    cryptoNativeLed: z.boolean().nullable(),
    ongoing: z.array(z.enum(SEGMENTS)),
  })
  .register(API_COMPONENTS, { id: 'WavesDetail' });

/** True when schema S's output is a T and names exactly T's fields. */
export type Describes<T, S extends z.ZodType> =
  z.output<S> extends T
    ? [Exclude<keyof T, keyof z.output<S>>, Exclude<keyof z.output<S>, keyof T>] extends [never, never]
      ? true
      : false
    : false;

// Compile-time: each schema describes its contract type (a mismatch makes an element `false`).
const SCHEMAS_DESCRIBE_THE_CONTRACT: [
  Describes<EtfFlowsSection, typeof etfFlowsSectionSchema>,
  Describes<PositioningSection, typeof positioningSectionSchema>,
  Describes<LiquiditySection, typeof liquiditySectionSchema>,
  Describes<DivergenceSection, typeof divergenceSectionSchema>,
  Describes<TrendSignals, typeof trendSignalsSchema>,
  Describes<TreasuriesSection, typeof treasuriesSectionSchema>,
  Describes<AnalysedEvent, typeof analysedEventSchema>,
  Describes<WavesDetail, typeof wavesDetailSchema>,
] = [true, true, true, true, true, true, true, true];
void SCHEMAS_DESCRIBE_THE_CONTRACT;
