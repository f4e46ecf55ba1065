// Validation shared by the events calendar layouts (CSV and JSON): one candidate event in, a
// MarketEvent or the failing field out; knownAt defaults to the event date 00:00 UTC.
import { marketEventSchema } from '../../domain/events.js';
import { foundSuffix, withKnownAt, type EventCandidate, type EventCheck } from './event-candidate.js';

// Shared with the zod-free readers (event-candidate.ts); re-exported for the layouts that import them here.
export { CALENDAR_SOURCE, type EventCandidate } from './event-candidate.js';

/**
 * Validates one event with `marketEventSchema`. Returns the event, or the first failing field and
 * the schema's message. A knownAt given as a bare date becomes that date 00:00 UTC.
 */
export function toMarketEvent(c: EventCandidate): EventCheck {
  const candidate = withKnownAt(c);
  const parsed = marketEventSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'event';
  const offending = issue.path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[String(k)] : undefined),
    candidate,
  );
  return { ok: false, field, message: `${issue.message}${foundSuffix(offending)}` };
}
