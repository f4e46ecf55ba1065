// One DuckDB connection used as one statement stream: every store call runs after the previous one
// finished, so a multi-statement transaction (an ingest) never interleaves with a read. Values always
// travel as bound parameters; SQL text holds only identifiers and constants.
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';

/** Bound parameters: positional ($1 …) or named ($name). */
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** A row as DuckDB's JS conversion gives it. */
export type SqlRow = Record<string, unknown>;

export class SerialConnection {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Runs `work` after every earlier call finished (whether it succeeded or failed). */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs a statement (inside `serial`). */
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a query and returns its rows as objects (inside `serial`). */
  async rows(sql: string, params?: SqlParams): Promise<SqlRow[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as SqlRow[];
  }

  /** Runs a query and returns its columns as arrays plus the row count (inside `serial`). */
  async columns(sql: string, params?: SqlParams): Promise<{ columns: unknown[][]; rowCount: number }> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return { columns: reader.getColumnsJS() as unknown[][], rowCount: reader.currentRowCount };
  }

  /** An appender for bulk-loading `table` (inside `serial`; close it before the next statement). */
  appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** Closes the connection and the database after queued calls finished; idempotent. */
  close(): Promise<void> {
    return this.serial(async () => {
      if (this.closed) return;
      this.closed = true;
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}
