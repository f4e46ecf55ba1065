// The events calendar that ships with Tidemark (data/events/calendar.csv, sources in docs/events.md),
// read through the same events layout as `tidemark import` (a source like any other file).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketEvent } from '../../domain/events.js';
import { StoreError } from '../../store/store-error.js';
import { formatReject } from '../layout.js';
import { eventsCalendarCsv } from './events-csv.js';

/** Path of the shipped calendar file. */
export const SHIPPED_CALENDAR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/events/calendar.csv');

let cached: MarketEvent[] | null = null;

/** The shipped calendar's events (read once). A bad row in our own data file is an error. */
export function loadShippedEvents(path: string = SHIPPED_CALENDAR): MarketEvent[] {
  if (cached && path === SHIPPED_CALENDAR) return cached;
  const parsed = eventsCalendarCsv.parse({ path, text: readFileSync(path, 'utf8') });
  if (parsed.rejects.length > 0) {
    throw new StoreError(
      'corrupt',
      `shipped events calendar has bad rows: ${parsed.rejects.map((r) => formatReject(path, r)).join('; ')}`,
    );
  }
  const events = parsed.events ?? [];
  if (path === SHIPPED_CALENDAR) cached = events;
  return events;
}
