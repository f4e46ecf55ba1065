// One candidate calendar event as a file gives it, before validation, and what every validator of it
// shares: the source name and the knownAt rule. Zod-free, so that reading the shipped calendar
// (shipped-calendar.ts, on every analysis) does not load the schemas.
import { isIsoDate, timestampOn } from '../../domain/dates.js';
import type { MarketEvent } from '../../domain/events.js';

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

/** A validated event, or the first failing field and why. */
export type EventCheck = { ok: true; event: MarketEvent } | { ok: false; field: string; message: string };

/**
 * The candidate with its knownAt as validators read it: blank or absent → the event date 00:00 UTC
 * (when the date is a calendar date), a bare YYYY-MM-DD date → that date 00:00 UTC, another parseable
 * time → its ISO form; anything else is left as given (and fails validation).
 */
export function withKnownAt(c: EventCandidate): EventCandidate {
  let knownAt = c.knownAt;
  if (knownAt === undefined || knownAt === null || knownAt === '') {
    knownAt = typeof c.date === 'string' && isIsoDate(c.date) ? timestampOn(c.date) : undefined;
  } else if (typeof knownAt === 'string' && isIsoDate(knownAt)) knownAt = timestampOn(knownAt);
  else if (typeof knownAt === 'string' && Number.isFinite(Date.parse(knownAt)))
    knownAt = new Date(knownAt).toISOString();
  return { ...c, knownAt };
}

/** The message suffix naming the offending value, as both validators print it. */
export function foundSuffix(value: unknown): string {
  return value === undefined ? '' : ` (found ${JSON.stringify(value)})`;
}
