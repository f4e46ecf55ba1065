// The events calendar that ships with Tidemark (data/events/calendar.csv, sources in docs/events.md),
// read with the rows of the same events layout as `tidemark import` (a source like any other file).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketEvent } from '../../domain/events.js';
import { StoreError } from '../../store/store-error.js';
import { formatReject } from '../layout.js';
import { parseCalendarCsv } from './calendar-csv-rows.js';
import { plainMarketEvent } from './plain-event-check.js';

/** Path of the shipped calendar file. */
export const SHIPPED_CALENDAR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/events/calendar.csv');

let cached: MarketEvent[] | null = null;

/** The shipped calendar's events (read once). A bad row in our own data file is an error. */
export function loadShippedEvents(path: string = SHIPPED_CALENDAR): MarketEvent[] {
  if (cached && path === SHIPPED_CALENDAR) return cached;
  // Checked without the schemas (plain-event-check.ts): this runs on every analysis.
  const parsed = parseCalendarCsv(path, readFileSync(path, 'utf8'), plainMarketEvent);
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
