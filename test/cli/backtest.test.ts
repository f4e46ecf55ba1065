// `tidemark backtest` end to end on a simulated store: --compare prints one table with buy-and-hold
// first and --json is the contract; --out writes the result, the trade log (CSV, JSON) and the curves,
// whose rows match the result; a user strategy file runs; bad flags and a bad file are usage errors
// naming what is wrong, raised before the replay.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerBacktest } from '../../src/cli/backtest.js';
import { backtestResultSchema } from '../../src/domain/backtest-schema.js';
import { writeSimulatedDataset } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const dir = mkdtempSync(join(tmpdir(), 'tidemark-backtest-'));
const db = join(dir, 'sim.duckdb');

async function run(...args: string[]): Promise<string> {
  const printed: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const program = new Command('tidemark').exitOverride();
  registerBacktest(program);
  try {
    await program.parseAsync(['node', 'tidemark', 'backtest', '--db', db, ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  return printed.join('');
}

describe('tidemark backtest', () => {
  beforeAll(async () => {
    const store = await openDuckDbStore(db);
    await writeSimulatedDataset(store, { seed: 42, days: 800, endDate: '2026-01-31' });
    await store.close();
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());

  it('compares strategies in one table, buy-and-hold first, and writes the files of --out', async () => {
    const out = join(dir, 'out');
    const text = await run(
      '--compare',
      'phased-accumulation,right-side-confirmation',
      '--from',
      '2025-06-01',
      '--out',
      out,
    );
    expect(text).toContain('Tidemark backtest — BTC');
    expect(text).toMatch(/\n\s+Buy and hold\s+Phased accumulation\s+Right-side confirmation\n/);
    expect(text).toMatch(/total return\s+[+−]?[\d,.]+%/);
    const files = readdirSync(out).sort();
    const stem = files.find((f) => f.endsWith('-trades.csv'))!.replace('-trades.csv', '');
    expect(files).toEqual([`${stem}-curves.csv`, `${stem}-trades.csv`, `${stem}-trades.json`, `${stem}.json`]);
    const result = backtestResultSchema.parse(JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8')));
    expect(result.simulated).toBe(true);
    expect(result.from >= '2025-06-01').toBe(true);
    const runs = result.periods[0]!.runs;
    const trades = runs.reduce((n, r) => n + r.trades.length, 0);
    const csv = readFileSync(join(out, `${stem}-trades.csv`), 'utf8')
      .trim()
      .split('\n');
    expect(csv.length - 1).toBe(trades);
    const log = JSON.parse(readFileSync(join(out, `${stem}-trades.json`), 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(log)).toEqual(runs.map((r) => r.strategy));
    expect(Object.values(log).reduce((n, t) => n + t.length, 0)).toBe(trades);
    const curves = readFileSync(join(out, `${stem}-curves.csv`), 'utf8')
      .trim()
      .split('\n');
    expect(curves.length - 1).toBe(runs[0]!.curve.length);
  }, 180_000);

  it('runs a user strategy file and prints the contract with --json', async () => {
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'name: half-in-bottoming\nkind: phase-following\nexposure:\n  bottoming: 0.25\n');
    const result = backtestResultSchema.parse(JSON.parse(await run('--strategy', file, '--json')));
    const runs = result.periods[0]!.runs;
    expect(runs.map((r) => [r.strategy, r.user])).toEqual([
      ['buy-and-hold', false],
      ['half-in-bottoming', true],
    ]);
    expect(runs[1]!.description).toContain('25%');
  }, 180_000);

  it('rejects bad flags and strategy files before replaying, naming what is wrong', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: x\nkind: phased-accumulation\ntranchs: 3\n');
    await expect(run('--strategy', bad)).rejects.toThrow(/bad\.yaml:3: tranchs: not an option of phased-accumulation/);
    await expect(run('--strategy', 'buy-low')).rejects.toThrow(/--strategy "buy-low" is neither a shipped strategy/);
    await expect(run('--fee-bps', '-1')).rejects.toThrow(/--fee-bps "-1" must be a number from 0/);
    await expect(run('--from', '2026-01-10', '--to', '2026-01-01')).rejects.toThrow(/--from 2026-01-10 is after --to/);
    await expect(run('--sweep', 'tranches=1,2')).rejects.toThrow(/--sweep needs --strategy/);
  });
});
