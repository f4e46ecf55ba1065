// Multi-batch ingests of the DuckDB store: batches apply in order, counts come back per batch.
import { describe, expect, it } from 'vitest';
import type { MarketEvent } from '../../src/domain/events.js';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const flow = (key: string, date: string, netFlowUsd: number, knownAt = `${date}T23:00:00.000Z`): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key,
  date,
  value: netFlowUsd,
  knownAt,
});
const batch = (origin: string, observations: Observation[], observedAt?: string) => ({
  provenance: { source: 'farside', origin, ...(observedAt ? { observedAt } : {}) },
  observations,
});

describe('DuckDbStore multi-batch ingest', () => {
  it('lets a later batch of the same ingest revise a key an earlier batch inserted', async () => {
    const store = await openDuckDbStore(':memory:');
    const csv = batch('farside.csv', [flow('IBIT', '2026-01-05', 1e6), flow('IBIT', '2026-01-06', 2e6)]);
    const cache = batch(
      'farside.json',
      [flow('IBIT', '2026-01-06', 2e6), flow('IBIT', '2026-01-05', 1.5e6), flow('FBTC', '2026-01-05', 3e6)],
      '2026-01-20T00:00:00.000Z',
    );
    expect(await store.ingest([csv, cache])).toEqual([
      { inserted: 2, revised: 0, unchanged: 0 },
      { inserted: 1, revised: 1, unchanged: 1 },
    ]);
    expect(await store.countRows()).toBe(4);
    const now = await store.read({ dataset: 'etf-flows', keys: ['IBIT'] });
    expect(now.map((o) => [o.date, o.value, o.knownAt])).toEqual([
      ['2026-01-05', 1.5e6, '2026-01-20T00:00:00.000Z'],
      ['2026-01-06', 2e6, '2026-01-06T23:00:00.000Z'],
    ]);
    expect((await store.read({ dataset: 'etf-flows', keys: ['IBIT'], asOf: '2026-01-10' }))[0]?.value).toBe(1e6);
    // The same two batches again change nothing.
    expect(await store.ingest([csv, cache])).toEqual([
      { inserted: 0, revised: 0, unchanged: 2 },
      { inserted: 0, revised: 0, unchanged: 3 },
    ]);
    await store.close();
  });

  it('applies 1 → 2 → 1 across three dated batches of one ingest as two revisions', async () => {
    const store = await openDuckDbStore(':memory:');
    const counts = await store.ingest([
      batch('a', [flow('IBIT', '2026-01-05', 1e6)], '2026-01-06T03:00:00.000Z'),
      batch('b', [flow('IBIT', '2026-01-05', 2e6)], '2026-01-10T00:00:00.000Z'),
      batch('c', [flow('IBIT', '2026-01-05', 1e6)], '2026-01-20T00:00:00.000Z'),
    ]);
    expect(counts).toEqual([
      { inserted: 1, revised: 0, unchanged: 0 },
      { inserted: 0, revised: 1, unchanged: 0 },
      { inserted: 0, revised: 1, unchanged: 0 },
    ]);
    const at = async (asOf: string): Promise<number | undefined> =>
      (await store.read({ dataset: 'etf-flows', asOf }))[0]?.value;
    expect([await at('2026-01-07'), await at('2026-01-15'), await at('2026-01-25')]).toEqual([1e6, 2e6, 1e6]);
    await store.close();
  });

  it('dates a revision 1 ms after the version it replaces when its snapshot is older', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      batch('a', [flow('IBIT', '2026-01-05', 1e6, '2026-01-06T02:00:00.000Z')], '2026-01-30T00:00:00.000Z'),
      batch('b', [flow('IBIT', '2026-01-05', 2e6, '2026-01-06T02:00:00.000Z')], '2026-01-05T00:00:00.000Z'),
    ]);
    const [latest] = await store.read({ dataset: 'etf-flows' });
    // The new key kept its own knownAt (not the snapshot time); the revision follows it by 1 ms.
    expect(latest).toMatchObject({ value: 2e6, knownAt: '2026-01-06T02:00:00.001Z' });
    await store.close();
  });

  it('counts many batches with disjoint keys each on its own', async () => {
    const store = await openDuckDbStore(':memory:');
    const batches = Array.from({ length: 25 }, (_, b) =>
      batch(
        `f${b}.csv`,
        Array.from({ length: b % 4 }, (_, d) => flow(`K${b}`, `2026-01-0${d + 5}`, b * 10 + d)),
      ),
    );
    const expected = batches.map((b) => ({ inserted: b.observations.length, revised: 0, unchanged: 0 }));
    expect(await store.ingest(batches)).toEqual(expected);
    expect(await store.countRows()).toBe(expected.reduce((n, c) => n + c.inserted, 0));
    expect(await store.ingest(batches)).toEqual(
      batches.map((b) => ({ inserted: 0, revised: 0, unchanged: b.observations.length })),
    );
    const k7 = await store.read({ dataset: 'etf-flows', keys: ['K7'] });
    expect(k7.map((o) => o.value)).toEqual([70, 71, 72]);
    await store.close();
  });

  it('keeps the last row of a key repeated inside a batch and counts the others as unchanged', async () => {
    const store = await openDuckDbStore(':memory:');
    const first = batch('a', [
      flow('IBIT', '2026-01-05', 1),
      flow('IBIT', '2026-01-06', 5),
      flow('IBIT', '2026-01-05', 2),
      flow('IBIT', '2026-01-05', 3),
    ]);
    const second = batch(
      'b',
      [flow('IBIT', '2026-01-05', 3), flow('IBIT', '2026-01-05', 4)],
      '2026-01-20T00:00:00.000Z',
    );
    expect(await store.ingest([first, second])).toEqual([
      { inserted: 2, revised: 0, unchanged: 2 },
      { inserted: 0, revised: 1, unchanged: 1 },
    ]);
    expect((await store.read({ dataset: 'etf-flows' })).map((o) => o.value)).toEqual([4, 5]);
    expect(await store.countRows()).toBe(3);
    await store.close();
  });

  it('counts events and empty batches in their own slot', async () => {
    const store = await openDuckDbStore(':memory:');
    const event: MarketEvent = {
      id: 'msci-consultation-2025-10-10',
      date: '2025-10-10',
      kind: 'index',
      title: 'MSCI consultation',
      sourceUrl: 'https://www.msci.com/',
      instruments: ['MSTR'],
      knownAt: '2025-10-10T22:00:00.000Z',
    };
    const counts = await store.ingest([
      batch('a', [flow('IBIT', '2026-01-05', 1)]),
      batch('empty', []),
      { ...batch('calendar', [flow('IBIT', '2026-01-05', 1)]), events: [event] },
    ]);
    expect(counts).toEqual([
      { inserted: 1, revised: 0, unchanged: 0 },
      { inserted: 0, revised: 0, unchanged: 0 },
      { inserted: 1, revised: 0, unchanged: 1 },
    ]);
    await store.close();
  });

  it('writes nothing when a later batch of many fails (allOrNothing)', async () => {
    const store = await openDuckDbStore(':memory:');
    const good = Array.from({ length: 5 }, (_, b) => batch(`g${b}`, [flow(`K${b}`, '2026-01-05', b)]));
    const bad = batch('bad', [flow('IBIT', '2026-02-30', 1)]);
    await expect(store.ingest([...good, bad], [], { allOrNothing: true })).rejects.toThrow(/nothing was written/);
    expect(await store.countRows()).toBe(0);
    expect(await store.ingest(good)).toEqual(good.map(() => ({ inserted: 1, revised: 0, unchanged: 0 })));
    await store.close();
  });
});
