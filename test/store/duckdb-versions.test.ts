// Versioning edge cases of the DuckDB store: reverts, older snapshots, event revisions.
import { describe, expect, it } from 'vitest';
import type { MarketEvent } from '../../src/domain/events.js';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const obs = (value: number): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key: 'IBIT',
  date: '2026-01-05',
  value,
  knownAt: '2026-01-06T02:00:00.000Z',
});
const batch = (value: number, observedAt?: string) => ({
  provenance: { source: 'farside', origin: `snap-${observedAt ?? 'none'}`, ...(observedAt ? { observedAt } : {}) },
  observations: [obs(value)],
});

describe('store versions', () => {
  it('keeps a revert to an earlier value when a newer dated snapshot says so (1 → 2 → 1)', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([batch(1e6, '2026-01-06T03:00:00.000Z')]);
    expect(await store.ingest([batch(2e6, '2026-01-10T00:00:00.000Z')])).toEqual([
      { inserted: 0, revised: 1, unchanged: 0 },
    ]);
    expect(await store.ingest([batch(1e6, '2026-01-20T00:00:00.000Z')])).toEqual([
      { inserted: 0, revised: 1, unchanged: 0 },
    ]);
    const at = async (asOf: string): Promise<number | undefined> =>
      (await store.read({ dataset: 'etf-flows', asOf }))[0]?.value;
    expect(await at('2026-01-07')).toBe(1e6);
    expect(await at('2026-01-15')).toBe(2e6);
    expect(await at('2026-01-25')).toBe(1e6);
    await store.close();
  });

  it('re-importing an older snapshot (dated or undated) changes nothing', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([batch(1e6)]);
    await store.ingest([batch(2e6, '2030-01-01T00:00:00.000Z')]);
    expect(await store.ingest([batch(1e6)])).toEqual([{ inserted: 0, revised: 0, unchanged: 1 }]);
    expect(await store.ingest([batch(1e6, '2026-01-08T00:00:00.000Z')])).toEqual([
      { inserted: 0, revised: 0, unchanged: 1 },
    ]);
    expect((await store.read({ dataset: 'etf-flows' }))[0]?.value).toBe(2e6);
    expect(await store.countRows()).toBe(2);
    await store.close();
  });

  it('an event revision is dated after the version it replaces and re-importing it is idempotent', async () => {
    const store = await openDuckDbStore(':memory:');
    const event: MarketEvent = {
      id: 'msci-dat-decision-2026-01-06',
      date: '2026-01-06',
      kind: 'index',
      title: 'MSCI decision',
      sourceUrl: 'https://www.msci.com/',
      instruments: ['MSTR'],
      knownAt: '2026-01-06T21:10:00.000Z',
    };
    const ingest = (e: MarketEvent, observedAt: string) =>
      store.ingest([
        { provenance: { source: 'calendar', origin: 'c.csv', observedAt }, observations: [], events: [e] },
      ]);
    expect(await ingest(event, '2026-01-07T00:00:00.000Z')).toEqual([{ inserted: 1, revised: 0, unchanged: 0 }]);
    const retitled = { ...event, title: 'MSCI keeps digital-asset treasury companies in its indexes' };
    expect(await ingest(retitled, '2026-02-01T00:00:00.000Z')).toEqual([{ inserted: 0, revised: 1, unchanged: 0 }]);
    expect(await ingest(retitled, '2026-02-02T00:00:00.000Z')).toEqual([{ inserted: 0, revised: 0, unchanged: 1 }]);
    expect((await store.readEvents())[0]?.title).toBe(retitled.title);
    expect((await store.readEvents({ asOf: '2026-01-10' }))[0]?.title).toBe('MSCI decision');
    await store.close();
  });
});
