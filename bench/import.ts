// Benchmark: importing the whole shared data directory (target < 5 s on 2 cores) and ingesting a
// 10-year simulated dataset; prints wall time and rows/s.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFiles } from '../src/sources/import-files.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { simulateMarket } from '../src/sim/simulate.js';
import type { BenchResult } from './result.js';

const SHARED = resolve(process.cwd(), '../shared/data');

export async function main(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  if (existsSync(SHARED)) {
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      // A database file, as `tidemark import` writes, not an in-memory one.
      const dir = mkdtempSync(join(tmpdir(), 'tidemark-bench-'));
      const store = await openDuckDbStore(join(dir, 'bench.duckdb'));
      const t0 = performance.now();
      const summaries = await importFiles(store, [SHARED]);
      runs.push(performance.now() - t0);
      rows = summaries.reduce((n, s) => n + s.counts.inserted + s.counts.revised, 0);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const best = Math.min(...runs);
    results.push({
      name: 'import ../shared/data into a database file (parse + store, best of 3)',
      value: best / 1000,
      unit: 's',
      target: '< 5 s',
      ok: best < 5000,
      detail: `${rows.toLocaleString('en-US')} rows, ${Math.round(rows / (best / 1000)).toLocaleString('en-US')} rows/s`,
    });
  } else {
    results.push({
      name: 'import ../shared/data',
      value: null,
      unit: 's',
      target: '< 5 s',
      ok: null,
      detail: 'skipped: ../shared/data absent',
    });
  }
  const t0 = performance.now();
  const sim = simulateMarket({ seed: 7, years: 10 });
  const tGen = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-bench-'));
  const store = await openDuckDbStore(join(dir, 'sim10.duckdb'));
  const t1 = performance.now();
  await store.ingest([
    { provenance: { source: 'tidemark-sim', origin: 'bench' }, observations: sim.observations, events: sim.events },
  ]);
  const tIngest = performance.now() - t1;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const n = sim.observations.length;
  results.push({
    name: '10-year simulated dataset: generate',
    value: tGen / 1000,
    unit: 's',
    target: '',
    ok: null,
    detail: `${n.toLocaleString('en-US')} rows, ${Math.round(n / (tGen / 1000)).toLocaleString('en-US')} rows/s`,
  });
  results.push({
    name: '10-year simulated dataset: ingest into a DuckDB file',
    value: tIngest / 1000,
    unit: 's',
    target: '',
    ok: null,
    detail: `${Math.round(n / (tIngest / 1000)).toLocaleString('en-US')} rows/s`,
  });
  return results;
}
