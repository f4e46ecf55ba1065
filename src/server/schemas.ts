// Request and response schemas of the HTTP API, in zod: the server validates with them and the
// OpenAPI document is generated from them, so the two cannot drift apart.
import { FRESHNESS_INPUTS } from '../domain/freshness.js';
import { z } from 'zod';
import { ANALYSED_ASSETS, ASSETS } from '../domain/assets.js';
import { isIsoDate } from '../domain/dates.js';
import { DATASET_NAMES } from '../domain/datasets.js';
import { EVENT_KINDS } from '../domain/events.js';
import { PHASE_LABELS, SEGMENTS, type Analysis } from '../domain/analysis.js';
import {
  analysedEventSchema,
  API_COMPONENTS,
  type Describes,
  divergenceSectionSchema,
  etfFlowsSectionSchema,
  evidenceSchema,
  liquiditySectionSchema,
  positioningSectionSchema,
  treasuriesSectionSchema,
  trendSignalsSchema,
  wavesDetailSchema,
} from './section-schemas.js';

/** An empty query value (`?asOf=`) means "not given". */
const blankAsAbsent = (value: unknown): unknown => (value === '' ? undefined : value);

const isoDate = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be written YYYY-MM-DD')
    .refine(isIsoDate, { message: 'is not a real calendar date' })
    .meta({ description, examples: ['2026-01-07'] });

/** An optional YYYY-MM-DD query date (blank = absent), checked to be a real calendar date. */
export const optionalDate = (description: string): z.ZodPreprocess<z.ZodOptional<z.ZodString>, unknown> =>
  z.preprocess(blankAsAbsent, isoDate(description).optional());

const upper = (value: unknown): unknown =>
  typeof value === 'string' ? (value === '' ? undefined : value.toUpperCase()) : value;

export const analysisQuerySchema = z.strictObject({
  asOf: optionalDate('Point-in-time date (UTC). Default: today. Must not be after today.'),
  asset: z
    .preprocess(upper, z.enum(ANALYSED_ASSETS).default('BTC'))
    .meta({ description: 'Analysed asset (case-insensitive). Default BTC.' }),
});
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;

export const seriesParamsSchema = z.strictObject({
  name: z
    .enum(DATASET_NAMES as [string, ...string[]])
    .meta({ description: 'A dataset of the catalog (src/domain/datasets.ts).' }),
});

const keyList = z.preprocess(
  (value: unknown) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
    return parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '');
  },
  z.array(z.string().min(1).max(64)).min(1).optional(),
);

