// The store refuses values it would store wrongly or not at all — NaN, ±Infinity, impossible dates,
// timestamps past year 9999 — batch by batch: a refused batch is left out whole and named; the other
// batches of the same ingest are stored, rounds included.
import { describe, expect, it } from 'vitest';
import type { MarketEvent } from '../../../src/domain/events.js';
import type { Observation } from '../../../src/domain/observation.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { StoreError } from '../../../src/store/store-error.js';
import type { IngestBatch } from '../../../src/store/store.js';

const flow = (key: string, date: string, value: number, knownAt = `${date}T23:00:00.000Z`): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key,
  date,
  value,
  knownAt,
});
const batch = (origin: string, observations: Observation[], observedAt?: string): IngestBatch => ({
  provenance: { source: 'farside', origin, ...(observedAt ? { observedAt } : {}) },
  observations,
});
const run = (origin: string) => ({
  kind: 'import' as const,
  source: 'farside',
  origin,
  startedAt: '2026-01-10T00:00:00.000Z',
  finishedAt: '2026-01-10T00:00:01.000Z',
  rejected: 0,
  status: 'ok' as const,
  message: 'layout farside-daily-csv',
});

describe('ingest refuses non-storable values batch by batch', () => {
  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('refuses a batch holding %s, naming dataset, field, date and value; stores the others', async (value, shown) => {
    const store = await openDuckDbStore(':memory:');
    const results = await store.ingest(
      [
        batch('a.csv', [flow('IBIT', '2026-01-05', 1e6)]),
        batch('bad.csv', [flow('FBTC', '2026-01-05', 2e6), flow('FBTC', '2026-01-06', value)]),
        batch('c.csv', [flow('GBTC', '2026-01-05', -3e6)]),
      ],
      [run('a.csv'), run('bad.csv'), run('c.csv')],
    );
    expect(results).toEqual([
      { inserted: 1, revised: 0, unchanged: 0 },
      {
        inserted: 0,
        revised: 0,
        unchanged: 0,
        refused: `store refused bad.csv (farside): etf-flows netFlowUsd BTC/FBTC 2026-01-06: value ${shown} is not a finite number; nothing of it was stored`,
      },
      { inserted: 1, revised: 0, unchanged: 0 },
    ]);
    const stored = await store.read({ dataset: 'etf-flows' });
    expect(stored.map((o) => [o.key, o.value])).toEqual([
      ['GBTC', -3e6],
      ['IBIT', 1e6],
    ]);
    // The refused batch's run is logged as failed with the reason; the others as they were.
    const runs = await store.runs();
    expect(runs.find((r) => r.origin === 'bad.csv')).toMatchObject({ status: 'failed', message: results[1]!.refused });
    expect(runs.find((r) => r.origin === 'c.csv')).toMatchObject({ status: 'ok', counts: { inserted: 1 } });
    await store.close();
  });

  it('refuses a date past 9999 after the knownAt lag, an impossible date and a bad event; counts how many', async () => {
    const store = await openDuckDbStore(':memory:');
    const event: MarketEvent = {
      id: 'fomc-2026-01-28',
      date: '2026-02-30',
      kind: 'policy',
      title: 'FOMC',
      sourceUrl: 'https://www.federalreserve.gov/',
      instruments: [],
      knownAt: '2026-01-01T00:00:00.000Z',
    };
    const results = await store.ingest([
      batch('year-9999.csv', [
        flow('IBIT', '9999-12-31', 1, '+010000-01-01T02:00:00.000Z'),
        flow('FBTC', '9999-12-31', 1, '+010000-01-01T02:00:00.000Z'),
      ]),
      batch('feb-30.csv', [flow('IBIT', '2026-02-30', 1)]),
      { ...batch('calendar.csv', []), events: [event] },
      batch('good.csv', [flow('IBIT', '2026-01-05', 5)]),
    ]);
    expect(results[0]!.refused).toBe(
      'store refused year-9999.csv (farside): etf-flows netFlowUsd BTC/IBIT 9999-12-31: knownAt "+010000-01-01T02:00:00.000Z" is not a storable ISO timestamp (years 0001-9999) (and 1 more value(s) like it); nothing of it was stored',
    );
    expect(results[1]!.refused).toMatch(
      /feb-30\.csv .*2026-02-30: date "2026-02-30" is not a YYYY-MM-DD calendar date/,
    );
    expect(results[2]!.refused).toMatch(/event fomc-2026-01-28: date "2026-02-30"/);
    expect(results[3]).toEqual({ inserted: 1, revised: 0, unchanged: 0 });
    expect(await store.countRows()).toBe(1);
    expect(await store.readEvents()).toEqual([]);
    await store.close();
  });

  it('a refused batch between two batches of the same keys leaves the rounds intact', async () => {
    const store = await openDuckDbStore(':memory:');
    // Round 1: first.csv inserts IBIT 1; the bad batch would have been round 2; later.json (a newer
    // snapshot) revises it to 2 — as if the bad batch had never been there.
    const results = await store.ingest([
      batch('first.csv', [flow('IBIT', '2026-01-05', 1)]),
      batch('bad.csv', [flow('IBIT', '2026-01-05', NaN)]),
      batch('later.json', [flow('IBIT', '2026-01-05', 2)], '2026-01-20T00:00:00.000Z'),
    ]);
    expect(results.map((r) => r.refused === undefined)).toEqual([true, false, true]);
    expect(results[0]).toEqual({ inserted: 1, revised: 0, unchanged: 0 });
    expect(results[2]).toEqual({ inserted: 0, revised: 1, unchanged: 0 });
    expect((await store.read({ dataset: 'etf-flows' })).map((o) => o.value)).toEqual([2]);
    expect((await store.read({ dataset: 'etf-flows', asOf: '2026-01-10' })).map((o) => o.value)).toEqual([1]);
    await store.close();
  });

  it('a non-finite value never becomes "unchanged" over an existing value', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([batch('a.csv', [flow('IBIT', '2026-01-05', 1)])]);
    const [result] = await store.ingest([
      batch('b.csv', [flow('IBIT', '2026-01-05', Infinity)], '2026-02-01T00:00:00.000Z'),
    ]);
    expect(result).toMatchObject({ inserted: 0, revised: 0, unchanged: 0 });
    expect(result!.refused).toContain('value Infinity is not a finite number');
    expect((await store.read({ dataset: 'etf-flows' })).map((o) => o.value)).toEqual([1]);
    await store.close();
  });

  it('allOrNothing turns any refusal into a StoreError of kind invalid, writing nothing', async () => {
    const store = await openDuckDbStore(':memory:');
    const error = await store
      .ingest(
        [batch('a.csv', [flow('IBIT', '2026-01-05', 1)]), batch('b.csv', [flow('FBTC', '2026-01-05', NaN)])],
        [],
        {
          allOrNothing: true,
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      kind: 'invalid',
      message:
        'store refused b.csv (farside): etf-flows netFlowUsd BTC/FBTC 2026-01-05: value NaN is not a finite number; nothing was written',
    });
    expect(await store.countRows()).toBe(0);
    await store.close();
  });

  it('accepts timestamps with an offset and stores them in UTC', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([batch('a.csv', [flow('IBIT', '2026-01-05', 1, '2026-01-06T01:30:00+02:00')])]);
    expect((await store.read({ dataset: 'etf-flows' }))[0]?.knownAt).toBe('2026-01-05T23:30:00.000Z');
    await store.close();
  });
});
