import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidemark } from '../helpers/run-cli.js';

let dir: string;
let db: string;

const FARSIDE = `date,IBIT,FBTC,GBTC,BTC,Total
2026-01-05,371.9,191.2,-16.8,150.9,697.2
2026-01-06,-100.0,-50.1,-73.4,-19.7,-243.2
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
  db = join(dir, 'test.duckdb');
  writeFileSync(join(dir, 'farside_btc.csv'), FARSIDE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tidemark import / export / status', () => {
  it('imports, prints the per-file table, and is idempotent on re-run', async () => {
    const first = await tidemark('import', join(dir, 'farside_btc.csv'), '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/farside-daily-csv\s+10\s+0\s+0\s+0\s+2026-01-05\.\.2026-01-06/);
    const again = await tidemark('import', join(dir, 'farside_btc.csv'), '--db', db);
    expect(again.stdout).toMatch(/farside-daily-csv\s+0\s+0\s+10\s+0/);
  });

  it('export etf-flows --asset BTC --format csv: date,fund,net_flow_usd in US dollars, one row per fund and day', async () => {
    const { code, stdout } = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--format', 'csv', '--db', db);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('date,fund,net_flow_usd');
    expect(lines).toContain('2026-01-05,IBIT,371900000');
    expect(lines).toContain('2026-01-06,GBTC,-73400000');
    expect(lines).toHaveLength(1 + 8);
    const sum = lines
      .slice(1)
      .filter((l) => l.startsWith('2026-01-05'))
      .reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(sum).toBeCloseTo(697.2e6, 0);
  });

  it('--as-of hides what was not yet published: 2026-01-06 flows are known on 2026-01-07', async () => {
    const before = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--as-of', '2026-01-06', '--db', db);
    expect(
      before.stdout
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('2026-01-05')),
    ).toBe(true);
    const after = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--as-of', '2026-01-07', '--db', db);
    expect(after.stdout).toContain('2026-01-06,IBIT,-100000000');
  });

  it('writes Parquet that DuckDB reads back', async () => {
    const out = join(dir, 'flows.parquet');
    expect(
      (await tidemark('export', 'etf-flows', '--asset', 'BTC', '--format', 'parquet', '--out', out, '--db', db)).code,
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('PAR1');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const rows = (
      await conn.runAndReadAll(`SELECT fund, net_flow_usd FROM '${out}' WHERE date = DATE '2026-01-05' ORDER BY fund`)
    ).getRowObjectsJS();
    expect(rows).toContainEqual({ fund: 'IBIT', net_flow_usd: 371900000 });
    conn.closeSync();
    instance.closeSync();
  });

  it('export --format json and status --json', async () => {
    const json = JSON.parse(
      (await tidemark('export', 'etf-flows-total', '--asset', 'BTC', '--format', 'json', '--db', db)).stdout,
    ) as unknown[];
    expect(json).toEqual([
      { date: '2026-01-05', source: 'farside', net_flow_usd: 697200000 },
      { date: '2026-01-06', source: 'farside', net_flow_usd: -243200000 },
    ]);
    const status = JSON.parse((await tidemark('status', '--json', '--db', db)).stdout) as {
      coverage: { dataset: string; key: string; rows: number; gaps: number }[];
    };
    expect(status.coverage.find((c) => c.dataset === 'etf-flows' && c.key === 'IBIT')).toMatchObject({
      rows: 2,
      gaps: 0,
    });
    // As of 2026-01-06 only the 2026-01-05 flows were published.
    const earlier = JSON.parse(
      (await tidemark('status', '--json', '--as-of', '2026-01-06', '--db', db)).stdout,
    ) as typeof status;
    expect(earlier.coverage.find((c) => c.dataset === 'etf-flows' && c.key === 'IBIT')).toMatchObject({
      rows: 1,
      lastDate: '2026-01-05',
    });
    expect(
      JSON.parse((await tidemark('status', '--json', '--as-of', '2025-12-31', '--db', db)).stdout).coverage,
    ).toEqual([]);
  });

  it('--field takes the column names the CSV prints (or the field names, any case); --key any case', async () => {
    const byColumn = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--field', 'net_flow_usd', '--db', db);
    expect(byColumn.code).toBe(0);
    const byField = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--field', 'netFlowUsd', '--db', db);
    const shouted = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--field', 'NET_FLOW_USD', '--db', db);
    expect(byField.stdout).toBe(byColumn.stdout);
    expect(shouted.stdout).toBe(byColumn.stdout);
    expect(byColumn.stdout.trim().split('\n')).toHaveLength(1 + 8);
    const unknown = await tidemark('export', 'etf-flows', '--field', 'net_flow', '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--field "net_flow" is not a column of etf-flows; its columns: net_flow_usd/);
    const lower = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--key', 'ibit', '--db', db);
    expect(lower.stdout.trim().split('\n')).toEqual([
      'date,fund,net_flow_usd',
      '2026-01-05,IBIT,371900000',
      '2026-01-06,IBIT,-100000000',
    ]);
  });

  it('an inverted range and a future --as-of are refused with exit 2, as the API refuses them', async () => {
    const inverted = await tidemark('export', 'etf-flows', '--from', '2026-01-06', '--to', '2026-01-05', '--db', db);
    expect(inverted.code).toBe(2);
    expect(inverted.stderr).toMatch(/--from 2026-01-06 is after --to 2026-01-05: the range is empty/);
    const oneDay = await tidemark('export', 'etf-flows', '--from', '2026-01-05', '--to', '2026-01-05', '--db', db);
    expect(oneDay.code).toBe(0);
    const future = '2999-01-01';
    for (const command of [
      ['export', 'etf-flows', '--as-of', future],
      ['status', '--as-of', future],
      ['analyze', '--as-of', future],
      ['report', '--as-of', future],
    ]) {
      const res = await tidemark(...command, '--db', db);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(
        /--as-of 2999-01-01 is after today \(\d{4}-\d{2}-\d{2} UTC\): nothing about it is known yet/,
      );
    }
  });

  it('bad input: clear errors and exit codes, nothing already stored is lost', async () => {
    const bad = join(dir, 'bad', 'farside_btc_bad.csv');
    rmSync(join(dir, 'bad'), { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(join(dir, 'bad')));
    writeFileSync(
      bad,
      `date,IBIT,FBTC,GBTC,BTC,Total\n2026-01-07,NaN,1,2,3,6\n2026-13-01,1,1,1,1,4\n2026-01-08,1,1,1,1,4\n`,
    );
    const lenient = await tidemark('import', bad, '--db', db);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(`${bad}:2 IBIT: "NaN" is not a number`);
    expect(lenient.stderr).toContain(`${bad}:3 date: "2026-13-01" is not a valid date`);
    const strict = await tidemark('import', bad, '--db', db, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict: nothing stored; 2 problem/);
    expect((await tidemark('export', 'etf-flows', '--asset', 'BTC', '--db', db)).stdout).toContain(
      '2026-01-05,IBIT,371900000',
    );
    expect((await tidemark('export', 'nonsense', '--db', db)).code).toBe(2);
    expect((await tidemark('export', 'etf-flows', '--as-of', '2026-02-30', '--db', db)).stderr).toMatch(
      /--as-of "2026-02-30" is not a YYYY-MM-DD date/,
    );
    const missing = await tidemark('import', join(dir, 'nope.csv'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});
