// Market events: policy decisions, index consultations, crashes — the calendar that event studies
// and the report refer to.
import { z } from 'zod';
import { EVENT_KINDS } from './event-kinds.js';
import { isoDateSchema, isoTimestampSchema } from './observation.js';

export { EVENT_KINDS };

export const marketEventSchema = z.object({
  /** Stable slug, e.g. "msci-dat-consultation-2025-10-10". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'lowercase slug of letters, digits and dashes'),
  date: isoDateSchema,
  kind: z.enum(EVENT_KINDS),
  title: z.string().min(3).max(300),
  sourceUrl: z.string().url(),
  /** Instruments the event bears on, e.g. ["BTC", "MSTR"]. */
  instruments: z.array(z.string().min(1)).default([]),
  knownAt: isoTimestampSchema,
});

export type MarketEvent = z.infer<typeof marketEventSchema>;
