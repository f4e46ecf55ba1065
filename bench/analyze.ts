// Benchmark: one full `analyze` over 3 years of every series, warm (target < 300 ms: load from
// DuckDB + all signals + judgment), and the walk-forward rate over every trading day, in days/s.
import { addDays, dateRange } from '../src/domain/dates.js';
import { isUsTradingDay } from '../src/domain/us-market-calendar.js';
import { analyzeSeries, analyzeStore } from '../src/phase/analyze.js';
import { walkForward } from '../src/phase/walk-forward.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../src/store/market-series-loader.js';
import { writeSimulatedDataset } from '../src/sim/simulate.js';
import type { BenchResult } from './result.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function main(): Promise<BenchResult[]> {
  const store = await openDuckDbStore(':memory:');
  await writeSimulatedDataset(store, { seed: 42 });
  const asOf = '2026-01-07';
  for (let i = 0; i < 3; i++) await analyzeStore(store, { asset: 'BTC', asOf }); // warm up
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await analyzeStore(store, { asset: 'BTC', asOf });
    times.push(performance.now() - t0);
  }
  const warm = median(times);
  // Without the loader's series cache: every call reads all series from DuckDB again.
  const uncachedTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    analyzeSeries(await loadMarketSeries(store, { asset: 'BTC', asOf, cache: false }));
    uncachedTimes.push(performance.now() - t0);
  }
  const uncached = median(uncachedTimes);
  const full = await loadMarketSeries(store, { asset: 'BTC', asOf: '2026-03-31', lookbackDays: 1100 + 800 });
  const dates = dateRange(addDays('2026-03-31', -730), '2026-03-31').filter(isUsTradingDay);
  const t0 = performance.now();
  walkForward(full, dates);
  const wfSeconds = (performance.now() - t0) / 1000;
  await store.close();
  return [
    {
      name: 'analyze BTC, 3 years of every series (warm: series cache hit, median of 15)',
      value: warm,
      unit: 'ms',
      target: '< 300 ms',
      ok: warm < 300,
      detail: `min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    },
    {
      name: 'analyze BTC, 3 years, series re-read from DuckDB each call (no cache, median of 9)',
      value: uncached,
      unit: 'ms',
      target: '< 300 ms',
      ok: uncached < 300,
      detail: `min ${Math.min(...uncachedTimes).toFixed(0)} ms, max ${Math.max(...uncachedTimes).toFixed(0)} ms`,
    },
    {
      name: 'walk-forward: analyze every US trading day of 2 years',
      value: dates.length / wfSeconds,
      unit: 'days/s',
      target: '',
      ok: null,
      detail: `${dates.length} days in ${wfSeconds.toFixed(1)} s`,
    },
  ];
}
