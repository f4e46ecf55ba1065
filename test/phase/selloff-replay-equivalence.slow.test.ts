// The replay reads each day's sell-off from records built once over the whole history; a single-date
// analysis classifies the day's 1,100-day view directly. Both must give the same sell-off type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { factsAt } from '../../src/phase/facts-at.js';
import { phaseInputs } from '../../src/phase/phase-inputs.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

let store: DuckDbStore;
let full: MarketSeries;
let days: string[];

beforeAll(async () => {
  const sim = simulateMarket({ seed: 7 });
  store = await openDuckDbStore(':memory:');
  await store.ingest([
    {
      provenance: { source: 'tidemark-sim', origin: 'selloff-replay-equivalence.test' },
      observations: sim.observations,
      events: sim.events,
    },
  ]);
  full = await loadMarketSeries(store, { asset: 'ETH', asOf: sim.truth.endDate, lookbackDays: 5000 });
  days = sim.truth.days.map((d) => d.date).filter((_, i) => i % 4 === 0);
}, 120_000);
afterAll(async () => store.close());

describe('sell-off type: replay records vs the single-date view', () => {
  it('is the same on every fourth day of the simulated history', () => {
    const replay = phaseInputs(full, { selloffHistory: true });
    const direct = phaseInputs(full);
    expect(replay.selloffs!.length).toBeGreaterThan(5);
    const types = new Set<string>();
    for (const date of days) {
      const a = factsAt(replay, date)?.selloffType;
      const b = factsAt(direct, date)?.selloffType;
      expect({ date, type: a }).toEqual({ date, type: b });
      types.add(String(a));
    }
    expect(types.has('liquidity-failure')).toBe(true);
    expect(types.has('position-rebalancing')).toBe(true);
  }, 120_000);
});
