// The CLI's one error handler: each known failure has its exit code and one line on stderr, no stack.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT_CODES, reportError } from '../../src/cli/error-output.js';
import { canMountReadOnly, holdDatabase, runTidemarkOnReadOnlyDir } from '../helpers/other-process.js';
import { tidemark } from '../helpers/run-cli.js';

const FARSIDE = `date,IBIT,FBTC,GBTC,BTC,Total
2026-01-05,371.9,191.2,-16.8,150.9,697.2
2026-01-06,-100.0,-50.1,-73.4,-19.7,-243.2
`;

let dir: string;
let db: string;
let csv: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-errors-'));
  db = join(dir, 'store.duckdb');
  csv = join(dir, 'farside_btc.csv');
  writeFileSync(csv, FARSIDE);
  expect((await tidemark('import', csv, '--db', db)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fingerprint(path: string): string {
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}|${statSync(path).mtimeMs}`;
}

/** stderr is exactly one line starting "tidemark: ". */
function oneLine(stderr: string): string {
  expect(stderr).toMatch(/^tidemark: [^\n]+\n$/);
  return stderr.trim();
}

describe('tidemark exit codes and one-line messages', () => {
  it('a reading command on a missing store: exit 3, no folder created', async () => {
    const path = join(dir, 'no', 'such', 'dir', 'x.duckdb');
    for (const command of [['status'], ['export', 'etf-flows'], ['analyze']]) {
      const res = await tidemark(...command, '--db', path);
      expect(res.code).toBe(EXIT_CODES.storeMissing);
      expect(oneLine(res.stderr)).toBe(
        `tidemark: no Tidemark store at ${path} (reading commands never create one; \`tidemark import FILES --db ${path}\` does)`,
      );
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('a SQLite file or a foreign DuckDB file: exit 4, untouched, for readers and writers alike', async () => {
    const sqlite = join(dir, 'other.sqlite');
    execFileSync('sqlite3', [sqlite, 'CREATE TABLE t (x); INSERT INTO t VALUES (1);']);
    const foreign = join(dir, 'other.duckdb');
    const instance = await DuckDBInstance.create(foreign);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE prices (close DOUBLE)');
    connection.closeSync();
    instance.closeSync();
    for (const path of [sqlite, foreign]) {
      const before = fingerprint(path);
      for (const args of [
        ['status', '--db', path],
        ['import', csv, '--db', path],
      ]) {
        const res = await tidemark(...args);
        expect(res.code).toBe(EXIT_CODES.storeUnusable);
        expect(oneLine(res.stderr)).toMatch(
          new RegExp(
            `^tidemark: ${path} is not a Tidemark store: .*; it was left untouched \\(pass --db a Tidemark store`,
          ),
        );
      }
      expect(fingerprint(path)).toBe(before);
    }
  });

  it('a store held by another process: a writer says it waits, then exit 5 in one line (never a raw lock error)', async () => {
    const holder = await holdDatabase(db, 'write');
    const saved = process.env['TIDEMARK_LOCK_WAIT_MS'];
    process.env['TIDEMARK_LOCK_WAIT_MS'] = '300';
    try {
      for (const args of [['import', csv], ['status']]) {
        const res = await tidemark(...args, '--db', db);
        expect(res.code).toBe(EXIT_CODES.storeLocked);
        const lines = res.stderr.trim().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toBe(
          `tidemark: the database is in use by another process (PID ${holder.pid}) — an import, a sync or \`tidemark serve\`; waiting up to 0.3 s …`,
        );
        expect(lines[1]).toMatch(
          new RegExp(
            `^tidemark: store ${db} is in use by another process \\(PID ${holder.pid}\\), .*; gave up after waiting [\\d.]+ s — retry when it is done, or set TIDEMARK_LOCK_WAIT_MS to wait longer$`,
          ),
        );
        expect(res.stderr).not.toMatch(/Could not set lock/);
      }
    } finally {
      if (saved === undefined) delete process.env['TIDEMARK_LOCK_WAIT_MS'];
      else process.env['TIDEMARK_LOCK_WAIT_MS'] = saved;
      await holder.stop();
    }
  });

  it('a file whose value overflows to Infinity is not stored; the other files of the import are', async () => {
    const own = join(dir, 'overflow.duckdb');
    const folder = join(dir, 'overflow');
    mkdirSync(folder);
    // -1e308 million dollars is -Infinity dollars.
    writeFileSync(join(folder, 'farside_btc.csv'), 'date,IBIT,FBTC,GBTC,BTC,Total\n2024-09-10,-1e308,1,1,1,-1e308\n');
    writeFileSync(join(folder, 'farside_eth.csv'), 'date,ETHA,FETH,ETHE,ETH,Total\n2024-09-10,10,1,1,1,13\n');
    const res = await tidemark('import', folder, '--db', own);
    expect(res.stderr).toMatch(/-1e308|Infinity/);
    const btc = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--db', own);
    expect(btc.stdout).not.toMatch(/Infinity|NaN/);
    const eth = await tidemark('export', 'etf-flows', '--asset', 'ETH', '--db', own);
    expect(eth.stdout).toContain('2024-09-10,ETHA,10000000');
  });

  it('serve on a busy port: exit 9, one line', async () => {
    const busy: Server = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const address = busy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const webRoot = join(dir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
    try {
      const res = await tidemark('serve', '--db', db, '--port', String(port), '--web-root', webRoot);
      expect(res.code).toBe(EXIT_CODES.cannotListen);
      expect(oneLine(res.stderr)).toBe(
        `tidemark: serve: port ${port} on 127.0.0.1 is already in use (another tidemark serve?); stop it or pick another --port`,
      );
    } finally {
      busy.close();
    }
  });

  it('report --format pdf without Chromium: exit 10, says how to install it or set TIDEMARK_CHROMIUM', async () => {
    const missing = join(dir, 'no-chromium');
    vi.stubEnv('TIDEMARK_CHROMIUM', missing);
    try {
      const res = await tidemark(
        'report',
        '--db',
        db,
        '--format',
        'pdf',
        '--out',
        join(dir, 'out'),
        '--as-of',
        '2026-01-08',
      );
      expect(res.code).toBe(EXIT_CODES.pdfUnavailable);
      expect(oneLine(res.stderr)).toBe(
        `tidemark: report pdf: Chromium not found at ${missing}; install it (Debian/Ubuntu: apt-get install chromium) or set TIDEMARK_CHROMIUM to a Chromium or Chrome executable`,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('an unexpected error is one line without a stack unless TIDEMARK_DEBUG is set', () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(reportError(new TypeError('x is undefined\n    at f (/src/a.ts:1:1)'))).toBe(EXIT_CODES.failed);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toBe('tidemark: unexpected error: x is undefined (TIDEMARK_DEBUG=1 shows the stack)\n');
  });
});

// A read-only file system, made with a private read-only bind mount (the tests run as root, which
// chmod does not stop). Skipped where the machine forbids mount namespaces.
describe.skipIf(!canMountReadOnly())('on a read-only file system', () => {
  it('reading commands work; a writer fails with exit 6 in one line', () => {
    const [status, exported, analysis, imported] = runTidemarkOnReadOnlyDir(dir, [
      ['status', '--db', db],
      ['export', 'etf-flows', '--asset', 'BTC', '--db', db],
      ['analyze', '--json', '--db', db, '--as-of', '2026-01-08'],
      ['import', csv, '--db', db],
    ]);
    expect(status!.stderr).toBe('');
    expect(status!.code).toBe(0);
    expect(status!.stdout).toMatch(/etf-flows\s+BTC\s+IBIT\s+netFlowUsd\s+2026-01-05\s+2026-01-06/);
    expect(exported!.code).toBe(0);
    expect(exported!.stdout).toContain('2026-01-05,IBIT,371900000');
    expect(analysis!.code).toBe(0);
    expect(JSON.parse(analysis!.stdout)).toMatchObject({ asset: 'BTC', asOf: '2026-01-08' });
    expect(imported!.code).toBe(EXIT_CODES.cannotWrite);
    expect(oneLine(imported!.stderr)).toMatch(/^tidemark: store .* cannot be written: .*Read-only file system$/);
  });
});
