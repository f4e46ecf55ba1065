// Opening a DuckDB file as a Tidemark store: read-only for reading commands (never creating or
// changing anything), read-write for writers (creating the file and its folder, then migrating).
// Extensions are never installed or loaded and DuckDB gets no external access, so nothing a --db
// path points at can make DuckDB reach the network. A foreign file is refused before any write; a
// file locked by another process is retried for a bounded time, then refused with a StoreError.
import { formatDecimal } from '../../format/numbers.js';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from './duckdb-api.js';
import { StoreError } from '../store-error.js';
import { SerialConnection } from './connection.js';
import { lockHolder, storeErrorFromDuckDb, type LockHolder } from './duckdb-errors.js';
import { describeFormat, fileFormat } from './file-format.js';
import { ALL_MIGRATIONS, applyMigrations, schemaState, type SchemaState } from './migrate.js';
import { MIGRATIONS } from './migrations.js';

/** Migrations a read-only open does without (their tables are read as empty when missing). */
const OPTIONAL_FOR_READERS: ReadonlySet<number> = new Set(
  MIGRATIONS.filter((m) => m.optionalForReaders === true).map((m) => m.version),
);

/** How a store is opened. */
export type OpenMode = 'read' | 'write';

export interface OpenOptions {
  /**
   * 'read' opens read-only: the file must exist and hold a current Tidemark schema; nothing is created
   * or written, so it works on a read-only file system and beside other readers. 'write' (default)
   * creates the file and its folder when missing and applies pending migrations.
   */
  readonly mode?: OpenMode;
  /** How long to keep retrying while another process holds a conflicting lock, in ms (default 0: fail at once). */
  readonly lockWaitMs?: number;
  /** Called once, before waiting, when the first attempt finds the file locked. */
  readonly onLockWait?: (holder: LockHolder, lockWaitMs: number) => void;
  /**
   * DuckDB threads of a read-only open (default 1: a server runs many reads side by side). A
   * process that runs one command and exits may give its reads both cores of a 2-core machine.
   */
  readonly readThreads?: number;
}

/**
 * DuckDB settings of every store: no extension is auto-installed (which downloads from the internet)
 * or auto-loaded (which would let DuckDB read a SQLite or other file through an extension), and no
 * external access (COPY, file readers, INSTALL/LOAD), which DuckDB refuses to re-enable at run time.
 */
export const STORE_DUCKDB_CONFIG: Readonly<Record<string, string>> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  enable_external_access: 'false',
};

/** Pause between attempts on a locked file, in ms. */
const LOCK_RETRY_MS = 200;

/** A wait in seconds for messages: one decimal below 10 s ("0.4 s", "12 s"). */
export function formatWait(ms: number): string {
  return ms < 10_000 ? `${formatDecimal(ms / 1000, 1)} s` : `${Math.round(ms / 1000)} s`;
}

async function connect(path: string, mode: OpenMode, readThreads = 1): Promise<SerialConnection> {
  try {
    const instance = await DuckDBInstance.create(path, {
      ...STORE_DUCKDB_CONFIG,
      ...(mode === 'read' ? { access_mode: 'READ_ONLY', threads: String(readThreads) } : {}),
    });
    return new SerialConnection(instance, await instance.connect());
  } catch (cause) {
    throw storeErrorFromDuckDb(path, cause, mode);
  }
}

/** Throws unless `state` is a store this open can use; returns the migrations to apply. */
function usableSchema(path: string, state: SchemaState, mode: OpenMode): readonly number[] {
  switch (state.state) {
    case 'foreign':
      throw new StoreError(
        'foreign',
        `${path} is not a Tidemark store: a DuckDB database with other tables (${state.tables.slice(0, 5).join(', ')}); it was left untouched`,
      );
    case 'newer':
      throw new StoreError(
        'corrupt',
        `store ${path} was written by a newer Tidemark (schema version ${state.unknown.join(', ')}); upgrade Tidemark to read it`,
      );
    case 'empty':
      if (mode === 'read')
        throw new StoreError('missing', `store ${path} holds no Tidemark data yet (an empty database)`);
      return ALL_MIGRATIONS;
    case 'tidemark': {
      const needed = state.pending.filter((v) => !OPTIONAL_FOR_READERS.has(v));
      if (mode === 'read' && needed.length > 0)
        throw new StoreError(
          'read-only',
          `store ${path} needs schema migration ${needed.join(', ')}, which a read-only open cannot apply; run \`tidemark import\` or \`tidemark sync\` once`,
        );
      return state.pending;
    }
  }
}

