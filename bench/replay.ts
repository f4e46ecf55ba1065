// Benchmark: the replay rate. Loads the real data (../shared/data or TIDEMARK_SHARED_DATA, imported into
// a temporary in-memory DuckDB) when it exists, else the simulated default (seed 42), then replays every
// US trading day from 2017-01-01 (or the first day with 200 closes) to the latest data for BTC and ETH,
// in-process, and prints days/s (target ≥ 2,000) with the import and the load apart.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANALYSED_ASSETS } from '../src/domain/assets.js';
import { TRACK_RECORD_START } from '../src/domain/sample-split.js';
import { replayPhases } from '../src/phase/replay.js';
import { writeSimulatedDataset } from '../src/sim/simulate.js';
import { importFiles } from '../src/sources/import-files.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { defaultAsOf, loadMarketSeries } from '../src/store/market-series-loader.js';
import { replayDates } from '../src/track-record/load-track-record.js';
import type { BenchResult } from './result.js';

/** Days replayed per second the issue asks for (issue 7, section 1). */
const TARGET_DAYS_PER_S = 2000;

export async function main(): Promise<BenchResult[]> {
  const shared = resolve(process.env['TIDEMARK_SHARED_DATA'] ?? resolve(process.cwd(), '../shared/data'));
  const real = existsSync(shared);
  const store = await openDuckDbStore(':memory:');
  const results: BenchResult[] = [];
  try {
    const t0 = performance.now();
    if (real) await importFiles(store, [shared]);
    else await writeSimulatedDataset(store, { seed: 42 });
    const source = real ? `real data from ${shared}` : 'simulated default (seed 42; no ../shared/data)';
    results.push({
      name: real ? 'replay: import the real data into a temporary DuckDB' : 'replay: write the simulated dataset',
      value: (performance.now() - t0) / 1000,
      unit: 's',
      target: '',
      ok: null,
      detail: source,
    });
    for (const asset of ANALYSED_ASSETS) {
      const to = await defaultAsOf(store, asset);
      const l0 = performance.now();
      const series = await loadMarketSeries(store, { asset, asOf: to, cache: false });
      const loadSeconds = (performance.now() - l0) / 1000;
      const dates = replayDates(series, TRACK_RECORD_START, to);
      replayPhases(series, dates.slice(0, 50)); // warm the JIT on a few days
      const r0 = performance.now();
      const replay = replayPhases(series, dates);
      const seconds = (performance.now() - r0) / 1000;
      const rate = dates.length / seconds;
      results.push(
        {
          name: `replay ${asset}: load the whole history (${series.spot.length} closes)`,
          value: loadSeconds,
          unit: 's',
          target: '',
          ok: null,
          detail: `as of ${to}`,
        },
        {
          name: `replay ${asset}: every US trading day ${dates[0] ?? '–'} → ${dates.at(-1) ?? '–'}`,
          value: rate,
          unit: 'days/s',
          target: `≥ ${TARGET_DAYS_PER_S} days/s`,
          ok: rate >= TARGET_DAYS_PER_S,
          detail: `${dates.length} days in ${seconds.toFixed(2)} s; ${replay.rebuiltDays} rebuilt (exact slow path), ${replay.lateItemEpochs} histories rebuilt without late items; ${source}`,
        },
      );
    }
  } finally {
    await store.close();
  }
  return results;
}
