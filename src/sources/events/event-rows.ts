// Validation shared by the events calendar layouts (CSV and JSON): one candidate event in, a
// MarketEvent or the failing field out; knownAt defaults to the event date 00:00 UTC.
import { isIsoDate, timestampOn } from '../../domain/dates.js';
import { marketEventSchema, type MarketEvent } from '../../domain/events.js';

/** Source name stored with calendar events. */
export const CALENDAR_SOURCE = 'calendar';

export interface EventCandidate {
  readonly id: unknown;
  readonly date: unknown;
  readonly kind: unknown;
  readonly title: unknown;
  readonly sourceUrl: unknown;
  readonly instruments: unknown;
  /** Blank/absent → the event date 00:00 UTC; a YYYY-MM-DD date means 00:00 UTC that day. */
  readonly knownAt: unknown;
}

/**
 * Validates one event with `marketEventSchema`. Returns the event, or the first failing field and
 * the schema's message. A knownAt given as a bare date becomes that date 00:00 UTC.
 */
export function toMarketEvent(
  c: EventCandidate,
): { ok: true; event: MarketEvent } | { ok: false; field: string; message: string } {
  let knownAt = c.knownAt;
  if (knownAt === undefined || knownAt === null || knownAt === '') {
    knownAt = typeof c.date === 'string' && isIsoDate(c.date) ? timestampOn(c.date) : undefined;
  } else if (typeof knownAt === 'string' && isIsoDate(knownAt)) knownAt = timestampOn(knownAt);
  else if (typeof knownAt === 'string' && Number.isFinite(Date.parse(knownAt)))
    knownAt = new Date(knownAt).toISOString();
  const parsed = marketEventSchema.safeParse({ ...c, knownAt });
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'event';
  const offending = issue.path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[String(k)] : undefined),
    { ...c, knownAt },
  );
  return {
    ok: false,
    field,
    message: `${issue.message}${offending === undefined ? '' : ` (found ${JSON.stringify(offending)})`}`,
  };
}
