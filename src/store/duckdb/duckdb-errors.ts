// Turning DuckDB's error text into a StoreError kind, so that no caller ever sees a raw
// "IO Error: Could not set lock on file …" and every answer is decided by the kind.
import { StoreError, type StoreErrorKind } from '../store-error.js';

/** The process holding a conflicting lock, as DuckDB reports it ("… held in /usr/bin/node (PID 9854)"). */
export interface LockHolder {
  readonly program: string | null;
  readonly pid: number | null;
}

const LOCKED = /Could not set lock on file|Conflicting lock is held/i;
const HOLDER = /held in (.+?) \(PID (\d+)\)/;
const READ_ONLY =
  /Read-only file system|EROFS|read-only mode|Cannot execute statement of type .* in read-only|attached in read-only/i;
const PERMISSION = /Permission denied|EACCES|EPERM/i;
const NOT_DUCKDB =
  /not a valid DuckDB database file|Extension .*(not found|disabled)|Failed to download extension|external extensions is disabled/i;
const NEWER_FORMAT = /version number|newer version|storage version|serialization/i;
const CORRUPT = /checksum|Corrupt|Failed to load metadata|INTERNAL Error/i;
const INVALID_VALUE = /Conversion Error|Out of Range Error|Invalid Input Error/;

/** The holder named in a DuckDB lock error, when it names one. */
export function lockHolder(message: string): LockHolder {
  const m = HOLDER.exec(message);
  return m ? { program: m[1] ?? null, pid: Number(m[2]) } : { program: null, pid: null };
}

/** The kind of a DuckDB error raised while opening or using the database at `path`. */
export function duckDbErrorKind(message: string, mode: 'read' | 'write'): StoreErrorKind {
  if (LOCKED.test(message)) return 'locked';
  if (READ_ONLY.test(message)) return 'read-only';
  if (PERMISSION.test(message)) return mode === 'write' ? 'read-only' : 'unavailable';
  if (NOT_DUCKDB.test(message)) return 'foreign';
  if (INVALID_VALUE.test(message)) return 'invalid';
  if (NEWER_FORMAT.test(message)) return 'corrupt';
  if (CORRUPT.test(message)) return 'corrupt';
  return 'unavailable';
}

/** DuckDB's first line, without the "IO Error: " style prefix. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/^[A-Za-z ]+Error: /, '');
}

/**
 * A StoreError for a DuckDB failure at `path`, with a message a user can act on: who holds the lock,
 * that the file system is read-only, that the file is not a Tidemark store.
 */
export function storeErrorFromDuckDb(path: string, cause: unknown, mode: 'read' | 'write'): StoreError {
  if (cause instanceof StoreError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const kind = duckDbErrorKind(message, mode);
  const detail = firstLine(message);
  switch (kind) {
    case 'locked': {
      const { pid } = lockHolder(message);
      return new StoreError(
        'locked',
        `store ${path} is in use by another process${pid !== null ? ` (PID ${pid})` : ''}, e.g. a running \`tidemark serve\`, import or sync`,
        { cause },
      );
    }
    case 'read-only':
      return new StoreError('read-only', `store ${path} cannot be written: ${detail}`, { cause });
    case 'foreign':
      return new StoreError('foreign', `${path} is not a Tidemark store (not a DuckDB database file)`, { cause });
    case 'corrupt':
      return new StoreError('corrupt', `store ${path} cannot be read by this Tidemark: ${detail}`, { cause });
    default:
      return new StoreError(kind, `store ${path} cannot be opened: ${detail}`, { cause });
  }
}
