// Request and response schemas of GET /api/track-record: the query (asset, period, horizons and the
// parts a client may leave out) and the answer — the track-record contract with the parts that can be
// omitted marked optional, plus whether the data were simulated and how long the replay took.
import { z } from 'zod';
import { trackRecordPeriodResultSchema, trackRecordSchema } from '../domain/track-record-schema.js';
import { FORWARD_RETURN_DEFAULTS } from '../track-record/forward-returns.js';
import { analysisQuerySchema, optionalDate } from './schemas.js';
import { API_COMPONENTS, type Describes } from './section-schemas.js';
import { TRACK_RECORD_PARTS, type TrackRecordAnswer } from '../domain/track-record-answer.js';

/** At most this many horizons per request (each adds a bootstrap per label and engine). */
export const MAX_HORIZONS = 6;
/** The longest horizon accepted, in calendar days (ten years). */
export const MAX_HORIZON_DAYS = 3650;

/** A comma-separated (or repeated) query list as trimmed strings; blank = absent. */
const commaList = (value: unknown): unknown => {
  if (value === undefined || value === '') return undefined;
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((p) => (typeof p === 'string' ? p.trim() : p))
    .filter((p) => p !== '');
};

const horizonList = z.preprocess(
  (value: unknown) => {
    const parts = commaList(value);
    return Array.isArray(parts) ? parts.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p)) : parts;
  },
  z
    .array(
      z.number({ error: 'must be whole days, comma-separated (e.g. 20,60,120)' }).int().min(1).max(MAX_HORIZON_DAYS),
    )
    .min(1)
    .max(MAX_HORIZONS)
    // Sorted and without duplicates: the same horizons in another order are the same record (and cache entry).
    .transform((days) => [...new Set(days)].sort((a, b) => a - b))
    .optional(),
);

export const trackRecordQuerySchema = z
  .strictObject({
    asset: analysisQuerySchema.shape.asset,
    from: optionalDate(
      'First call date scored. Default 2017-01-01, or the first US trading day with 200 earlier closes.',
    ),
    to: optionalDate(
      'Last call date scored; the whole history is read as known at the end of this date (hindsight included). Default: the latest data. Must not be after today.',
    ),
    horizons: horizonList.meta({
      description: `Forward-return horizons in calendar days, comma-separated (1–${MAX_HORIZON_DAYS}, at most ${MAX_HORIZONS}). Default ${FORWARD_RETURN_DEFAULTS.horizons.join(',')}.`,
      examples: ['20,60,120'],
    }),
    omit: z.preprocess(commaList, z.array(z.enum(TRACK_RECORD_PARTS)).optional()).meta({
      description:
        'Parts to leave out, comma-separated: days (one row per calendar day: close, hindsight, each engine’s call — about 40 % of the answer), scoredCalls (every call with its score), equityCurves (each period’s daily equity of the four strategies). Default: nothing left out.',
      examples: ['days,scoredCalls'],
    }),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'must not be after "to"',
    path: ['from'],
  });
export type TrackRecordQuery = z.infer<typeof trackRecordQuerySchema>;

export const trackRecordResponseSchema = trackRecordSchema
  .extend({
    simulated: z.boolean().meta({ description: 'True when the data came from the seeded simulator.' }),
    replay: z
      .object({
        days: z.number().int().meta({ description: 'US trading days replayed point-in-time.' }),
        seconds: z.number().meta({ description: 'Wall time of the replay when the record was computed.' }),
        rebuiltDays: z.number().int().meta({ description: 'Days replayed on the exact slow path (inputs rebuilt).' }),
      })
      .meta({ description: 'How the calls were produced.' }),
    days: trackRecordSchema.shape.days.optional().meta({ description: 'Left out with omit=days.' }),
    scoredCalls: trackRecordSchema.shape.scoredCalls
      .optional()
      .meta({ description: 'Left out with omit=scoredCalls.' }),
    periods: z.array(
      trackRecordPeriodResultSchema.extend({
        equityCurves: trackRecordPeriodResultSchema.shape.equityCurves
          .optional()
          .meta({ description: 'Left out with omit=equityCurves.' }),
      }),
    ),
  })
  .meta({
    description:
      'The track-record contract (src/domain/track-record.ts): every replayed call of the engine and of the two price-only baselines scored against hindsight, per period (in-sample / out-of-sample apart), with verdicts in plain words.',
  })
  .register(API_COMPONENTS, { id: 'TrackRecord' });

/** The answer's type (domain/track-record-answer.ts), readonly, rather than inferred from the schema. */
export type TrackRecordResponse = TrackRecordAnswer;

// Compile-time: the response schema names exactly the fields of the answer's type.
const TRACK_RECORD_SCHEMA_DESCRIBES_THE_ANSWER: Describes<TrackRecordResponse, typeof trackRecordResponseSchema> = true;
void TRACK_RECORD_SCHEMA_DESCRIBES_THE_ANSWER;
