// The events calendar as JSON: `{ "events": [{ id, date, kind, title, sourceUrl, instruments?, knownAt? }] }`,
// each validated by marketEventSchema (src/domain/events.ts).
import type { MarketEvent } from '../../domain/events.js';
import { describeJsonValue } from '../caches/cache-rows.js';
import { arrayElementLines, parseJsonText } from '../caches/json-text.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { CALENDAR_SOURCE, toMarketEvent } from './event-rows.js';

const ID = 'events-calendar-json';

export const eventsCalendarJson: FileLayout = {
  id: ID,
  description: 'Events calendar JSON { events: [{ id, date, kind, title, sourceUrl, instruments?, knownAt? }] }',
  detect({ head }) {
    return /^\uFEFF?\s*\{\s*"events"\s*:\s*\[/.test(head);
  },
  parse({ path, text }): ParsedFile {
    const root = parseJsonText(ID, path, text);
    const list = typeof root === 'object' && root !== null ? (root as Record<string, unknown>)['events'] : undefined;
    if (!Array.isArray(list))
      throw new ImportError(`${ID}: ${path}: expected an object { events: [...] }, found ${describeJsonValue(root)}`);
    let lines: number[] | null = null;
    const rejects: RowReject[] = [];
    const reject = (index: number, field: string, message: string): void => {
      lines ??= arrayElementLines(text, 'events');
      rejects.push({ line: lines[index] ?? 0, field: `events[${index}].${field}`, message });
    };
    const events: MarketEvent[] = [];
    const seen = new Map<string, number>();
    list.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        return reject(index, 'event', `expected an object, found ${describeJsonValue(item)}`);
      const e = item as Record<string, unknown>;
      const result = toMarketEvent({
        id: e['id'],
        date: e['date'],
        kind: e['kind'],
        title: e['title'],
        sourceUrl: e['sourceUrl'],
        instruments: e['instruments'],
        knownAt: e['knownAt'],
      });
      if (!result.ok) return reject(index, result.field, result.message);
      const earlier = seen.get(result.event.id);
      if (earlier !== undefined)
        return reject(
          index,
          'id',
          `duplicate id "${result.event.id}" (first at events[${earlier}]): the first is kept`,
        );
      seen.set(result.event.id, index);
      events.push(result.event);
    });
    return { source: CALENDAR_SOURCE, observations: [], events, rejects, warnings: [] };
  },
};
