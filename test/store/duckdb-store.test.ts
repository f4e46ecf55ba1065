import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const flow = (date: string, fund: string, netFlowUsd: number, knownAt = `${date}T23:00:00.000Z`): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key: fund,
  date,
  value: netFlowUsd,
  knownAt,
});

describe('DuckDbStore', () => {
  it('inserts, skips identical rows on re-run, and keeps revisions as versions', async () => {
    const store = await openDuckDbStore(':memory:');
    const batch = {
      provenance: { source: 'farside', origin: 'a.csv' },
      observations: [flow('2026-01-05', 'IBIT', 1e6), flow('2026-01-06', 'IBIT', -2e6)],
    };
    expect(await store.ingest([batch])).toEqual([{ inserted: 2, revised: 0, unchanged: 0 }]);
    expect(await store.ingest([batch])).toEqual([{ inserted: 0, revised: 0, unchanged: 2 }]);
    expect(await store.countRows()).toBe(2);
    const revised = {
      provenance: { source: 'farside', origin: 'b.json', observedAt: '2026-01-20T00:00:00.000Z' },
      observations: [flow('2026-01-06', 'IBIT', -2.5e6)],
    };
    expect(await store.ingest([revised])).toEqual([{ inserted: 0, revised: 1, unchanged: 0 }]);
    expect(await store.countRows()).toBe(3);
    // As of 2026-01-10 the first value is what was known; today the revision is.
    const before = await store.read({ dataset: 'etf-flows', asset: 'BTC', asOf: '2026-01-10' });
    expect(before.map((o) => o.value)).toEqual([1e6, -2e6]);
    const now = await store.read({ dataset: 'etf-flows', asset: 'BTC' });
    expect(now.map((o) => o.value)).toEqual([1e6, -2.5e6]);
    expect(now[1]?.knownAt).toBe('2026-01-20T00:00:00.000Z');
    // Re-importing the older snapshot changes nothing.
    expect(await store.ingest([batch])).toEqual([{ inserted: 0, revised: 0, unchanged: 2 }]);
    const cov = await store.coverage();
    expect(cov).toHaveLength(1);
    expect(cov[0]).toMatchObject({ firstDate: '2026-01-05', lastDate: '2026-01-06', rows: 2, revisedRows: 1, gaps: 0 });
    await store.close();
  });

  it('as-of hides rows not yet known and dates after the as-of date', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      {
        provenance: { source: 's', origin: 'o' },
        observations: [flow('2026-01-05', 'IBIT', 1, '2026-01-06T02:00:00.000Z')],
      },
    ]);
    expect(await store.read({ dataset: 'etf-flows', asOf: '2026-01-05' })).toHaveLength(0);
    expect(await store.read({ dataset: 'etf-flows', asOf: '2026-01-06' })).toHaveLength(1);
    await store.close();
  });

  it('rolls back the whole ingest when any batch fails (allOrNothing)', async () => {
    const store = await openDuckDbStore(':memory:');
    const good = { provenance: { source: 's', origin: 'good' }, observations: [flow('2026-01-05', 'IBIT', 1)] };
    const bad = { provenance: { source: 's', origin: 'bad' }, observations: [flow('2026-13-45', 'IBIT', 1)] };
    await expect(store.ingest([good, bad], [], { allOrNothing: true })).rejects.toThrow(/nothing was written/);
    expect(await store.countRows()).toBe(0);
    await store.close();
  });

  it('counts gaps in US-trading-day series, skipping weekends and NYSE holidays', async () => {
    const store = await openDuckDbStore(':memory:');
    // 2025-12-24 (Wed) .. 2025-12-29 (Mon): 25th is Christmas, 27/28 weekend; 26th missing = 1 gap.
    await store.ingest([
      {
        provenance: { source: 's', origin: 'o' },
        observations: ['2025-12-24', '2025-12-29'].map((d) => flow(d, 'IBIT', 1)),
      },
    ]);
    expect((await store.coverage())[0]?.gaps).toBe(1);
    await store.close();
  });
});
