// `npm run bench [-- name...]`: runs the benchmarks (cli, import, analyze, report, api, dashboard, track-record, replay, backtest) one
// after another and prints each figure against its target. Not part of the test suite.
import type { BenchResult } from './result.js';

const BENCHES: Record<string, () => Promise<{ main: () => Promise<BenchResult[]> }>> = {
  cli: () => import('./cli.js'),
  import: () => import('./import.js'),
  analyze: () => import('./analyze.js'),
  report: () => import('./report.js'),
  api: () => import('./api.js'),
  dashboard: () => import('./dashboard.js'),
  'track-record': () => import('./track-record.js'),
  replay: () => import('./replay.js'),
  backtest: () => import('./backtest.js'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
const results: BenchResult[] = [];
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; one of ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  process.stderr.write(`running ${name} …\n`);
  const bench = await load();
  const rs = await bench.main();
  for (const r of rs) {
    results.push(r);
    const v = r.value === null ? 'skipped' : `${r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)} ${r.unit}`;
    console.log(
      `${r.ok === null ? ' ' : r.ok ? '✓' : '✗'} ${r.name}: ${v}${r.target ? `  (target ${r.target})` : ''}  ${r.detail}`,
    );
  }
}
if (results.some((r) => r.ok === false)) process.exitCode = 1;
