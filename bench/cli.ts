// Benchmark: the CLI as a user runs it — whole processes (`node bin/tidemark.js …`), start-up,
// module loading, DuckDB open, reads, judgment and output included. `tidemark --version` (target
// < 150 ms) and `tidemark analyze` on the real data (target < 1 s), each the median of several runs
// after a warm-up, beside a bare `node -e 0` for scale. The real data: TIDEMARK_BENCH_DB (a store
// already imported, opened read-only) or ../shared/data imported into a temporary store first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, ensureBuilt, ROOT } from './built-cli.js';
import type { BenchResult } from './result.js';

const SHARED = resolve(process.cwd(), '../shared/data');
const RUNS = Number(process.env['TIDEMARK_BENCH_RUNS'] ?? 9);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux); null elsewhere. */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node runs on
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

interface ProcessFigures {
  readonly wallMs: number[];
  readonly cpuMs: number[];
  readonly exitCodes: number[];
}

/** Runs `command args` RUNS times after one warm-up; wall time from outside, CPU from the OS's accounting. */
function timeProcess(command: string, args: readonly string[]): ProcessFigures {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const cpu0 = childrenCpuSeconds();
    const t0 = performance.now();
    const res = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const wall = performance.now() - t0;
    const cpu1 = childrenCpuSeconds();
    if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
    if (i === 0) continue; // warm-up: file cache, DuckDB extension loading
    wallMs.push(wall);
    if (cpu0 !== null && cpu1 !== null) cpuMs.push((cpu1 - cpu0) * 1000);
    exitCodes.push(res.status);
  }
  return { wallMs, cpuMs, exitCodes };
}

function detail(f: ProcessFigures, baseline?: ProcessFigures): string {
  const parts = [
    `median of ${f.wallMs.length} whole processes; wall min ${Math.min(...f.wallMs).toFixed(0)} / max ${Math.max(...f.wallMs).toFixed(0)} ms`,
  ];
  if (f.cpuMs.length > 0) parts.push(`CPU (user+sys) median ${median(f.cpuMs).toFixed(0)} ms`);
  if (baseline)
    parts.push(
      `bare \`node -e 0\` ${median(baseline.wallMs).toFixed(0)} ms wall${baseline.cpuMs.length > 0 ? `, ${median(baseline.cpuMs).toFixed(0)} ms CPU` : ''}`,
    );
  parts.push(`load average ${loadavg()[0]!.toFixed(1)} on this machine`);
  return parts.join('; ');
}

/** The real data as a store path, and a clean-up; null when neither TIDEMARK_BENCH_DB nor ../shared/data exists. */
function realStore(): { path: string; cleanUp: () => void; origin: string } | null {
  const given = process.env['TIDEMARK_BENCH_DB'];
  if (given !== undefined) return { path: resolve(given), cleanUp: () => undefined, origin: given };
  if (!existsSync(SHARED)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-bench-cli-'));
  const path = join(dir, 'real.duckdb');
  process.stderr.write(`importing ${SHARED} into ${path} (not timed) …\n`);
  const res = spawnSync(process.execPath, [BIN, 'import', SHARED, '--db', path], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`import of ${SHARED} failed (${res.status}): ${res.stderr}`);
  return { path, cleanUp: () => rmSync(dir, { recursive: true, force: true }), origin: '../shared/data' };
}

export async function main(): Promise<BenchResult[]> {
  ensureBuilt();
  const node = process.execPath;
  const baseline = timeProcess(node, ['-e', '0']);
  const version = timeProcess(node, [BIN, '--version']);
  const results: BenchResult[] = [
    {
      name: 'tidemark --version (whole process)',
      value: median(version.wallMs),
      unit: 'ms',
      target: '< 150 ms',
      ok: median(version.wallMs) < 150,
      detail: detail(version, baseline),
    },
  ];
  const store = realStore();
  if (store === null) {
    results.push({
      name: 'tidemark analyze on the real data (whole process)',
      value: null,
      unit: 'ms',
      target: '< 1 s',
      ok: null,
      detail: 'skipped: no TIDEMARK_BENCH_DB and no ../shared/data',
    });
    return results;
  }
  try {
    const analyze = timeProcess(node, [BIN, 'analyze', '--db', store.path]);
    results.push({
      name: `tidemark analyze on the real data (${store.origin}; default as-of; whole process)`,
      value: median(analyze.wallMs),
      unit: 'ms',
      target: '< 1000 ms',
      ok: median(analyze.wallMs) < 1000,
      detail: detail(analyze, baseline),
    });
  } finally {
    store.cleanUp();
  }
  return results;
}
