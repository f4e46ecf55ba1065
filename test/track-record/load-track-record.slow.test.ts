// The track record from a store: every call equals the single-date analysis at its date, across the
// switch of spot source (CryptoQuant until its export stops, then CoinGecko), on the real data
// (skipped without ../shared/data); and the simulated default is all in-sample.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeStore } from '../../src/phase/analyze.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { importFiles } from '../../src/sources/import-files.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store } from '../../src/store/store.js';
import { trackRecordFromStore } from '../../src/track-record/load-track-record.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

describe('track record on the simulated default', () => {
  it('replays every trading day, scores the engine and both baselines, all in-sample', async () => {
    const sim = simulateMarket({ seed: 42 });
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
    ]);
    const run = await trackRecordFromStore(store, { asset: 'BTC', to: sim.truth.endDate });
    expect(run.simulated).toBe(true);
    expect(run.record.periods.map((p) => p.sample)).toEqual(['in-sample']);
    const period = run.record.periods[0]!;
    expect(period.engines.engine.calls).toBeGreaterThan(400);
    expect(period.engines.sma200.calls).toBe(period.engines.engine.calls);
    const sample = run.record.scoredCalls.engine.filter((_, i) => i % 150 === 0);
    for (const call of sample) {
      const direct = await analyzeStore(store, { asset: 'BTC', asOf: call.date });
      expect({ date: call.date, label: call.label }).toEqual({ date: call.date, label: direct.phase.label });
    }
    await store.close();
  }, 240_000);
});

describe.skipIf(!existsSync(SHARED_DATA_DIR))('track record on the real data', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await importFiles(store, [SHARED_DATA_DIR]);
  }, 240_000);

  it('calls equal single-date analyses before and after the spot source switches', async () => {
    const run = await trackRecordFromStore(store, { asset: 'BTC', from: '2026-03-02', to: '2026-06-30' });
    const calls = new Map(run.record.scoredCalls.engine.map((c) => [c.date, c]));
    for (const date of ['2026-03-10', '2026-04-08', '2026-05-12', '2026-06-24']) {
      const direct = await analyzeStore(store, { asset: 'BTC', asOf: date });
      expect({ date, label: calls.get(date)?.label, confidence: calls.get(date)?.confidence }).toEqual({
        date,
        label: direct.phase.label,
        confidence: direct.phase.confidence,
      });
    }
    expect(run.record.periods.map((p) => p.sample)).toEqual(['out-of-sample']);
  }, 240_000);
});
