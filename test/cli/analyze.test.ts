// `tidemark analyze` end to end on a simulated database file: the --json contract other tools rely
// on, the human-readable output, the walk-forward, and usage errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_LABELS, type Analysis } from '../../src/domain/analysis.js';
import type { DailyReading } from '../../src/phase/walk-forward.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { tidemark } from '../helpers/run-cli.js';
import { TIDEMARK_BIN } from '../helpers/other-process.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-analyze-'));
  db = join(dir, 'sim.duckdb');
  const sim = await tidemark('simulate', '--db', db, '--seed', '42');
  expect(sim.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tidemark analyze', () => {
  it('--json prints one object in the documented contract shape', async () => {
    const { code, stdout } = await tidemark('analyze', '--db', db, '--as-of', '2026-01-20', '--asset', 'BTC', '--json');
    expect(code).toBe(0);
    const a = JSON.parse(stdout) as Analysis;
    expect(a.asOf).toBe('2026-01-20');
    expect(a.asset).toBe('BTC');
    expect(a.simulated).toBe(true);
    expect(PHASE_LABELS).toContain(a.phase.label);
    expect(a.phase.confidence).toBeGreaterThanOrEqual(0);
    expect(a.phase.confidence).toBeLessThanOrEqual(1);
    expect(a.phase.evidence.length).toBeGreaterThan(0);
    for (const e of a.phase.evidence)
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['signal', 'text', 'value']));
    expect(['one-way-outflow', 'two-way', 'one-way-inflow', null]).toContain(a.signals.etfFlows.regime);
    expect(['liquidity-failure', 'position-rebalancing', 'none']).toContain(a.signals.liquidity.selloffType);
    for (const key of ['positioning', 'divergence', 'events', 'trend', 'treasuries'])
      expect(a.signals).toHaveProperty(key);
    for (const w of a.waves) expect(['perps', 'etf', 'cme']).toContain(w.segment);
    expect(a.checklist.map((c) => c.id)).toContain('weekly-etf-inflows-persisting');
  });

  it('prints the judgment for a person, marked as simulated', async () => {
    const { code, stdout } = await tidemark('analyze', '--db', db, '--as-of', '2026-01-20');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Tidemark — BTC as of 2026-01-20 {3}\[SIMULATED DATA/);
    expect(stdout).toMatch(/Phase: (TREND DECLINE|BOTTOMING|UPTREND|TOPPING) {2}\(confidence \d{1,3}%\)/);
    expect(stdout).toContain('Confirmation checklist');
    // Dates a person reads are written as the note writes them, in the inputs and the waves tables too.
    const tables = stdout.slice(stdout.indexOf('Inputs (latest date, age)'), stdout.indexOf('Evidence ('));
    expect(tables).toMatch(/spot price +\d{1,2} [A-Z][a-z]{2} 20\d\d +\d+ d/);
    const waves = stdout.slice(stdout.indexOf('De-risking waves'), stdout.indexOf('ETF flow regime:'));
    expect(waves).toMatch(/(\d{1,2}[– ]|from \d{1,2} [A-Z][a-z]{2} 20\d\d, ongoing)/);
    expect(`${tables}${waves}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('--walk-forward --monthly --json gives one reading per month', async () => {
    const { code, stdout } = await tidemark(
      'analyze',
      '--db',
      db,
      '--walk-forward',
      '--monthly',
      '--from',
      '2025-11-03',
      '--to',
      '2026-01-30',
      '--json',
    );
    expect(code).toBe(0);
    const months = JSON.parse(stdout) as { month: string; daysByPhase: Record<string, number> }[];
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
    const days = (m: { daysByPhase: Record<string, number> }): number =>
      Object.values(m.daysByPhase).reduce((a, b) => a + b, 0);
    expect(days(months[0]!)).toBe(19); // US trading days of Nov 3–28, 2025 (Thanksgiving closed)
  });

  it('rejects what it cannot analyse with exit code 2', async () => {
    const xrp = await tidemark('analyze', '--db', db, '--asset', 'XRP');
    expect(xrp.code).toBe(2);
    expect(xrp.stderr).toMatch(/--asset "XRP" must be BTC or ETH/);
    const backwards = await tidemark(
      'analyze',
      '--db',
      db,
      '--walk-forward',
      '--from',
      '2026-02-01',
      '--to',
      '2026-01-01',
    );
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--from 2026-02-01 is after --to 2026-01-01/);
  });

  it('as its own process exits once its output is written: all of it through a pipe read late, the file released', async () => {
    const args = ['analyze', '--db', db, '--as-of', '2026-01-20', '--json'];
    const child = spawn(process.execPath, [TIDEMARK_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Nothing is read for a while: the ~200 kB of JSON overfill the pipe, so the writes wait for the reader.
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await new Promise((done) => setTimeout(done, 300));
    child.stdout.resume();
    expect(await exited).toBe(0);
    const inProcess = await tidemark(...args);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(inProcess.stdout);
    // The read-only store it left open was released with the process: a writer gets the file.
    const writer = await openDuckDbStore(db);
    await writer.close();
  }, 60_000);
});

describe('tidemark analyze without data: no call, and why', () => {
  it('on an empty store says NO CALL with the reason, never a label', async () => {
    const empty = join(dir, 'empty.duckdb');
    await (await openDuckDbStore(empty)).close();
    const text = await tidemark('analyze', '--db', empty, '--as-of', '2026-01-20');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'Phase: NO CALL  (no data for BTC was known by 20 Jan 2026 (no price, ETF flow, open interest, funding or CME figure))',
    );
    expect(text.stdout).not.toMatch(/TREND DECLINE|BOTTOMING|UPTREND|TOPPING/);
    const json = await tidemark('analyze', '--db', empty, '--as-of', '2026-01-20', '--json');
    const a = JSON.parse(json.stdout) as Analysis;
    expect(a.phase.label).toBeNull();
    expect(a.phase.confidence).toBeNull();
    expect(a.phase.noCallReason).toMatch(/^no data for BTC was known by 20 Jan 2026/);
    expect(a.phase.scores).toBeUndefined();
  });

  it('before the simulated history starts (2023-04-01) there is no call; from its data on there is', async () => {
    const json = await tidemark('analyze', '--db', db, '--as-of', '2023-03-15', '--json');
    const a = JSON.parse(json.stdout) as Analysis;
    expect(a.phase).toMatchObject({ label: null, confidence: null });
    expect(a.phase.noCallReason).toMatch(/^no data for BTC was known by 15 Mar 2023/);
  });

  it('--walk-forward --json keeps every field on days without a call (label and confidence null)', async () => {
    const { code, stdout } = await tidemark(
      'analyze',
      '--db',
      db,
      '--walk-forward',
      '--from',
      '2023-03-27',
      '--to',
      '2023-04-07',
      '--json',
    );
    expect(code).toBe(0);
    const days = JSON.parse(stdout) as DailyReading[];
    const fields = ['date', 'label', 'confidence', 'flowRegime', 'directionality', 'selloffType', 'close'];
    for (const d of days) expect(Object.keys(d)).toEqual(expect.arrayContaining(fields));
    const before = days.filter((d) => d.date < '2023-04-01');
    const after = days.filter((d) => d.date >= '2023-04-03');
    expect(before.length).toBe(5); // Mon 27 – Fri 31 March 2023
    for (const d of before) {
      expect(d).toMatchObject({ label: null, confidence: null, close: null });
      expect(d.noCallReason).toMatch(/^no data for BTC was known by \d{1,2} Mar 2023/);
    }
    for (const d of after) {
      expect(PHASE_LABELS).toContain(d.label);
      expect(d.noCallReason).toBeUndefined();
    }
  });
});
