// The server's one error type: a kind (which decides the HTTP status, in one table), a stable
// machine code, a message naming the offending value, and the request field at fault. The error
// handler (error-answer.ts) turns it into `{ error: { code, message, field } }`.
import type { ZodError } from 'zod';

/** What an error answer is; the status follows from it (API_ERROR_STATUS). */
export type ApiErrorKind =
  | 'bad-request'
  | 'not-found'
  | 'request-timeout'
  | 'conflict'
  | 'payload-too-large'
  | 'uri-too-long'
  | 'unsupported-media-type'
  | 'headers-too-large'
  | 'unexpected'
  | 'unavailable';

/** The HTTP status of each kind: the one place statuses are decided. */
export const API_ERROR_STATUS: Readonly<Record<ApiErrorKind, number>> = {
  'bad-request': 400,
  'not-found': 404,
  'request-timeout': 408,
  conflict: 409,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'headers-too-large': 431,
  unexpected: 500,
  unavailable: 503,
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  /** Seconds a client should wait before retrying (a Retry-After header), when known. */
  readonly retryAfterSeconds: number | undefined;

  /** The HTTP status of this error's kind. */
  get statusCode(): number {
    return API_ERROR_STATUS[this.kind];
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field: string | null };
}

/**
 * A 400 from a failed zod parse of request input (`where` = "query" or "path"): the first issue
 * names the field (an unknown parameter names itself) and the value received.
 */
export function badRequestFrom(error: ZodError, input: Readonly<Record<string, unknown>>, where: string): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('bad-request', 'bad-request', `invalid ${where}`);
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? null;
    return new ApiError('bad-request', 'unknown-parameter', `unknown ${where} parameter "${field}"`, field);
  }
  // The parameter's name, even when the issue is inside it (key[2] → "key").
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  const received = field !== null ? input[field] : undefined;
  const shown = received === undefined ? '' : ` (got ${JSON.stringify(received)})`;
  return new ApiError(
    'bad-request',
    'invalid-parameter',
    `${where} parameter "${field ?? '?'}": ${issue.message}${shown}`,
    field,
  );
}
