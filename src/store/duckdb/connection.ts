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

  /**
   * Runs a query and returns its columns as arrays plus the row count (inside `serial`). Values come
   * as DuckDB's vectors hold them, unconverted: VARCHAR → string, INTEGER and DOUBLE → number,
   * BIGINT → bigint, NULL → null (other types as DuckDB value objects). Reading the vectors directly
   * is ~8× cheaper than the client's JS conversion (60,000 rows × 7 columns: ~25 ms against ~200 ms).
   */
  async columns(sql: string, params?: SqlParams): Promise<{ columns: DuckDBValue[][]; rowCount: number }> {
    const result = await this.connection.run(sql, params);
    const chunks = await result.fetchAllChunks();
    const rowCount = chunks.reduce((n, chunk) => n + chunk.rowCount, 0);
    const columns: DuckDBValue[][] = Array.from({ length: result.columnCount }, () => new Array<DuckDBValue>(rowCount));
    let offset = 0;
    for (const chunk of chunks) {
      const n = chunk.rowCount;
      columns.forEach((column, c) => {
        const vector = chunk.getColumnVector(c);
        for (let i = 0; i < n; i++) column[offset + i] = vector.getItem(i);
      });
      offset += n;
    }
    return { columns, rowCount };
  }

  /**
   * Runs a query whose columns are all numeric and never NULL (INTEGER, DOUBLE …) and returns each
   * column as a Float64Array, plus the row count (inside `serial`). Unlike `columns`, no value is
   * boxed into a JS array: for the tens of thousands of rows of an analysis that is less garbage to
   * collect. A NULL comes back as NaN.
   */
  async numberColumns(sql: string, params?: SqlParams): Promise<{ columns: Float64Array[]; rowCount: number }> {
    const result = await this.connection.run(sql, params);
    const chunks = await result.fetchAllChunks();
    const rowCount = chunks.reduce((n, chunk) => n + chunk.rowCount, 0);
    const columns = Array.from({ length: result.columnCount }, () => new Float64Array(rowCount));
    let offset = 0;
    for (const chunk of chunks) {
      const n = chunk.rowCount;
      columns.forEach((column, c) => {
        const vector = chunk.getColumnVector(c);
        for (let i = 0; i < n; i++) column[offset + i] = (vector.getItem(i) as number | null) ?? NaN;
      });
      offset += n;
    }
    return { columns, rowCount };
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
