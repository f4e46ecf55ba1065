// The rows of an events calendar CSV (`date,id,kind,title,source_url,instruments[,known_at]`,
// instruments space-separated) turned into events by a given check: the import layout passes the
// schema's (event-rows.ts), the shipped calendar a zod-free one (plain-event-check.ts). Zod-free.
import type { MarketEvent } from '../../domain/events.js';
import { CUT_LINE_MESSAGE, parseCsv } from '../csv.js';
import { ImportError } from '../errors.js';
import type { ParsedFile, RowReject } from '../layout.js';
import { CALENDAR_SOURCE, type EventCandidate, type EventCheck } from './event-candidate.js';

/** The layout id the calendar CSV's messages name. */
export const CALENDAR_CSV_ID = 'events-calendar-csv';
export const CALENDAR_CSV_REQUIRED = ['date', 'id', 'kind', 'title', 'source_url'] as const;
export const CALENDAR_CSV_OPTIONAL = ['instruments', 'known_at'] as const;

/**
 * Parses calendar CSV `text` (from `path`, for messages): each row checked by `check`; a failing row,
 * a cut line, a row with the wrong number of cells or a repeated id (the first row is kept) is a
 * reject naming its line and column. Throws ImportError when the header lacks a required column.
 */
export function parseCalendarCsv(path: string, text: string, check: (c: EventCandidate) => EventCheck): ParsedFile {
  const records = parseCsv(text);
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = CALENDAR_CSV_REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new ImportError(`${CALENDAR_CSV_ID}: ${path}: header lacks column(s) ${missing.join(', ')}`);
  const col = (cells: readonly string[], name: string): string => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const events: MarketEvent[] = [];
  const rejects: RowReject[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells, cut } of records.slice(1)) {
    if (cut) {
      rejects.push({ line, message: CUT_LINE_MESSAGE });
      continue;
    }
    if (cells.length !== header.length) {
      rejects.push({ line, message: `expected ${header.length} cells, found ${cells.length}` });
      continue;
    }
    const instruments = col(cells, 'instruments');
    const result = check({
      id: col(cells, 'id'),
      date: col(cells, 'date'),
      kind: col(cells, 'kind'),
      title: col(cells, 'title'),
      sourceUrl: col(cells, 'source_url'),
      instruments: instruments === '' ? [] : instruments.split(/\s+/),
      knownAt: col(cells, 'known_at'),
    });
    if (!result.ok) {
      rejects.push({
        line,
        field: result.field === 'sourceUrl' ? 'source_url' : result.field === 'knownAt' ? 'known_at' : result.field,
        message: result.message,
      });
      continue;
    }
    const earlier = seen.get(result.event.id);
    if (earlier !== undefined) {
      rejects.push({
        line,
        field: 'id',
        message: `duplicate id "${result.event.id}" (first on line ${earlier}): the first row is kept`,
      });
      continue;
    }
    seen.set(result.event.id, line);
    events.push(result.event);
  }
  return { source: CALENDAR_SOURCE, observations: [], events, rejects, warnings: [] };
}
