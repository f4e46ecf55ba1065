// What every command shares: where the database is and opening it — read-only for reading commands
// (status, export, analyze, report, serve), read-write for writers (import, sync, simulate) — with a
// bounded wait while another process holds it, holding it only while store calls run; the simulated
// default dataset is made on first use.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { LockHolder } from '../store/duckdb/duckdb-errors.js';
import { formatWait } from '../store/duckdb/open-database.js';
import { IdleReleasingStore } from '../store/idle-releasing-store.js';
import { processExitsWhenCommandDone } from './process-exit.js';
import type { Store } from '../store/store.js';

/** Where imported and synced real data lives unless --db or TIDEMARK_DB says otherwise. */
export const DEFAULT_DB = '.tidemark/tidemark.duckdb';
/** The embedded default dataset: made by the simulator on first use, never mixed with real data. */
export const SIMULATED_DB = '.tidemark/simulated.duckdb';
export const DEFAULT_SEED = 42;
/**
 * How long a command waits for a database another process holds (an import, a sync, or a
 * `tidemark serve` between its bursts of reads), in ms: $TIDEMARK_LOCK_WAIT_MS, else 30 s.
 */
export const DEFAULT_LOCK_WAIT_MS = 30_000;

export interface DbOptions {
  readonly db?: string;
}

// Re-exported so that commands keep importing it from here; the leaf is ./usage-error.ts.
export { UsageError } from './usage-error.js';

/** Whether a command reads the store (opened read-only, never created) or writes it. */
export type StoreMode = 'read' | 'write';

/**
 * The database a command uses: --db, else $TIDEMARK_DB, else for writing commands DEFAULT_DB; for
 * reading commands DEFAULT_DB when it exists, otherwise the simulated default dataset.
 */
export function resolveDbPath(options: DbOptions, mode: StoreMode): string {
  const explicit = options.db ?? process.env['TIDEMARK_DB'];
  if (explicit) return explicit === ':memory:' ? explicit : resolve(explicit);
  if (mode === 'write' || existsSync(resolve(DEFAULT_DB))) return resolve(DEFAULT_DB);
  return resolve(SIMULATED_DB);
}

/** The lock wait in ms: $TIDEMARK_LOCK_WAIT_MS when it is a whole number ≥ 0, else DEFAULT_LOCK_WAIT_MS. */
export function lockWaitMs(): number {
  const text = process.env['TIDEMARK_LOCK_WAIT_MS'];
  const n = text === undefined || text === '' ? NaN : Number(text);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_LOCK_WAIT_MS;
}

/** Tells the user, once, that the command waits for another process. */
function sayWaiting(holder: LockHolder, waitMs: number): void {
  process.stderr.write(
    `tidemark: the database is in use by another process${holder.pid !== null ? ` (PID ${holder.pid})` : ''}` +
      ` — an import, a sync or \`tidemark serve\`; waiting up to ${formatWait(waitMs)} …\n`,
  );
}

/**
 * Opens the database at `path` for `mode` with the command's lock wait; read-only with two DuckDB
 * threads in a process that exits after its one command (process-exit.ts), else one.
 */
export function openStoreAt(path: string, mode: StoreMode, waitMs: number = lockWaitMs()): Promise<Store> {
  return openDuckDbStore(path, {
    mode,
    lockWaitMs: waitMs,
    onLockWait: sayWaiting,
    ...(processExitsWhenCommandDone() ? { readThreads: 2 } : {}),
  });
}

/**
 * Opens the store for a command: read-only for 'read' (a missing database is an error, except the
 * simulated default, which is generated on first use), read-write for 'write'.
 */
export async function openStoreFor(options: DbOptions, mode: StoreMode): Promise<Store> {
  const path = resolveDbPath(options, mode);
  if (mode === 'read' && path === resolve(SIMULATED_DB) && !existsSync(path)) {
    process.stderr.write(
      `tidemark: no database yet; generating the simulated default dataset (seed ${DEFAULT_SEED}) in ${path}\n`,
    );
    const { writeSimulatedDataset } = await import('../sim/simulate.js');
    const writer = await openStoreAt(path, 'write');
    try {
      await writeSimulatedDataset(writer, { seed: DEFAULT_SEED, progress: process.stderr.isTTY === true });
    } finally {
      await writer.close();
    }
  }
  return openStoreAt(path, mode);
}

/**
 * Milliseconds without store calls after which a command lets go of the database, so that another
 * command (an import beside an analysis, a reader beside a sync fetching from the network) gets in.
 */
export const COMMAND_RELEASE_AFTER_MS = 200;

/**
 * Opens the store like openStoreFor (so a missing, foreign or locked database fails at once) and
 * returns it wrapped so that the database is held only while calls run (see IdleReleasingStore);
 * an in-memory store is returned as is.
 */
export async function openReleasingStore(
  options: DbOptions,
  mode: StoreMode,
  settings: { releaseAfterMs: number; lockWaitMs?: number },
): Promise<Store> {
  const first = await openStoreFor(options, mode);
  const path = resolveDbPath(options, mode);
  if (path === ':memory:') return first;
  return new IdleReleasingStore({
    initial: first,
    open: () => openStoreAt(path, mode, settings.lockWaitMs),
    releaseAfterMs: settings.releaseAfterMs,
  });
}

/**
 * Runs a command body with its store (held only while calls run), closing it after — except a
 * read-only store when the process exits right after the command (process-exit.ts): the system
 * releases it then.
 */
export async function withStore<T>(
  options: DbOptions,
  mode: StoreMode,
  body: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openReleasingStore(options, mode, { releaseAfterMs: COMMAND_RELEASE_AFTER_MS });
  try {
    return await body(store);
  } finally {
    if (mode !== 'read' || !processExitsWhenCommandDone()) await store.close();
  }
}
