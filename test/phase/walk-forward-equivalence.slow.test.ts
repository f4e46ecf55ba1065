// Walk-forward equals analyze: a series loaded once and sliced to an as-of date D gives the same
// analysis as loading the store at D, on the simulator (which has no revised values).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSeries, analyzeStore } from '../../src/phase/analyze.js';
import { walkForward } from '../../src/phase/walk-forward.js';
import { simulateMarket, type SimulatedMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { sliceMarketSeries } from '../../src/domain/slice-market-series.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import type { MarketSeries } from '../../src/domain/market-series.js';

let sim: SimulatedMarket;
let store: DuckDbStore;
let full: MarketSeries;
const asset = 'BTC';

beforeAll(async () => {
  sim = simulateMarket({ seed: 42 });
  store = await openDuckDbStore(':memory:');
  await store.ingest([
    {
      provenance: { source: 'tidemark-sim', origin: 'walk-forward-equivalence.test' },
      observations: sim.observations,
      events: sim.events,
    },
  ]);
  full = await loadMarketSeries(store, { asset, asOf: sim.truth.endDate, lookbackDays: 5000 });
}, 120_000);
afterAll(async () => store.close());

describe('walk-forward vs analyze on the simulator', () => {
  // Early (little history), middle, and late dates; a Wednesday, a Monday and a Saturday.
  const pick = (): string[] => {
    const days = sim.truth.days.map((d) => d.date);
    return [days[Math.floor(days.length * 0.3)]!, days[Math.floor(days.length * 0.65)]!, days[days.length - 20]!];
  };

  it('gives the same label, confidence and flow regime as analyzeStore at each date', async () => {
    for (const date of pick()) {
      const [reading] = walkForward(full, [date]);
      const direct = await analyzeStore(store, { asset, asOf: date });
      expect({ date, label: reading!.label, confidence: reading!.confidence, flowRegime: reading!.flowRegime }).toEqual(
        {
          date,
          label: direct.phase.label,
          confidence: direct.phase.confidence,
          flowRegime: direct.signals.etfFlows.regime,
        },
      );
    }
  }, 120_000);

  it('analyses a sliced series exactly as a series loaded at the date', async () => {
    for (const date of pick()) {
      const sliced = sliceMarketSeries(full, date);
      const loaded = await loadMarketSeries(store, { asset, asOf: date, cache: false });
      expect(sliced).toEqual(loaded);
      expect(analyzeSeries(sliced)).toEqual(analyzeSeries(loaded));
    }
  }, 120_000);
});
