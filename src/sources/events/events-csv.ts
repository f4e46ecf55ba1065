// The events calendar as CSV: `date,id,kind,title,source_url,instruments[,known_at]`, instruments
// space-separated (e.g. "BTC MSTR"). This is the format of the shipped data/events/calendar.csv.
import type { MarketEvent } from '../../domain/events.js';
import { CUT_LINE_MESSAGE, firstRecordCells, parseCsv } from '../csv.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { CALENDAR_SOURCE, toMarketEvent } from './event-rows.js';

const ID = 'events-calendar-csv';
const REQUIRED = ['date', 'id', 'kind', 'title', 'source_url'] as const;
const OPTIONAL = ['instruments', 'known_at'] as const;

export const eventsCalendarCsv: FileLayout = {
  id: ID,
  description: 'Events calendar CSV: date,id,kind,title,source_url,instruments (space-separated)[,known_at]',
  detect({ head }) {
    const cols = firstRecordCells(head).map((c) => c.toLowerCase());
    const known: readonly string[] = [...REQUIRED, ...OPTIONAL];
    return REQUIRED.every((c) => cols.includes(c)) && cols.every((c) => known.includes(c));
  },
  parse({ path, text }): ParsedFile {
    const records = parseCsv(text);
    const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
    const missing = REQUIRED.filter((c) => !header.includes(c));
    if (missing.length > 0) throw new ImportError(`${ID}: ${path}: header lacks column(s) ${missing.join(', ')}`);
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
      const result = toMarketEvent({
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
  },
};
