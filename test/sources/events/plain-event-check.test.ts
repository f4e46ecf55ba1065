// The zod-free check of the shipped calendar agrees with the schema: the same events from the real
// calendar file, the same field named for each kind of bad value, and nothing the schema refuses let through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarCsv } from '../../../src/sources/events/calendar-csv-rows.js';
import type { EventCandidate } from '../../../src/sources/events/event-candidate.js';
import { toMarketEvent } from '../../../src/sources/events/event-rows.js';
import { plainMarketEvent } from '../../../src/sources/events/plain-event-check.js';
import { SHIPPED_CALENDAR, loadShippedEvents } from '../../../src/sources/events/shipped-calendar.js';

const good: EventCandidate = {
  id: 'msci-dat-decision-2026-01-06',
  date: '2026-01-06',
  kind: 'index',
  title: 'MSCI decision on digital-asset treasury companies',
  sourceUrl: 'https://www.msci.com/index-consultations',
  instruments: ['MSTR', 'BTC'],
  knownAt: '',
};

describe('plainMarketEvent', () => {
  it('reads the shipped calendar exactly as the schema does', () => {
    const text = readFileSync(SHIPPED_CALENDAR, 'utf8');
    const plain = parseCalendarCsv(SHIPPED_CALENDAR, text, plainMarketEvent);
    expect(plain.rejects).toEqual([]);
    expect(plain.events!.length).toBeGreaterThan(5);
    expect(JSON.stringify(plain)).toBe(JSON.stringify(parseCalendarCsv(SHIPPED_CALENDAR, text, toMarketEvent)));
    expect(loadShippedEvents()).toEqual(plain.events);
  });

  it('returns the schema’s object for valid events (knownAt rule, key order, no instruments)', () => {
    for (const c of [
      good,
      { ...good, knownAt: '2026-01-05' },
      { ...good, knownAt: '2026-01-06T14:30:00Z' },
      { ...good, instruments: [] },
      { ...good, instruments: undefined },
      { ...good, kind: 'other', sourceUrl: 'http://localhost:8080/x?y=1#z' },
    ]) {
      const plain = plainMarketEvent(c);
      expect(plain.ok).toBe(true);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(toMarketEvent(c)));
    }
    expect(plainMarketEvent(good)).toMatchObject({ ok: true, event: { knownAt: '2026-01-06T00:00:00.000Z' } });
  });

  it('refuses what the schema refuses, naming the same field and the value', () => {
    const bad: [Partial<Record<keyof EventCandidate, unknown>>, string][] = [
      [{ id: 'Not A Slug' }, 'id'],
      [{ id: 'ab' }, 'id'],
      [{ date: '2026-02-30' }, 'date'],
      [{ kind: 'rumour' }, 'kind'],
      [{ title: 'no' }, 'title'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ sourceUrl: 'www.msci.com' }, 'sourceUrl'],
      [{ instruments: ['BTC', ''] }, 'instruments.1'],
      [{ knownAt: 'soon' }, 'knownAt'],
    ];
    for (const [change, field] of bad) {
      const c = { ...good, ...change } as EventCandidate;
      const plain = plainMarketEvent(c);
      const schema = toMarketEvent(c);
      expect(schema).toMatchObject({ ok: false, field });
      expect(plain).toMatchObject({ ok: false, field });
      if (!plain.ok) expect(plain.message).toContain('(found ');
    }
  });
});
