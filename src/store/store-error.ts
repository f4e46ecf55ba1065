// The store boundary's one error type. Its `kind` says what went wrong in terms a caller can act on;
// the CLI (exit code + one line) and the server (HTTP status + JSON body) each decide their answer
// from the kind alone, in one place.

/**
 * What a store failure is:
 * - `missing`: no Tidemark store at the path (a reading command never creates one);
 * - `foreign`: the file is not a Tidemark store (another format, or a DuckDB file without Tidemark's
 *   schema); it was left untouched;
 * - `corrupt`: a Tidemark store this version cannot use (damaged file, failed migration, schema
 *   written by a newer Tidemark);
 * - `locked`: another process holds the file (a running import, sync or `tidemark serve`);
 * - `read-only`: a write was needed but the store was opened read-only, or the file system or the
 *   file's permissions forbid writing;
 * - `unavailable`: the store could not be opened or read for another reason (I/O error, permission);
 * - `conflict`: the request contradicts what the store holds (e.g. simulated rows into real data);
 * - `invalid`: a value the store refuses (non-finite number, impossible date or timestamp).
 */
export type StoreErrorKind =
  'missing' | 'foreign' | 'corrupt' | 'locked' | 'read-only' | 'unavailable' | 'conflict' | 'invalid';

/** Every kind, for exhaustive tables (exit codes, HTTP statuses, docs). */
export const STORE_ERROR_KINDS: readonly StoreErrorKind[] = [
  'missing',
  'foreign',
  'corrupt',
  'locked',
  'read-only',
  'unavailable',
  'conflict',
  'invalid',
];

/** A store failure: the message names the file (or batch) and the offending value; `kind` decides the answer. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
