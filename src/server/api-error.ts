// The server's one error type: an HTTP status, a stable machine code, a message naming the
// offending value, and the request field at fault. The error handler turns it into
// `{ error: { code, message, field } }`.
import type { ZodError } from 'zod';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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
  if (!issue) return new ApiError(400, 'bad-request', `invalid ${where}`);
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? null;
    return new ApiError(400, 'unknown-parameter', `unknown ${where} parameter "${field}"`, field);
  }
  // The parameter's name, even when the issue is inside it (key[2] → "key").
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  const received = field !== null ? input[field] : undefined;
  const shown = received === undefined ? '' : ` (got ${JSON.stringify(received)})`;
  return new ApiError(
    400,
    'invalid-parameter',
    `${where} parameter "${field ?? '?'}": ${issue.message}${shown}`,
    field,
  );
}
