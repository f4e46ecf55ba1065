// Reading a store's schema version and bringing it up to date: each migration and its
// schema_migrations row in one transaction, so a failed or interrupted upgrade leaves the schema
// exactly as it was. A DuckDB file without Tidemark's schema is recognised here and never touched.
import { StoreError } from '../store-error.js';
import type { SerialConnection } from './connection.js';
import { MIGRATIONS } from './migrations.js';

/** What a DuckDB file holds, schema-wise. */
export type SchemaState =
  /** No table at all: a new (or never initialised) database, safe to initialise. */
  | { readonly state: 'empty' }
  /** Tables, but not Tidemark's: refused, left untouched. */
  | { readonly state: 'foreign'; readonly tables: readonly string[] }
  /** Tidemark's schema; `pending` migrations not applied yet (empty when current). */
  | { readonly state: 'tidemark'; readonly pending: readonly number[] }
  /** Written by a newer Tidemark: versions this one does not know. */
  | { readonly state: 'newer'; readonly unknown: readonly number[] };

/** Reads the schema state without writing anything (works on a read-only open). */
export async function schemaState(db: SerialConnection): Promise<SchemaState> {
  const tables = (
    await db.rows(
      `SELECT table_name FROM information_schema.tables
       WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name`,
    )
  ).map((r) => String(r['table_name']));
  if (tables.length === 0) return { state: 'empty' };
  if (!tables.includes('schema_migrations') || !tables.includes('observations')) return { state: 'foreign', tables };
  const applied = new Set((await db.rows('SELECT version FROM schema_migrations')).map((r) => Number(r['version'])));
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) return { state: 'newer', unknown };
  return { state: 'tidemark', pending: MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v)) };
}

/**
 * Applies the pending migrations in order, each in its own transaction together with its
 * schema_migrations row (the table itself is created inside the first one). Call only on an
 * 'empty' or 'tidemark' state, inside the connection's serial stream.
 */
export async function applyMigrations(db: SerialConnection, path: string, pending: readonly number[]): Promise<void> {
  for (const m of MIGRATIONS) {
    if (!pending.includes(m.version)) continue;
    try {
      await db.transaction(async () => {
        await db.run(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)',
        );
        await db.run(m.sql);
        await db.run('INSERT INTO schema_migrations VALUES ($1, $2, now()::TIMESTAMP)', [m.version, m.name]);
      });
    } catch (cause) {
      throw new StoreError(
        'corrupt',
        `store ${path}: migration ${m.version} (${m.name}) failed and was rolled back: ${(cause as Error).message.split('\n')[0]}`,
        { cause },
      );
    }
  }
}

/** Every migration version, for a new store. */
export const ALL_MIGRATIONS: readonly number[] = MIGRATIONS.map((m) => m.version);
