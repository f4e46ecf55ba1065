// Opening a store: reading commands never create or change anything; foreign files are refused
// untouched, with no extension (and so no network) involved; migrations run in a transaction.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { SerialConnection } from '../../../src/store/duckdb/connection.js';
import { applyMigrations, ALL_MIGRATIONS } from '../../../src/store/duckdb/migrate.js';
import { openDatabase, STORE_DUCKDB_CONFIG } from '../../../src/store/duckdb/open-database.js';
import { StoreError } from '../../../src/store/store-error.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-open-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes and modification time of a file, to prove it was left untouched. */
function fingerprint(path: string): string {
  return `${createHash('sha256').update(readFileSync(path)).digest('hex')}|${statSync(path).mtimeMs}`;
}

async function rawDuckDb(path: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

async function tables(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const rows = (
    await connection.runAndReadAll(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
    )
  ).getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return rows.map((r) => String(r['table_name']));
}

async function openError(path: string, mode: 'read' | 'write'): Promise<StoreError> {
  try {
    const store = await openDuckDbStore(path, { mode });
    await store.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`opening ${path} (${mode}) succeeded`);
}

describe('openDuckDbStore', () => {
  it('read mode: a missing store is an error and nothing is created, not even its folder', async () => {
    const path = join(dir, 'no', 'such', 'dir', 'x.duckdb');
    const error = await openError(path, 'read');
    expect(error.kind).toBe('missing');
    expect(error.message).toBe(
      `no Tidemark store at ${path} (reading commands never create one; \`tidemark import FILES --db ${path}\` does)`,
    );
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('write mode creates the file and its folder; read mode then opens it read-only', async () => {
    const path = join(dir, 'new', 'store.duckdb');
    const writer = await openDuckDbStore(path);
    expect(writer.readOnly).toBe(false);
    await writer.close();
    const reader = await openDuckDbStore(path, { mode: 'read' });
    expect(reader.readOnly).toBe(true);
    expect(await reader.countRows()).toBe(0);
    await expect(reader.ingest([])).rejects.toMatchObject({ kind: 'read-only' });
    await expect(
      reader.recordRun({
        kind: 'import',
        source: 's',
        origin: 'o',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:00.000Z',
        counts: { inserted: 0, revised: 0, unchanged: 0 },
        rejected: 0,
        status: 'ok',
        message: '',
      }),
    ).rejects.toThrow(/open read-only .* needs a writing command/);
    await reader.close();
  });

  it.each([
    ['a SQLite database', 'sqlite.db', 'a SQLite database'],
    ['random bytes', 'random.bin', 'not a DuckDB database file'],
    ['an empty file', 'empty.duckdb', 'an empty file'],
  ])('refuses %s in both modes, one line, leaving it untouched', async (_label, name, described) => {
    const path = join(dir, name);
    if (name === 'sqlite.db') execFileSync('sqlite3', [path, 'CREATE TABLE t (x); INSERT INTO t VALUES (1);']);
    if (name === 'random.bin')
      writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
    if (name === 'empty.duckdb') writeFileSync(path, '');
    const before = fingerprint(path);
    for (const mode of ['read', 'write'] as const) {
      const error = await openError(path, mode);
      expect(error.kind).toBe('foreign');
      expect(error.message).toBe(`${path} is not a Tidemark store: ${described}; it was left untouched`);
      expect(error.message).not.toContain('\n');
    }
    expect(fingerprint(path)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith(name))).toEqual([name]);
  });

  it('refuses a DuckDB file without Tidemark schema in both modes without adding anything to it', async () => {
    const path = join(dir, 'foreign.duckdb');
    await rawDuckDb(
      path,
      "CREATE TABLE prices (day DATE, close DOUBLE); INSERT INTO prices VALUES (DATE '2026-01-05', 1)",
    );
    const before = fingerprint(path);
    for (const mode of ['read', 'write'] as const) {
      const error = await openError(path, mode);
      expect(error.kind).toBe('foreign');
      expect(error.message).toBe(
        `${path} is not a Tidemark store: a DuckDB database with other tables (prices); it was left untouched`,
      );
    }
    expect(fingerprint(path)).toBe(before);
    expect(await tables(path)).toEqual(['prices']);
  });

  it('an empty DuckDB database (no table) is initialised by a writer; a reader says it holds nothing yet', async () => {
    const path = join(dir, 'blank.duckdb');
    await rawDuckDb(path, 'CREATE TABLE t (x INTEGER); DROP TABLE t');
    expect((await openError(path, 'read')).kind).toBe('missing');
    await (await openDuckDbStore(path)).close();
    expect(await tables(path)).toEqual([
      'alert_deliveries',
      'alerts',
      'analyses',
      'events',
      'observations',
      'runs',
      'schema_migrations',
    ]);
  });

  it('refuses a store written by a newer Tidemark', async () => {
    const path = join(dir, 'newer.duckdb');
    await (await openDuckDbStore(path)).close();
    await rawDuckDb(path, "INSERT INTO schema_migrations VALUES (999, 'from the future', now()::TIMESTAMP)");
    const error = await openError(path, 'read');
    expect(error.kind).toBe('corrupt');
    expect(error.message).toMatch(/written by a newer Tidemark \(schema version 999\)/);
  });

  it('every DuckDB setting that could reach the network or load an extension is off', async () => {
    const path = join(dir, 'settings.duckdb');
    await (await openDuckDbStore(path)).close();
    for (const mode of ['read', 'write'] as const) {
      const { db } = await openDatabase(path, { mode });
      const [row] = await db.serial(() =>
        db.rows(`SELECT current_setting('autoinstall_known_extensions') AS install,
                        current_setting('autoload_known_extensions') AS load,
                        current_setting('enable_external_access') AS external,
                        current_setting('access_mode') AS access`),
      );
      expect(row).toEqual({
        install: false,
        load: false,
        external: false,
        access: mode === 'read' ? 'read_only' : 'automatic',
      });
      await expect(db.serial(() => db.run('INSTALL sqlite'))).rejects.toThrow(/disabled by configuration/);
      await db.close();
    }
  });

  it("with the store's settings DuckDB asks no extension repository for a SQLite file (the defaults do)", async () => {
    const path = join(dir, 'probe.sqlite');
    execFileSync('sqlite3', [path, 'CREATE TABLE t (x);']);
    const requests: string[] = [];
    const repository = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((done) => repository.listen(0, '127.0.0.1', done));
    const address = repository.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const redirect = {
      custom_extension_repository: url,
      autoinstall_extension_repository: url,
      extension_directory: join(dir, 'extensions'),
    };
    try {
      await expect(DuckDBInstance.create(path, { ...STORE_DUCKDB_CONFIG, ...redirect })).rejects.toThrow(
        /extensions is disabled/,
      );
      expect(requests).toEqual([]);
      // The control: DuckDB's defaults download the sqlite extension for this very file.
      await expect(DuckDBInstance.create(path, redirect)).rejects.toThrow(/Failed to download extension/);
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatch(/sqlite_scanner/);
    } finally {
      repository.close();
    }
  });

  it('a failed migration is rolled back whole: no schema_migrations row or table, no half-made tables', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = new SerialConnection(instance, await instance.connect());
    // A table of the same name makes migration 1 fail half-way (after observations was created).
    await db.serial(() => db.run('CREATE TABLE events (x INTEGER)'));
    const error = await db.serial(() => applyMigrations(db, 'test.duckdb', ALL_MIGRATIONS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'corrupt' });
    expect((error as Error).message).toMatch(
      /^store test\.duckdb: migration 1 \(observations, events, runs\) failed and was rolled back/,
    );
    const left = await db.serial(() =>
      db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"),
    );
    expect(left.map((r) => r['table_name'])).toEqual(['events']);
    await db.close();
  });
});
