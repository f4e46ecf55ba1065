// The dashboard's HTTP client: fetches /api/* as JSON and turns error responses into ApiError with
// the server's own message (from its JSON error body) so pages can show it verbatim.
import type { Analysis } from '../domain/analysis.js';
import { asRecord, asString } from './read.js';

/** A failed API call: HTTP status, the path asked for and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Wide rows as the API returns them for /api/series/{dataset}. */
export interface SeriesTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

function messageFromBody(body: unknown, fallback: string): string {
  const rec = asRecord(body);
  const error = rec?.['error'];
  return (
    asString(asRecord(error)?.['message']) ??
    asString(error) ??
    asString(rec?.['message']) ??
    asString(rec?.['detail']) ??
    fallback
  );
}

/**
 * GETs `path` with the query (null/undefined/'' values left out) and returns the parsed JSON.
 * Throws ApiError on a network failure (status 0), a non-2xx status or a body that is not JSON.
 */
export async function getJson(path: string, query: Record<string, string | null | undefined> = {}): Promise<unknown> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, v);
  const url = params.size > 0 ? `${path}?${params.toString()}` : path;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError(0, url, `Could not reach the server for ${url}: ${String(cause)}`);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new ApiError(response.status, url, `${url} answered with a body that is not JSON`);
  }
  if (!response.ok) {
    const fallback =
      text.length > 0 && text.length < 300 && body === null ? text : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, url, messageFromBody(body, fallback));
  }
  return body;
}

// Analyses of a given day are point-in-time: each (asOf, asset) is asked for once per page session
// (the overview's "what changed" reads the previous session's, which the as-of picker may then show).
const analysisMemo = new Map<string, Promise<Analysis>>();

/**
 * GET /api/analysis; checks the minimum shape (phase.label) and throws ApiError otherwise. Answers
 * (and requests in flight) are reused for the same asOf and asset; failures are not kept.
 */
export function fetchAnalysis(asOf: string | null, asset: string): Promise<Analysis> {
  const key = `${asOf ?? 'latest'}|${asset}`;
  let pending = analysisMemo.get(key);
  if (!pending) {
    pending = loadAnalysis(asOf, asset);
    analysisMemo.set(key, pending);
    pending.catch(() => analysisMemo.delete(key));
  }
  return pending;
}

async function loadAnalysis(asOf: string | null, asset: string): Promise<Analysis> {
  const body = await getJson('/api/analysis', { asOf, asset });
  const phase = asRecord(asRecord(body)?.['phase']);
  if (!phase || !asString(phase['label'])) {
    throw new ApiError(200, '/api/analysis', 'The analysis answer has no phase label; cannot show the judgment');
  }
  return body as Analysis;
}

// Series answers are point-in-time (asOf is in the query), so one page session can reuse them.
const seriesMemo = new Map<string, Promise<SeriesTable>>();

/**
 * GET /api/series/{dataset}; a malformed answer becomes an empty table with no columns. Answers
 * (and requests in flight) are reused for the same dataset and query; failures are not kept.
 */
export function fetchSeries(dataset: string, query: Record<string, string | null | undefined>): Promise<SeriesTable> {
  const key = `${dataset}?${JSON.stringify(query)}`;
  let pending = seriesMemo.get(key);
  if (!pending) {
    pending = loadSeries(dataset, query);
    seriesMemo.set(key, pending);
    pending.catch(() => seriesMemo.delete(key));
  }
  return pending;
}

async function loadSeries(dataset: string, query: Record<string, string | null | undefined>): Promise<SeriesTable> {
  const body = asRecord(await getJson(`/api/series/${encodeURIComponent(dataset)}`, query));
  const columns = Array.isArray(body?.['columns']) ? (body['columns'] as string[]) : [];
  const rows = Array.isArray(body?.['rows']) ? (body['rows'] as (string | number | null)[][]) : [];
  return { columns, rows };
}
