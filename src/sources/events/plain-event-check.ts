// A zod-free check of a calendar event for the shipped calendar, read on every analysis: it accepts
// only events that marketEventSchema (domain/events.ts) accepts, and returns the same object the
// schema's parse does (its fields in the schema's order, a fresh instruments array). Loading zod
// costs ~0.15 s of CPU at start-up; `tidemark import` of a calendar file keeps the schema (event-rows.ts).
import { isIsoDate, parseIsoTimestamp } from '../../domain/dates.js';
import { EVENT_KINDS } from '../../domain/event-kinds.js';
import { foundSuffix, withKnownAt, type EventCandidate, type EventCheck } from './event-candidate.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,80}$/;
const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

/** An http(s) URL that the URL parser accepts, without surrounding blanks. */
function isWebUrl(text: string): boolean {
  return text === text.trim() && /^https?:\/\//.test(text) && URL.canParse(text);
}

/**
 * Checks one candidate event without the schema: id a lowercase slug, date a calendar date, kind one
 * of EVENT_KINDS, title 3–300 characters, sourceUrl an http(s) URL, instruments non-empty texts
 * (absent: none), knownAt an ISO-8601 timestamp after the knownAt rule of withKnownAt. Returns the
 * event, or the first failing field with a message naming the value.
 */
export function plainMarketEvent(candidate: EventCandidate): EventCheck {
  const c = withKnownAt(candidate);
  const fail = (field: string, message: string, value: unknown): EventCheck => ({
    ok: false,
    field,
    message: `${message}${foundSuffix(value)}`,
  });
  const { id, date, kind, title, sourceUrl, knownAt } = c;
  if (typeof id !== 'string' || !ID_PATTERN.test(id))
    return fail('id', 'lowercase slug of letters, digits and dashes', id);
  if (typeof date !== 'string' || !isIsoDate(date)) return fail('date', 'must be a YYYY-MM-DD calendar date', date);
  if (typeof kind !== 'string' || !KINDS.has(kind))
    return fail('kind', `must be one of ${EVENT_KINDS.join(', ')}`, kind);
  if (typeof title !== 'string' || title.length < 3 || title.length > 300)
    return fail('title', 'must be 3 to 300 characters', title);
  if (typeof sourceUrl !== 'string' || !isWebUrl(sourceUrl))
    return fail('sourceUrl', 'must be an http(s) URL', sourceUrl);
  const given = c.instruments ?? [];
  if (!Array.isArray(given)) return fail('instruments', 'must be a list of instruments', given);
  const instruments: string[] = [];
  for (const [i, instrument] of given.entries()) {
    if (typeof instrument !== 'string' || instrument.length === 0)
      return fail(`instruments.${i}`, 'must be a non-empty text', instrument);
    instruments.push(instrument);
  }
  if (typeof knownAt !== 'string' || parseIsoTimestamp(knownAt) === null)
    return fail('knownAt', 'must be an ISO-8601 timestamp', knownAt);
  return {
    ok: true,
    event: { id, date, kind: kind as (typeof EVENT_KINDS)[number], title, sourceUrl, instruments, knownAt },
  };
}
