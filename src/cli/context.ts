// What every command shares: where the database is, opening it (filling the simulated default
// dataset when there is none), and turning errors into one clear line and an exit code.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ZodError } from 'zod';
import { ImportError, SourceError } from '../sources/errors.js';
import { openDuckDbStore } from '../store/duckdb/duckdb-store.js';
import { QueryError, type Store } from '../store/store.js';
import { writeSimulatedDataset } from '../sim/simulate.js';

/** Where imported and synced real data lives unless --db or TIDEMARK_DB says otherwise. */
export const DEFAULT_DB = '.tidemark/tidemark.duckdb';
/** The embedded default dataset: made by the simulator on first use, never mixed with real data. */
export const SIMULATED_DB = '.tidemark/simulated.duckdb';
export const DEFAULT_SEED = 42;

export interface DbOptions {
  readonly db?: string;
}

/** A usage error: bad flag value, unknown dataset … (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The database a command uses: --db, else $TIDEMARK_DB, else for writing commands DEFAULT_DB; for
 * reading commands DEFAULT_DB when it exists, otherwise the simulated default dataset.
 */
export function resolveDbPath(options: DbOptions, mode: 'read' | 'write'): string {
  const explicit = options.db ?? process.env['TIDEMARK_DB'];
  if (explicit) return explicit === ':memory:' ? explicit : resolve(explicit);
  if (mode === 'write' || existsSync(resolve(DEFAULT_DB))) return resolve(DEFAULT_DB);
  return resolve(SIMULATED_DB);
}

/** Opens the store for a command; a reading command on a missing simulated default creates it. */
export async function openStoreFor(options: DbOptions, mode: 'read' | 'write'): Promise<Store> {
  const path = resolveDbPath(options, mode);
  const isSimulatedDefault = path === resolve(SIMULATED_DB);
  const fresh = isSimulatedDefault && !existsSync(path);
  const store = await openDuckDbStore(path);
  if (fresh) {
    process.stderr.write(
      `tidemark: no database yet; generating the simulated default dataset (seed ${DEFAULT_SEED}) in ${path}\n`,
    );
    await writeSimulatedDataset(store, { seed: DEFAULT_SEED, progress: process.stderr.isTTY === true });
  }
  return store;
}

/** Runs a command body with its store, always closing it. */
export async function withStore<T>(
  options: DbOptions,
  mode: 'read' | 'write',
  body: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStoreFor(options, mode);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** The one place errors become output: a message on stderr and the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`tidemark: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ZodError) {
    process.stderr.write(
      `tidemark: invalid input: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  if (error instanceof ImportError || error instanceof SourceError || error instanceof QueryError) {
    process.stderr.write(`tidemark: ${error.message}\n`);
    if (error.cause instanceof Error && !error.message.includes(error.cause.message))
      process.stderr.write(`  cause: ${error.cause.message}\n`);
    return 1;
  }
  process.stderr.write(
    `tidemark: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}
