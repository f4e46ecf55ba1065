// Benchmark: a 1,000-combination sweep of phased accumulation (tranches 1–10 × minDaysBetween
// 0–27 × timeStopDays 7–70) over BTC 2017–2026 — each combination run over the whole window, the
// in-sample and the out-of-sample periods — after the phase series is built (target < 10 s). Real
// data from ../shared/data when present (TIDEMARK_SHARED_DATA), else a 10-year simulated history.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { backtestHistoryFromStore } from '../src/backtest/load-backtest.js';
import { parseSweepAxis, sweepStrategy } from '../src/backtest/sweep.js';
import { importFiles } from '../src/sources/import-files.js';
import { writeSimulatedDataset } from '../src/sim/simulate.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { BenchResult } from './result.js';

export async function main(): Promise<BenchResult[]> {
  const shared = resolve(process.env['TIDEMARK_SHARED_DATA'] ?? resolve(process.cwd(), '../shared/data'));
  const real = existsSync(shared);
  const store = await openDuckDbStore(':memory:');
  if (real) await importFiles(store, [shared]);
  else await writeSimulatedDataset(store, { seed: 42, years: 10 });
  const t0 = performance.now();
  const history = await backtestHistoryFromStore(store, { asset: 'BTC' });
  const buildSeconds = (performance.now() - t0) / 1000;
  await store.close();
  const kind = 'phased-accumulation';
  const axes = ['tranches=1..10', 'minDaysBetween=0..27:3', 'timeStopDays=7..70:7'].map((s) => parseSweepAxis(s, kind));
  const request = {
    kind,
    axes,
    from: '2017-01-01',
    to: '2099-12-31',
    startCashUsd: 10_000,
    feeBps: 10,
    slippageBps: 5,
  } as const;
  sweepStrategy(history.market, { ...request, axes: axes.map((a) => ({ ...a, values: a.values.slice(0, 2) })) }); // warm up
  const t1 = performance.now();
  const sweep = sweepStrategy(history.market, request);
  const seconds = (performance.now() - t1) / 1000;
  const data = real ? 'real BTC' : 'simulated BTC (10 years)';
  return [
    {
      name: `backtest sweep, ${sweep.combinations.length} combinations of phased accumulation, ${data} ${sweep.from} → ${sweep.to}`,
      value: seconds,
      unit: 's',
      target: '< 10 s',
      ok: seconds < 10,
      detail: `whole + in-sample + out-of-sample runs per combination; phase series built first in ${buildSeconds.toFixed(1)} s (${history.replay.days} days replayed)`,
    },
  ];
}
