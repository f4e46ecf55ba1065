// The one place the server decides how an error is answered: any thrown value — our ApiError, a
// StoreError from the store, fastify's own errors (bad URL encoding, over-long path parameter, bad
// JSON body) and Node's client errors (oversized headers, malformed requests) — becomes an ApiError,
// hence one status per kind and one body shape `{ error: { code, message, field } }`. Errors of no
// known kind are 500 "unexpected" and are the only ones logged.
import { STATUS_CODES } from 'node:http';
import { StoreError, type StoreErrorKind } from '../store/store-error.js';
import { ApiError, type ApiErrorKind, type ErrorBody } from './api-error.js';

/** Seconds a client should wait when another process (an import or sync) holds the store. */
export const STORE_LOCKED_RETRY_AFTER_S = 5;

/** The message of every 500: internals stay in the server log. */
export const UNEXPECTED_MESSAGE = 'unexpected server error; see the server log';

/** How each store failure is answered: kind and stable code. */
const STORE_ANSWERS: Readonly<Record<StoreErrorKind, { kind: ApiErrorKind; code: string }>> = {
  locked: { kind: 'unavailable', code: 'store-locked' },
  unavailable: { kind: 'unavailable', code: 'store-unavailable' },
  missing: { kind: 'unavailable', code: 'store-unavailable' },
  'read-only': { kind: 'unavailable', code: 'store-read-only' },
  conflict: { kind: 'conflict', code: 'store-conflict' },
  invalid: { kind: 'bad-request', code: 'invalid-value' },
  foreign: { kind: 'unexpected', code: 'store-unusable' },
  corrupt: { kind: 'unexpected', code: 'store-unusable' },
};

/** fastify's error codes that are the client's fault, by what they are. */
const FASTIFY_ANSWERS: Readonly<Record<string, { kind: ApiErrorKind; code: string }>> = {
  FST_ERR_BAD_URL: { kind: 'bad-request', code: 'bad-url' },
  FST_ERR_MAX_PARAM_LENGTH: { kind: 'uri-too-long', code: 'uri-too-long' },
  FST_ERR_CTP_INVALID_JSON_BODY: { kind: 'bad-request', code: 'invalid-json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { kind: 'bad-request', code: 'invalid-json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { kind: 'payload-too-large', code: 'payload-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { kind: 'unsupported-media-type', code: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { kind: 'bad-request', code: 'bad-request' },
};

/** Node's client (socket-level) errors: oversized headers, timeouts, unparsable requests. */
const CLIENT_ANSWERS: Readonly<Record<string, { kind: ApiErrorKind; code: string; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    kind: 'headers-too-large',
    code: 'headers-too-large',
    message: 'the request line and headers exceed the server limit (16 KiB)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { kind: 'request-timeout', code: 'request-timeout', message: 'the request took too long' },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when `error` has no known kind: it is answered 500 and must be logged. */
export function isUnexpected(error: ApiError): boolean {
  return error.kind === 'unexpected';
}

/** Any thrown value as the ApiError it is answered with. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) {
    const { kind, code } = STORE_ANSWERS[error.kind];
    if (kind === 'unexpected') return new ApiError(kind, 'internal', UNEXPECTED_MESSAGE, null, { cause: error });
    return new ApiError(kind, code, error.message, null, {
      cause: error,
      ...(error.kind === 'locked' ? { retryAfterSeconds: STORE_LOCKED_RETRY_AFTER_S } : {}),
    });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const known = FASTIFY_ANSWERS[code];
    if (known) return new ApiError(known.kind, known.code, messageOf(error), null, { cause: error });
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Another client error fastify raised (e.g. a body on a GET it could not parse).
    const kind: ApiErrorKind = status === 404 ? 'not-found' : status === 413 ? 'payload-too-large' : 'bad-request';
    return new ApiError(kind, kind, messageOf(error), null, { cause: error });
  }
  return new ApiError('unexpected', 'internal', UNEXPECTED_MESSAGE, null, { cause: error });
}

/** A Node client error (the 'clientError' event) as the ApiError it is answered with. */
export function clientErrorToApiError(error: NodeJS.ErrnoException): ApiError {
  const known = error.code !== undefined ? CLIENT_ANSWERS[error.code] : undefined;
  if (known) return new ApiError(known.kind, known.code, known.message, null, { cause: error });
  return new ApiError('bad-request', 'malformed-request', 'the request is not valid HTTP/1.1', null, { cause: error });
}

/** The JSON body of an error answer. */
export function errorBody(error: ApiError): ErrorBody {
  return { error: { code: error.code, message: error.message, field: error.field } };
}

/** A complete raw HTTP/1.1 response for `error` (for answers written straight to a socket). */
export function rawErrorResponse(error: ApiError): string {
  const body = JSON.stringify(errorBody(error));
  return (
    `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}