/** Checks the schema on `db` (closing it when unusable) and returns the pending migrations. */
async function checkSchema(db: SerialConnection, path: string, mode: OpenMode): Promise<readonly number[]> {
  try {
    return usableSchema(path, await db.serial(() => schemaState(db)), mode);
  } catch (error) {
    await db.close();
    throw error instanceof StoreError ? error : storeErrorFromDuckDb(path, error, mode);
  }
}

async function openOnce(
  path: string,
  mode: OpenMode,
  existed: boolean,
  readThreads: number | undefined,
): Promise<SerialConnection> {
  if (mode === 'read') {
    const db = await connect(path, 'read', readThreads);
    await checkSchema(db, path, 'read');
    return db;
  }
  // An existing file is inspected read-only first, so a foreign one is never opened for writing.
  if (existed) {
    const probe = await connect(path, 'read');
    await checkSchema(probe, path, 'write');
    await probe.close();
  }
  const db = await connect(path, 'write');
  const pending = await checkSchema(db, path, 'write');
  try {
    await db.serial(() => applyMigrations(db, path, pending));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** Checks what is at `path` before DuckDB sees it: missing for a reader, a folder, another format. */
function checkPath(path: string, mode: OpenMode): boolean {
  if (!existsSync(path)) {
    if (mode === 'read')
      throw new StoreError(
        'missing',
        `no Tidemark store at ${path} (reading commands never create one; \`tidemark import FILES --db ${path}\` does)`,
      );
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (cause) {
      throw new StoreError('read-only', `cannot create the folder of store ${path}: ${(cause as Error).message}`, {
        cause,
      });
    }
    return false;
  }
  let format;
  try {
    if (statSync(path).isDirectory())
      throw new StoreError('unavailable', `store ${path} is a folder; --db takes a database file`);
    format = fileFormat(path);
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError('unavailable', `store ${path} cannot be read: ${(cause as Error).message}`, { cause });
  }
  if (format !== 'duckdb')
    throw new StoreError(
      'foreign',
      `${path} is not a Tidemark store: ${describeFormat(format)}; it was left untouched`,
    );
  return true;
}

/**
 * Opens the DuckDB file at `path` (':memory:' for a throwaway store) as a Tidemark store and returns
 * its connection, with the schema current. Throws a StoreError: `missing` (read mode, nothing
 * there — no folder is created), `foreign` (another format or a DuckDB file without Tidemark's
 * schema; untouched), `corrupt` (newer schema, failed migration), `locked` (still held by another
 * process after `lockWaitMs`), `read-only` (writing impossible), `unavailable` (anything else).
 */
export async function openDatabase(
  path: string,
  options: OpenOptions = {},
): Promise<{ db: SerialConnection; readOnly: boolean }> {
  const mode = options.mode ?? 'write';
  if (path === ':memory:') {
    const db = await connect(path, 'write');
    await db.serial(() => applyMigrations(db, path, ALL_MIGRATIONS));
    return { db, readOnly: false };
  }
  const existed = checkPath(path, mode);
  const waitMs = Math.max(0, options.lockWaitMs ?? 0);
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return {
        db: await openOnce(path, mode, existed || existsSync(path), options.readThreads),
        readOnly: mode === 'read',
      };
    } catch (error) {
      if (!(error instanceof StoreError) || error.kind !== 'locked') throw error;
      const waited = Date.now() - started;
      if (waited >= waitMs) {
        if (waitMs === 0) throw error;
        throw new StoreError('locked', `${error.message}; gave up after waiting ${formatWait(waited)}`, {
          cause: error.cause,
        });
      }
      if (!told) {
        told = true;
        const cause = error.cause instanceof Error ? error.cause.message : '';
        options.onLockWait?.(lockHolder(cause), waitMs);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(LOCK_RETRY_MS, waitMs - waited)));
    }
  }
}
