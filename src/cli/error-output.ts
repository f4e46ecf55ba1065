// The one place the CLI turns an error into output: one line on stderr (no stack unless
// TIDEMARK_DEBUG is set) and an exit code that says which failure it was, so scripts can tell a
// locked database (retry later) from bad arguments or a foreign file.
import { ZodError } from 'zod';
import { ConfigError } from '../alerts/config/config-error.js';
import { RunFailedError } from '../alerts/run-failed-error.js';
import { ReportError, type ReportErrorKind } from '../report/report-error.js';
import { ServerStartError } from '../server/server-start-error.js';
import { ImportError, SourceError } from '../sources/errors.js';
import { StoreError, type StoreErrorKind } from '../store/store-error.js';
import { UsageError } from './usage-error.js';

/** Exit codes of `tidemark`, one per known failure (documented in docs/reliability.md). */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** The work could not all be done (files unreadable, sources failed, values refused) or an unexpected error. */
  failed: 1,
  /** Bad arguments. */
  usage: 2,
  /** No store at the path (a reading command never creates one). */
  storeMissing: 3,
  /** Not a store this Tidemark can use: another format, a DuckDB file without Tidemark's schema, a newer or damaged schema. */
  storeUnusable: 4,
  /** Another process still held the store after the lock wait. */
  storeLocked: 5,
  /** Writing is impossible: read-only file system, file permissions, or a store opened read-only. */
  cannotWrite: 6,
  /** The store could not be opened or read for another reason. */
  storeUnavailable: 7,
  /** The request contradicts what the store holds (e.g. simulated rows into real data). */
  conflict: 8,
  /** `tidemark serve` could not listen (port in use, privileged port, unknown host). */
  cannotListen: 9,
  /** PDF output impossible: Chromium missing or failing. */
  pdfUnavailable: 10,
} as const;

const STORE_EXIT: Readonly<Record<StoreErrorKind, number>> = {
  missing: EXIT_CODES.storeMissing,
  foreign: EXIT_CODES.storeUnusable,
  corrupt: EXIT_CODES.storeUnusable,
  locked: EXIT_CODES.storeLocked,
  'read-only': EXIT_CODES.cannotWrite,
  unavailable: EXIT_CODES.storeUnavailable,
  conflict: EXIT_CODES.conflict,
  invalid: EXIT_CODES.failed,
};

/** What to do about a store failure, appended to its message. */
const STORE_HINT: Readonly<Record<StoreErrorKind, string>> = {
  missing: '',
  foreign: ' (pass --db a Tidemark store, or a new path to create one)',
  corrupt: '',
  locked: ' — retry when it is done, or set TIDEMARK_LOCK_WAIT_MS to wait longer',
  'read-only': '',
  unavailable: '',
  conflict: '',
  invalid: '',
};

const REPORT_EXIT: Readonly<Record<ReportErrorKind, number>> = {
  'missing-chromium': EXIT_CODES.pdfUnavailable,
  'pdf-failed': EXIT_CODES.pdfUnavailable,
};

function line(text: string): string {
  return `tidemark: ${text.replaceAll('\n', ' ')}\n`;
}

/** Writes the one-line message of `error` to stderr and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(line(error.message));
    return EXIT_CODES.usage;
  }
  if (error instanceof ConfigError) {
    // One problem per line, each naming where the value came from, the key and the value.
    process.stderr.write(`tidemark: ${error.message}\n`);
    return EXIT_CODES.usage;
  }
  if (error instanceof RunFailedError) {
    process.stderr.write(`tidemark: ${error.message}\n`);
    return EXIT_CODES.failed;
  }
  if (error instanceof ZodError) {
    process.stderr.write(
      line(`invalid input: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`),
    );
    return EXIT_CODES.usage;
  }
  if (error instanceof StoreError) {
    process.stderr.write(line(error.message + STORE_HINT[error.kind]));
    return STORE_EXIT[error.kind];
  }
  if (error instanceof ServerStartError) {
    process.stderr.write(line(error.message));
    return EXIT_CODES.cannotListen;
  }
  if (error instanceof ReportError) {
    process.stderr.write(line(error.message));
    return REPORT_EXIT[error.kind];
  }
  if (error instanceof ImportError || error instanceof SourceError) {
    // Import messages may list several problems, one per line: they are the output the user asked for.
    process.stderr.write(`tidemark: ${error.message}\n`);
    if (error.cause instanceof Error && !error.message.includes(error.cause.message))
      process.stderr.write(`  cause: ${error.cause.message}\n`);
    return EXIT_CODES.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(line(`unexpected error: ${message.split('\n')[0] ?? ''} (TIDEMARK_DEBUG=1 shows the stack)`));
  if (process.env['TIDEMARK_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_CODES.failed;
}