export const seriesQuerySchema = z
  .strictObject({
    from: optionalDate('First market date included.'),
    to: optionalDate('Last market date included.'),
    asset: z
      .preprocess(upper, z.enum(ASSETS).optional())
      .meta({ description: 'Only this asset; when absent rows carry an asset column.' }),
    key: keyList.meta({ description: 'Only these keys (funds, venues …): comma-separated or repeated.' }),
    asOf: optionalDate('Only what was known by the end of this date (UTC).'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from'],
  });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

export const eventsQuerySchema = z
  .strictObject({
    from: optionalDate('First event date included.'),
    to: optionalDate('Last event date included.'),
    asOf: optionalDate('Only events known by the end of this date (UTC).'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from'],
  });

export const emptyQuerySchema = z.strictObject({});

// ---- responses (documentation; the handlers build these shapes) ----

export const marketEventResponseSchema = z.looseObject({
  id: z.string(),
  date: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  sourceUrl: z.string(),
  instruments: z.array(z.string()),
  knownAt: z.string(),
});

/** The fields a phase answer carries whether or not there is a call. */
const phaseContext = {
  evidence: z.array(evidenceSchema),
  unusedEvidence: z.array(z.string()).optional().meta({ description: 'Rules left out for missing inputs.' }),
  scores: z
    .array(z.object({ label: z.enum(PHASE_LABELS), score: z.number(), held: z.array(z.string()) }))
    .optional()
    .meta({ description: 'Every phase’s score in [0, 1] and the rules that held for it (absent with no call).' }),
};

const inputFreshnessSchema = z
  .object({
    input: z.enum(FRESHNESS_INPUTS),
    lastDate: z.string().nullable().meta({ description: 'Latest value known at the as-of date (YYYY-MM-DD).' }),
    ageDays: z.number().nullable().meta({ description: 'Calendar days from lastDate to the as-of date.' }),
    stale: z.boolean().meta({ description: 'Older than the input allows (docs/judgment.md, Freshness).' }),
    source: z.string().optional().meta({ description: 'The source chosen when several could supply it.' }),
  })
  .register(API_COMPONENTS, { id: 'InputFreshness' });

export const analysisResponseSchema = z
  .object({
    asOf: z.string().meta({ description: 'The as-of date: only what was known by the end of it (YYYY-MM-DD).' }),
    asset: z.enum(ANALYSED_ASSETS),
    simulated: z.boolean().meta({ description: 'True when the data came from the seeded simulator.' }),
    freshness: z.array(inputFreshnessSchema).meta({
      description: 'Each input: latest date, age and whether it is stale (stale inputs are left out of the judgment).',
    }),
    phase: z
      .union([
        z.object({
          label: z.enum(PHASE_LABELS),
          confidence: z
            .number()
            .min(0)
            .max(1)
            .meta({ description: 'Calibrated chance that the call is right (a fraction).' }),
          ...phaseContext,
        }),
        z.object({
          label: z.null().meta({ description: 'No call: the data cannot support one.' }),
          confidence: z.null(),
          noCallReason: z.string().meta({
            description:
              'Why there is no call, in words (e.g. no data for BTC was known by 2009-01-03; no BTC price was known by the date).',
          }),
          ...phaseContext,
        }),
      ])
      .meta({
        description:
          'The call (label and confidence), or no call (label and confidence null, noCallReason) when no price is known at the as-of date.',
      }),
    signals: z.object({
      etfFlows: etfFlowsSectionSchema,
      positioning: positioningSectionSchema,
      liquidity: liquiditySectionSchema,
      divergence: divergenceSectionSchema,
      events: z.array(analysedEventSchema),
      trend: trendSignalsSchema,
      treasuries: treasuriesSectionSchema,
    }),
    waves: z.array(
      z.object({
        segment: z.enum(SEGMENTS),
        start: z.string().meta({ description: 'The peak before the fall (YYYY-MM-DD).' }),
        end: z.string().nullable().meta({ description: 'null while the wave is under way.' }),
        size: z.number().meta({ description: 'Size in `unit` (USD of OI shed or of net outflow).' }),
        unit: z.string().optional(),
      }),
    ),
    wavesDetail: wavesDetailSchema.optional(),
    checklist: z.array(z.object({ id: z.string(), met: z.boolean(), text: z.string() })),
  })
  .meta({ description: 'The analysis contract (src/domain/analysis.ts).' })
  .register(API_COMPONENTS, { id: 'Analysis' });

// Compile-time: the response schema names exactly the fields of the Analysis contract.
const ANALYSIS_SCHEMA_DESCRIBES_THE_CONTRACT: Describes<Analysis, typeof analysisResponseSchema> = true;
void ANALYSIS_SCHEMA_DESCRIBES_THE_CONTRACT;

export const wideTableResponseSchema = z.object({
  columns: z.array(z.string()).meta({ description: 'date, [asset,] the key name, then fields in snake_case' }),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});

export const eventsResponseSchema = z.object({ events: z.array(marketEventResponseSchema) });

export const coverageResponseSchema = z.object({
  coverage: z.array(
    z.object({
      dataset: z.string(),
      field: z.string(),
      asset: z.enum(ASSETS),
      key: z.string(),
      firstDate: z.string(),
      lastDate: z.string(),
      rows: z.number().int(),
      gaps: z.number().int(),
      revisedRows: z.number().int(),
      sources: z.array(z.string()),
      lastImportedAt: z.string(),
    }),
  ),
});

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storeRows: z.number().int(),
  /** `tidemark serve`'s background precomputation of every past date's analysis (absent when not run). */
  precompute: z
    .object({
      state: z.enum(['off', 'waiting', 'running', 'done', 'full', 'failed']),
      revision: z.number().int().nullable(),
      dates: z.number().int(),
      answered: z.number().int(),
      completeSince: z.string().nullable(),
      failed: z.number().int(),
      keptAnswers: z.number().int(),
      keptBytes: z.number().int(),
      maxBytes: z.number().int(),
      seconds: z.number(),
      error: z.string().nullable(),
    })
    .optional(),
});

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }),
});
