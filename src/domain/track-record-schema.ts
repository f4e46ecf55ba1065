// The track-record contract (track-record.ts) in zod: the API's response schemas, from which the
// OpenAPI document is generated. A test parses a built track record with them.
import { z } from 'zod';
import { PHASE_LABELS } from './analysis.js';
import { ANALYSED_ASSETS } from './assets.js';
import {
  BASELINE_RULES,
  HINDSIGHT_STATES,
  SAMPLES,
  TRACK_RECORD_ENGINES,
  TURNING_POINT_KINDS,
} from './track-record.js';

const label = z.enum(PHASE_LABELS);
const share = z.number().min(0).max(1);
const date = z.string().meta({ description: 'YYYY-MM-DD' });
const byEngine = <T extends z.ZodType>(schema: T) => z.object({ engine: schema, sma200: schema, sma50and200: schema });
const byLabel = <T extends z.ZodType>(schema: T) =>
  z.object({ 'trend-decline': schema, bottoming: schema, uptrend: schema, topping: schema });

export const turningPointSchema = z.object({
  kind: z.enum(TURNING_POINT_KINDS),
  date,
  close: z.number(),
  confirmedDate: date,
});

export const labelAgreementSchema = z.object({
  scoredDays: z.number().int(),
  unscoredDays: z.number().int(),
  shareRight: share.nullable(),
  byLabel: z.array(z.object({ label, days: z.number().int(), shareRight: share.nullable() })),
  confusion: byLabel(byLabel(z.number().int())).meta({ description: 'rows: called label; columns: hindsight label' }),
  sideScoredDays: z.number().int(),
  sideAgreement: share.nullable(),
});

const intervalEstimateSchema = z.object({
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

export const forwardReturnStatsSchema = z.object({
  label: z.union([label, z.literal('all')]),
  horizonDays: z.number().int(),
  n: z.number().int(),
  excludedPastData: z.number().int(),
  meanReturn: intervalEstimateSchema,
  medianReturn: z.number().nullable(),
  shareUp: intervalEstimateSchema,
  meanMaxDrawdown: intervalEstimateSchema,
});

export const turningPointLagsSchema = z.object({
  points: z.array(
    z.object({
      kind: z.enum(TURNING_POINT_KINDS),
      date,
      close: z.number(),
      status: z.enum(['matched', 'missed', 'not-covered']),
      firstMatchingCallDate: date.nullable(),
      lagDays: z.number().int().nullable(),
    }),
  ),
  matched: z.number().int(),
  missed: z.number().int(),
  notCovered: z.number().int(),
  medianLagDays: z.number().nullable(),
  medianLagDaysCountingMisses: z.number().nullable(),
});

export const calibrationSchema = z.object({
  calls: z.number().int(),
  bins: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      calls: z.number().int(),
      meanConfidence: share.nullable(),
      shareRight: share.nullable(),
    }),
  ),
  brier: z.number().nullable(),
  constantRate: share.nullable(),
  constantRateBrier: z.number().nullable(),
  brierSkill: z.number().nullable(),
});

export const equityMetricsSchema = z.object({
  firstDate: date,
  lastDate: date,
  days: z.number().int(),
  finalEquity: z.number(),
  totalReturn: z.number(),
  logGrowth: z.number(),
  cagr: z.number().nullable(),
  maxDrawdown: z.number(),
  maxDrawdownPeakDate: date.nullable(),
  maxDrawdownTroughDate: date.nullable(),
  maxDrawdownRecoveryDate: date.nullable(),
  volatilityAnnualised: z.number().nullable(),
  sharpe: z.number().nullable(),
  sortino: z.number().nullable(),
  calmar: z.number().nullable(),
  timeInMarket: share.nullable(),
  meanExposure: z.number().nullable(),
  switches: z.number().int(),
  turnover: z.number(),
  feesPaid: z.number(),
  logGrowthPerMaxDrawdown: z.number().nullable(),
});

export const engineTrackRecordSchema = z.object({
  engine: z.enum(TRACK_RECORD_ENGINES),
  name: z.string(),
  calls: z.number().int(),
  labelAgreement: labelAgreementSchema,
  forwardReturns: z.array(forwardReturnStatsSchema),
  turningPointLags: turningPointLagsSchema,
  calibration: calibrationSchema.nullable(),
  phaseFollowing: equityMetricsSchema.nullable(),
});

export const verdictSchema = z.object({
  yardstick: z.string(),
  better: z.enum(['higher', 'lower']),
  engineValue: z.number().nullable(),
  bestBaseline: z.enum(BASELINE_RULES).nullable(),
  baselineValue: z.number().nullable(),
  outcome: z.enum(['better', 'worse', 'tie', 'not-comparable']),
  text: z.string(),
});

export const trackRecordPeriodResultSchema = z.object({
  name: z.string(),
  from: date,
  to: date,
  sample: z.enum(SAMPLES),
  firstCallDate: date.nullable(),
  lastCallDate: date.nullable(),
  engines: byEngine(engineTrackRecordSchema),
  buyAndHold: equityMetricsSchema.nullable(),
  equityCurves: z.array(
    z.object({ date, engine: z.number(), sma200: z.number(), sma50and200: z.number(), buyAndHold: z.number() }),
  ),
  verdicts: z.array(verdictSchema),
});

export const trackRecordSchema = z
  .object({
    asset: z.enum(ANALYSED_ASSETS),
    firstDate: date,
    lastDate: date,
    method: z.object({
      dating: z.object({
        bullDecline: z.number(),
        bearRise: z.number(),
        censoring: z.object({ minPhaseDays: z.number(), minCycleDays: z.number(), largeMove: z.number() }).nullable(),
      }),
      zoneBand: z.number(),
      horizonsDays: z.array(z.number().int()),
      bootstrap: z.object({
        resamples: z.number().int(),
        level: z.number(),
        seed: z.number(),
        blockLength: z.number().int().nullable(),
      }),
      phaseFollowing: z.object({ exposureByLabel: byLabel(z.number()), costBps: z.number() }),
      engines: z.array(z.object({ id: z.enum(TRACK_RECORD_ENGINES), name: z.string() })),
    }),
    turningPoints: z.array(turningPointSchema),
    pendingExtremum: z.object({ kind: z.enum(TURNING_POINT_KINDS), date, close: z.number() }).nullable(),
    warmUpCallsDropped: z.number().int(),
    filledDates: z.array(date),
    periods: z.array(trackRecordPeriodResultSchema),
    days: z.array(
      z.object({
        date,
        close: z.number(),
        hindsight: z.enum(HINDSIGHT_STATES),
        hindsightLabel: label.nullable(),
        acceptableLabels: z.array(label).nullable(),
        calls: byEngine(label.nullable()),
      }),
    ),
    scoredCalls: byEngine(
      z.array(
        z.object({
          date,
          label,
          confidence: share.nullable(),
          right: z.boolean().nullable(),
          sideRight: z.boolean().nullable(),
        }),
      ),
    ),
  })
  .meta({ description: 'The track-record contract (src/domain/track-record.ts).' });
