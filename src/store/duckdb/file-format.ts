// Recognising a DuckDB database file by its header before DuckDB opens it: a file of another format
// (SQLite, Parquet, random bytes) is refused here, so DuckDB never tries to read it with an extension.
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes 8–11 of every DuckDB database file (after an 8-byte checksum). */
const DUCKDB_MAGIC = 'DUCK';
const SQLITE_MAGIC = 'SQLite format 3\0';

/** What a file looks like from its first bytes. */
export type FileFormat = 'duckdb' | 'sqlite' | 'empty' | 'other';

/** The format of the existing file at `path`, from its first 16 bytes. */
export function fileFormat(path: string): FileFormat {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0) return 'empty';
    if (n >= 12 && head.subarray(8, 12).toString('latin1') === DUCKDB_MAGIC) return 'duckdb';
    if (n >= 16 && head.toString('latin1') === SQLITE_MAGIC) return 'sqlite';
    return 'other';
  } finally {
    closeSync(fd);
  }
}

/** How a foreign format is named in messages. */
export function describeFormat(format: Exclude<FileFormat, 'duckdb'>): string {
  switch (format) {
    case 'sqlite':
      return 'a SQLite database';
    case 'empty':
      return 'an empty file';
    case 'other':
      return 'not a DuckDB database file';
  }
}
