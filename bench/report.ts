// Benchmark: generating the HTML analyst note (five server-side SVG charts included), target < 2 s.
// Uses the simulator + analysis engine when available, else the hand-written fixtures; the PDF
// time is printed for information when Chromium is installed.
import { existsSync } from 'node:fs';
import type { Analysis } from '../src/domain/analysis.js';
import type { MarketSeries } from '../src/domain/market-series.js';
import { chromiumPath } from '../src/report/pdf.js';
import { REPORT_CHART_LOOKBACK_DAYS, renderReport } from '../src/report/render-report.js';
import { openDuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { CoverageRow } from '../src/store/store.js';
import { buildSeriesFixture, loadAnalysisFixture } from '../test/fixtures/analysis/series-btc.js';
import type { BenchResult } from './result.js';

const AS_OF = '2026-01-07';

async function inputs(): Promise<{
  analysis: Analysis;
  series: MarketSeries;
  coverage: CoverageRow[];
  source: string;
}> {
  const store = await openDuckDbStore(':memory:');
  try {
    const { writeSimulatedDataset } = await import('../src/sim/simulate.js');
    const { analyzeStore } = await import('../src/phase/analyze.js');
    const { loadMarketSeries } = await import('../src/store/market-series-loader.js');
    await writeSimulatedDataset(store, { seed: 42 });
    const analysis = await analyzeStore(store, { asset: 'BTC', asOf: AS_OF });
    const series = await loadMarketSeries(store, {
      asset: 'BTC',
      asOf: AS_OF,
      lookbackDays: REPORT_CHART_LOOKBACK_DAYS,
    });
    return { analysis, series, coverage: await store.coverage(), source: 'simulated store (seed 42)' };
  } catch (error) {
    return {
      analysis: loadAnalysisFixture(),
      series: buildSeriesFixture(),
      coverage: [],
      source: `fixtures (simulator/analyze unavailable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    };
  } finally {
    await store.close();
  }
}

/** Times HTML generation: the first (cold) run and the best of 5; PDF once when Chromium exists. */
export async function main(): Promise<BenchResult[]> {
  const input = await inputs();
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const report = await renderReport(input, { formats: ['html'] });
    runs.push(performance.now() - t0);
    bytes = report.html?.length ?? 0;
  }
  const cold = runs[0] ?? 0;
  const best = Math.min(...runs.slice(1));
  const results: BenchResult[] = [
    {
      name: 'report HTML, first run (cold, includes chart library load)',
      value: cold / 1000,
      unit: 's',
      target: '< 2 s',
      ok: cold < 2000,
      detail: `${input.source}; ${Math.round(bytes / 1024)} KiB`,
    },
    {
      name: 'report HTML, best of 5 warm runs',
      value: best / 1000,
      unit: 's',
      target: '< 2 s',
      ok: best < 2000,
      detail: `${input.series.spot.length} days charted`,
    },
  ];
  if (existsSync(chromiumPath())) {
    const t0 = performance.now();
    await renderReport(input, { formats: ['pdf'] });
    results.push({
      name: 'report PDF (headless Chromium, incl. launch)',
      value: (performance.now() - t0) / 1000,
      unit: 's',
      target: '',
      ok: null,
      detail: chromiumPath(),
    });
  } else {
    results.push({
      name: 'report PDF',
      value: null,
      unit: 's',
      target: '',
      ok: null,
      detail: `skipped: no Chromium at ${chromiumPath()}`,
    });
  }
  return results;
}

if (process.argv[1]?.endsWith('bench/report.ts')) {
  for (const r of await main())
    console.log(
      `${r.name}: ${r.value === null ? 'skipped' : r.value.toFixed(3)} ${r.unit} ${r.target ? `(target ${r.target}: ${r.ok ? 'met' : 'NOT met'})` : ''} — ${r.detail}`,
    );
}
