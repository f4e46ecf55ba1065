import { describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../src/domain/datasets.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { SIM_SOURCE, writeSimulatedDataset } from '../../src/sim/simulate.js';

/** The datasets the engine reads, all of which the simulator must fill. */
const SIMULATED: readonly DatasetName[] = [
  'etf-flows',
  'etf-flows-total',
  'etf-aum',
  'etf-holdings',
  'spot',
  'perp',
  'cme',
  'cme-basis',
  'cot',
  'treasury',
  'equity',
  'equity-etf-flows',
];

describe('writeSimulatedDataset', () => {
  it('ingests every dataset into an in-memory store in one run, idempotently', async () => {
    const store = await openDuckDbStore(':memory:');
    try {
      const summary = await writeSimulatedDataset(store, { seed: 42 });
      expect(summary.firstDate).toBe('2023-04-01');
      expect(summary.lastDate).toBe('2026-03-31');
      expect(summary.counts.inserted).toBeGreaterThanOrEqual(summary.observations);
      const coverage = await store.coverage();
      const datasets = new Set(coverage.map((c) => c.dataset));
      for (const d of SIMULATED) expect(datasets.has(d), d).toBe(true);
      expect([...datasets].every((d) => d in DATASETS)).toBe(true);
      expect(coverage.every((c) => c.sources.length === 1 && c.sources[0] === SIM_SOURCE)).toBe(true);
      const flows = coverage.find((c) => c.dataset === 'etf-flows' && c.asset === 'BTC' && c.key === 'IBIT')!;
      expect(flows.gaps).toBe(0); // every NYSE trading day has a flow
      const spot = coverage.find((c) => c.dataset === 'spot' && c.asset === 'BTC' && c.field === 'close')!;
      expect(spot.rows).toBe(1096);
      const runs = await store.runs(5);
      expect(runs[0]).toMatchObject({ kind: 'simulate', source: SIM_SOURCE, status: 'ok' });
      expect(await store.readEvents()).toHaveLength(3);
      const cot = await store.read({
        dataset: 'cot',
        asset: 'BTC',
        fields: ['openInterestCoins'],
        from: '2026-03-24',
        to: '2026-03-24',
        asOf: '2026-03-26',
      });
      expect(cot).toHaveLength(0); // Tuesday's report is not known on Thursday
      const again = await writeSimulatedDataset(store, { seed: 42 });
      expect(again.counts.inserted).toBe(0);
      expect(again.counts.revised).toBe(0);
      await expect(writeSimulatedDataset(store, { seed: 43 })).rejects.toThrow(/different simulated dataset/);
    } finally {
      await store.close();
    }
  });

  it('refuses to write into a database that holds real data, writing nothing', async () => {
    const store = await openDuckDbStore(':memory:');
    try {
      await store.ingest([
        {
          provenance: { source: 'farside', origin: 'test' },
          observations: [
            {
              dataset: 'etf-flows',
              field: 'netFlowUsd',
              asset: 'BTC',
              key: 'IBIT',
              date: '2026-01-06',
              value: -1e8,
              knownAt: '2026-01-07T02:00:00.000Z',
            },
          ],
        },
      ]);
      await expect(writeSimulatedDataset(store, { seed: 1 })).rejects.toThrow(StoreError);
      await expect(writeSimulatedDataset(store, { seed: 1 })).rejects.toMatchObject({ kind: 'conflict' });
      await expect(writeSimulatedDataset(store, { seed: 1 })).rejects.toThrow(/holds real data \(sources: farside\)/);
      expect(await store.countRows()).toBe(1);
    } finally {
      await store.close();
    }
  });
});
