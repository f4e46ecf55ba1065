// The events calendar as CSV: `date,id,kind,title,source_url,instruments[,known_at]`, instruments
// space-separated (e.g. "BTC MSTR"). This is the format of the shipped data/events/calendar.csv.
import { firstRecordCells } from '../csv.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import {
  CALENDAR_CSV_ID as ID,
  CALENDAR_CSV_OPTIONAL as OPTIONAL,
  CALENDAR_CSV_REQUIRED as REQUIRED,
  parseCalendarCsv,
} from './calendar-csv-rows.js';
import { toMarketEvent } from './event-rows.js';

export const eventsCalendarCsv: FileLayout = {
  id: ID,
  description: 'Events calendar CSV: date,id,kind,title,source_url,instruments (space-separated)[,known_at]',
  detect({ head }) {
    const cols = firstRecordCells(head).map((c) => c.toLowerCase());
    const known: readonly string[] = [...REQUIRED, ...OPTIONAL];
    return REQUIRED.every((c) => cols.includes(c)) && cols.every((c) => known.includes(c));
  },
  parse({ path, text }): ParsedFile {
    return parseCalendarCsv(path, text, toMarketEvent);
  },
};
