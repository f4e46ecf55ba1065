import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsCalendarCsv } from '../../../src/sources/events/events-csv.js';
import { eventsCalendarJson } from '../../../src/sources/events/events-json.js';

const fixture = (name: string) => {
  const path = resolve('test/fixtures/generic', name);
  return { path, text: readFileSync(path, 'utf8') };
};

describe('events-calendar-csv', () => {
  it('reads events with space-separated instruments, known from the event date 00:00 UTC', () => {
    const result = eventsCalendarCsv.parse(fixture('events-calendar.csv'));
    expect(result.rejects).toEqual([]);
    expect(result.observations).toEqual([]);
    expect(result.events).toEqual([
      {
        id: 'msci-dat-consultation-2025-10-10',
        date: '2025-10-10',
        kind: 'index',
        title: 'MSCI opens a consultation on excluding digital-asset treasury companies, decision due 2026-01-15',
        sourceUrl: 'https://www.msci.com/index-consultations',
        instruments: ['BTC', 'MSTR'],
        knownAt: '2025-10-10T00:00:00.000Z',
      },
      {
        id: 'liquidation-cascade-2025-10-10',
        date: '2025-10-10',
        kind: 'market',
        title: 'Largest liquidation day on record across crypto',
        sourceUrl: 'https://example.org/markets/2025-10-10',
        instruments: ['BTC', 'ETH'],
        knownAt: '2025-10-10T00:00:00.000Z',
      },
      {
        id: 'msci-dat-decision-2026-01-06',
        date: '2026-01-06',
        kind: 'index',
        title: 'MSCI decides not to exclude digital-asset treasury companies in the February 2026 review',
        sourceUrl: 'https://www.msci.com/index-consultations',
        instruments: [],
        knownAt: '2026-01-06T00:00:00.000Z',
      },
    ]);
  });

  it('detects its header (known_at optional) and not the generic long CSV', () => {
    const detect = (head: string) => eventsCalendarCsv.detect({ path: 'c.csv', name: 'c.csv', head });
    expect(detect('date,id,kind,title,source_url,instruments\n')).toBe(true);
    expect(detect('date,id,kind,title,source_url,instruments,known_at\n')).toBe(true);
    expect(detect('date,series,key,value\n')).toBe(false);
  });

  it('rejects invalid rows naming line and column', () => {
    const text = [
      'date,id,kind,title,source_url,instruments,known_at',
      '2025-10-10,ok-event,market,A fine title,https://example.org/a,BTC,2025-10-10T20:00:00Z',
      '2025-10-10,Bad Id,market,A fine title,https://example.org/a,BTC,',
      '2025-10-10,kind-bad,rumour,A fine title,https://example.org/a,BTC,',
      '2025-10-10,url-bad,market,A fine title,not a url,BTC,',
      '2025-13-10,date-bad,market,A fine title,https://example.org/a,BTC,',
      '2025-10-10,ok-event,market,Again,https://example.org/a,BTC,',
      '2025-10-10,known-bad,market,A fine title,https://example.org/a,BTC,later',
      '2025-10-10,short-row,market',
    ].join('\n');
    const result = eventsCalendarCsv.parse({ path: 'cal.csv', text });
    expect(result.rejects.map((r) => `${r.line} ${r.field ?? '-'}`)).toEqual([
      '3 id',
      '4 kind',
      '5 source_url',
      '6 date',
      '7 id',
      '8 known_at',
      '9 -',
    ]);
    expect(result.rejects[0]?.message).toMatch(/lowercase slug.*"Bad Id"/);
    expect(result.events?.map((e) => [e.id, e.knownAt])).toEqual([['ok-event', '2025-10-10T20:00:00.000Z']]);
  });
});

describe('events-calendar-json', () => {
  it('reads { events: [...] } with optional instruments and knownAt', () => {
    const result = eventsCalendarJson.parse(fixture('events-calendar.json'));
    expect(result.rejects).toEqual([]);
    expect(result.events).toEqual([
      {
        id: 'fomc-2025-12-10',
        date: '2025-12-10',
        kind: 'policy',
        title: 'FOMC cuts the target range by 25 bp',
        sourceUrl: 'https://www.federalreserve.gov/newsevents/pressreleases.htm',
        instruments: ['BTC', 'ETH'],
        knownAt: '2025-12-10T19:00:00.000Z',
      },
      {
        id: 'strategy-purchase-2026-01-12',
        date: '2026-01-12',
        kind: 'corporate',
        title: 'Strategy reports holding 687,410 BTC',
        sourceUrl: 'https://www.strategy.com/purchases',
        instruments: [],
        knownAt: '2026-01-12T00:00:00.000Z',
      },
    ]);
  });

  it('rejects invalid events by index and line, and fails clearly on malformed JSON', () => {
    const text =
      '{"events": [\n{"id": "good-one", "date": "2026-01-05", "kind": "macro", "title": "Fine", "sourceUrl": "https://e.org"},\n{"id": "no-title", "date": "2026-01-05", "kind": "macro", "sourceUrl": "https://e.org"},\n"text"\n]}';
    const result = eventsCalendarJson.parse({ path: 'e.json', text });
    expect(result.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['3 events[1].title', '4 events[2].event']);
    expect(result.events?.map((e) => e.id)).toEqual(['good-one']);
    expect(() => eventsCalendarJson.parse({ path: 'e.json', text: '{"events": [' })).toThrow(
      /events-calendar-json: e\.json: malformed JSON/,
    );
  });
});

const SHIPPED = resolve('data/events/calendar.csv');

describe.skipIf(!existsSync(SHIPPED))('the shipped calendar (data/events/calendar.csv)', () => {
  it('is read by events-calendar-csv with no rejected row', () => {
    const result = eventsCalendarCsv.parse({ path: SHIPPED, text: readFileSync(SHIPPED, 'utf8') });
    expect(result.rejects).toEqual([]);
    expect(result.events?.length).toBeGreaterThan(0);
    // Scheduled events may be known before their date (a consultation's closing day), never undated.
    expect(result.events?.every((e) => Number.isFinite(Date.parse(e.knownAt)))).toBe(true);
  });
});
