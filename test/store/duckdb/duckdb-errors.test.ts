import { describe, expect, it } from 'vitest';
import { duckDbErrorKind, lockHolder, storeErrorFromDuckDb } from '../../../src/store/duckdb/duckdb-errors.js';

// DuckDB 1.5's own messages, as measured on this machine.
const LOCK =
  'IO Error: Could not set lock on file "/tmp/x.duckdb": Conflicting lock is held in /usr/bin/node (PID 9854). See also https://duckdb.org/docs/stable/connect/concurrency';
const LOCK_READ_ONLY_HINT =
  'IO Error: Could not set lock on file "/tmp/x.duckdb": Conflicting lock is held in /usr/bin/node (PID 9908). However, you would be able to open this database in read-only mode, e.g. by using the -readonly parameter in the CLI.';

describe('DuckDB errors as StoreError kinds', () => {
  it.each([
    [LOCK, 'write', 'locked'],
    [LOCK_READ_ONLY_HINT, 'write', 'locked'],
    ['IO Error: Cannot open file "/ro/x.duckdb": Read-only file system', 'write', 'read-only'],
    ['IO Error: Cannot open file "/x.duckdb": Permission denied', 'write', 'read-only'],
    ['IO Error: Cannot open file "/x.duckdb": Permission denied', 'read', 'unavailable'],
    ['IO Error: The file "/x.bin" exists, but it is not a valid DuckDB database file!', 'read', 'foreign'],
    ['Permission Error: Loading external extensions is disabled through configuration', 'read', 'foreign'],
    ['Conversion Error: invalid timestamp field format: "+010000-01-01 00:00:00"', 'write', 'invalid'],
    ['IO Error: No space left on device', 'write', 'unavailable'],
  ] as const)('%s (%s) → %s', (message, mode, kind) => {
    expect(duckDbErrorKind(message, mode)).toBe(kind);
  });

  it('names the process holding the lock, never repeating DuckDB raw text', () => {
    expect(lockHolder(LOCK)).toEqual({ program: '/usr/bin/node', pid: 9854 });
    const error = storeErrorFromDuckDb('/tmp/x.duckdb', new Error(LOCK), 'read');
    expect(error.kind).toBe('locked');
    expect(error.message).toBe(
      'store /tmp/x.duckdb is in use by another process (PID 9854), e.g. a running `tidemark serve`, import or sync',
    );
  });
});
