// Every command beside a running `tidemark serve` (a real second process): readers work at any time;
// an import waits for the server's next quiet second, then stores, and the server serves the new data.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type OtherProcess } from '../helpers/other-process.js';
import { tidemark } from '../helpers/run-cli.js';

let dir: string;
let db: string;
let server: (OtherProcess & { url: string }) | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-beside-'));
  db = join(dir, 'store.duckdb');
  writeFileSync(
    join(dir, 'farside_btc.csv'),
    'date,IBIT,FBTC,GBTC,BTC,Total\n2026-01-05,371.9,191.2,-16.8,150.9,697.2\n',
  );
  expect((await tidemark('import', join(dir, 'farside_btc.csv'), '--db', db)).code).toBe(0);
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServe(db, webRoot);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function storeRows(): Promise<number> {
  const res = await fetch(`${server!.url}/api/health`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { storeRows: number }).storeRows;
}

describe('beside a running tidemark serve', () => {
  it('status, export, analyze and report work while the server holds the database', async () => {
    expect(await storeRows()).toBe(5);
    // A request makes the server open the database; the commands run while it still holds it.
    expect((await fetch(`${server!.url}/api/coverage`)).status).toBe(200);
    const status = await tidemark('status', '--db', db);
    const exported = await tidemark('export', 'etf-flows', '--asset', 'BTC', '--db', db);
    const analysis = await tidemark('analyze', '--json', '--db', db, '--as-of', '2026-01-07');
    const note = await tidemark(
      'report',
      '--db',
      db,
      '--as-of',
      '2026-01-07',
      '--format',
      'md',
      '--out',
      join(dir, 'out'),
    );
    for (const res of [status, exported, analysis, note]) {
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    }
    expect(exported.stdout).toContain('2026-01-05,IBIT,371900000');
    expect(readdirSync(join(dir, 'out')).some((f) => f.endsWith('.md'))).toBe(true);
  });

  it('an import right after a request waits for the server to let go, stores, and the server sees it', async () => {
    writeFileSync(
      join(dir, 'farside_btc_2.csv'),
      'date,IBIT,FBTC,GBTC,BTC,Total\n2026-01-06,-100,-50.1,-73.4,-19.7,-243.2\n',
    );
    const before = await fetch(`${server!.url}/api/analysis?asOf=2026-01-08`);
    expect(before.status).toBe(200);
    const started = Date.now();
    const imported = await tidemark('import', join(dir, 'farside_btc_2.csv'), '--db', db);
    const waitedMs = Date.now() - started;
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/5 rows stored from 1 files/);
    expect(imported.stderr).not.toMatch(/Could not set lock|gave up/);
    expect(waitedMs).toBeLessThan(15_000);
    expect(await storeRows()).toBe(10);
    // The past-date analysis cached before the import is recomputed on the new revision.
    const after = await fetch(`${server!.url}/api/analysis?asOf=2026-01-08`);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(server!.stderr()).not.toMatch(/"level":50/);
  });
});
