import { simulateMarket } from './src/sim/simulate.js';
import { openDuckDbStore } from './src/store/duckdb/duckdb-store.js';
import { sliceMarketSeries } from './src/domain/slice-market-series.js';
import { loadMarketSeries } from './src/store/market-series-loader.js';
import { analyzeSeries } from './src/phase/analyze.js';
const sim = simulateMarket({ seed: 42 });
const store = await openDuckDbStore(':memory:');
await store.ingest([{ provenance: { source: 'tidemark-sim', origin: 'x' }, observations: sim.observations, events: sim.events }]);
const full = await loadMarketSeries(store, { asset: 'BTC', asOf: sim.truth.endDate });
await store.close();
const days = sim.truth.days.map((d) => d.date);
for (let rep = 0; rep < 4; rep++) {
  const c0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
  for (let i = 200; i < days.length; i += 7) { n++; JSON.stringify(analyzeSeries(sliceMarketSeries(full, days[i]))); }
  const c = process.cpuUsage(c0); console.log('rep', rep, 'cpu ms', ((c.user + c.system) / 1000 / n).toFixed(2), 'wall', ((performance.now() - t0) / n).toFixed(2));
}
