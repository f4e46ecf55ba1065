// The HTTP API: a fastify instance over a Store and an injected analysis function. Every request
// parameter is checked by the zod schemas in schemas.ts; every error leaves through one handler as
// `{ error: { code, message, field } }`. Analyses of past dates are computed once and cached: by the
// analysis engine's kept answers when one is given (sent gzipped as the worker made them), else in an
// LRU bounded by entries and bytes.
import { gunzipSync } from 'node:zlib';
import type { Socket } from 'node:net';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { z } from 'zod';
import type { Analysis } from '../domain/analysis.js';
import type { AnalysedAsset } from '../domain/assets.js';
import { todayUtc } from '../domain/dates.js';
import type { DatasetName } from '../domain/datasets.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { PastCall } from '../report/call-history.js';
import { loadCallHistory } from '../report/load-call-history.js';
import { noteTrackRecord } from '../report/note-track-record.js';
import { REPORT_CHART_LOOKBACK_DAYS, renderReport } from '../report/render-report.js';
import type { Store } from '../store/store.js';
import { toWideTable } from '../store/wide-rows.js';
import { ClientGoneError, clientGoneSignal } from './client-gone.js';
import { ApiError, badRequestFrom } from './api-error.js';
import { clientErrorToApiError, errorBody, isUnexpected, rawErrorResponse, toApiError } from './error-answer.js';
import {
  IMMUTABLE_CACHE_CONTROL,
  SHORT_CACHE_CONTROL,
  ifNoneMatchHits,
  withEtag,
  type CachedBody,
} from './http-cache.js';
import { LruCache } from './lru-cache.js';
import type { EncodedAnalysis } from './analysis-pool.js';
import type { PrecomputeProgress } from './analysis-precompute.js';
import { backtestQuerySchema, cachedBacktest, type BacktestFn } from './backtest-route.js';
import { buildOpenApiDocument } from './openapi.js';
import {
  analysisQuerySchema,
  emptyQuerySchema,
  eventsQuerySchema,
  seriesParamsSchema,
  seriesQuerySchema,
} from './schemas.js';
import { registerStaticFiles } from './static-files.js';
import { trackRecordAnswers, type TrackRecordFn } from './track-record-answers.js';
import { trackRecordQuerySchema } from './track-record-schemas.js';
import { trackRecordFromStore } from '../track-record/load-track-record.js';
import { defaultAsOf } from '../store/market-series-loader.js';

export const API_VERSION = '0.1.0';

/** Answers slower than this (ms) are logged even without the access log. */
export const SLOW_ANSWER_MS = 1000;

/**
 * The answer cache's bounds, read once. 1,024 entries: a few years of daily as-of dates per asset.
 * 64 MiB: an analysis is ~75–100 KB of JSON, so ~700 of them; a report (~1 MB of HTML) counts its size.
 */
export const ANSWER_CACHE_DEFAULTS = { entries: 1024, bytes: 64 * 1024 * 1024 } as const;

/**
 * Computes the analysis of one asset as of a date (analyzeStore has this shape). Without asOf the
 * engine picks its own default (the latest date the data supports).
 */
export type AnalyzeFn = (store: Store, options: { asset: AnalysedAsset; asOf?: string }) => Promise<Analysis>;
/**
 * The analysis as JSON text (AnalysisEngine.analyzeJson has this shape: computed off the event loop);
 * when given, /api/analysis answers with it instead of serialising `analyze`'s object.
 */
export type AnalyzeJsonFn = (options: { asset: AnalysedAsset; asOf?: string; signal?: AbortSignal }) => Promise<string>;
/**
 * The analysis gzipped with the JSON's ETag (AnalysisEngine.answer has this shape: kept answers for
 * past dates, else computed off the event loop); when given, /api/analysis answers with it, sending
 * the gzipped bytes to clients that accept gzip, and keeps nothing in its own cache.
 */
export type AnalysisAnswerFn = (options: {
  asset: AnalysedAsset;
  asOf?: string;
  signal?: AbortSignal;
}) => Promise<EncodedAnalysis>;
/** Loads the market series the report's charts draw (loadMarketSeries has this shape). */
export type LoadSeriesFn = (
  store: Store,
  options: { asset: AnalysedAsset; asOf: string; lookbackDays?: number },
) => Promise<MarketSeries>;

/** The call's replayed recent sessions for the note's top line (loadCallHistory has this shape). */
export type CallHistoryFn = (store: Store, asset: AnalysedAsset, asOf: string) => Promise<PastCall[]>;

export interface ServerOptions {
  readonly store: Store;
  readonly analyze: AnalyzeFn;
  /** The same analysis as JSON text, e.g. from the worker pool (src/server/analysis-engine.ts). */
  readonly analyzeJson?: AnalyzeJsonFn;
  /** The same analysis gzipped (takes precedence over analyzeJson), e.g. AnalysisEngine.answer. */
  readonly analysisAnswer?: AnalysisAnswerFn;
  /** The background precomputation's progress, reported by /api/health (AnalysisEngine.precomputeProgress). */
  readonly precomputeProgress?: () => PrecomputeProgress;
  /** Enables /api/report; without it that route answers 404. */
  readonly loadSeries?: LoadSeriesFn;
  /**
   * The call's history for /api/report's top line ("unchanged for N sessions; was X until D"), replayed
   * as `tidemark report` replays it (default loadCallHistory).
   */
  readonly callHistory?: CallHistoryFn;
  /** Computes /api/backtest answers (default: cachedBacktest(), histories replayed from the store). */
  readonly backtest?: BacktestFn;
  /** Directory of the built dashboard (web-dist/); without it `/` is a 404. */
  readonly webRoot?: string;
  /** Clock deciding what "today" is (default: the system clock). */
  readonly now?: () => Date;
  /** Computes track records (default trackRecordFromStore); /api/track-record and the note's section use it. */
  readonly trackRecord?: TrackRecordFn;
  /** Past-date analyses and reports kept in memory (default ANSWER_CACHE_DEFAULTS.entries, 1,024). */
  readonly cacheSize?: number;
  /** Their total size in bytes (default ANSWER_CACHE_DEFAULTS.bytes, 64 MiB); whichever bound binds first evicts. */
  readonly cacheBytes?: number;
  /** fastify's logger option (default off). */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * Log every request and response (fastify's request logging, default false): two lines per request
   * cost ~0.1 ms of the event loop each, a tenth of its budget at 1,000 req/s. Without it only server
   * errors (5xx) and answers slower than SLOW_ANSWER_MS are logged, one line each.
   */
  readonly accessLog?: boolean;
}

function parse<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const result = schema.safeParse(record);
  if (!result.success) throw badRequestFrom(result.error, record, where);
  return result.data;
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  cacheControl: string,
  contentType = 'application/json; charset=utf-8',
): FastifyReply {
  reply.header('etag', cached.etag).header('cache-control', cacheControl);
  const inm = request.headers['if-none-match'];
  if (ifNoneMatchHits(inm, cached.etag)) return reply.code(304).send();
  return reply.type(contentType).send(cached.body);
}

/** Whether an Accept-Encoding header value accepts gzip (listed without q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/**
 * Sends an encoded analysis: its gzipped bytes to a client that accepts gzip (ETag made weak, as the
 * bytes differ from the JSON's), else the JSON (gunzipped by `identity`) with its strong ETag; 304 when
 * If-None-Match names either.
 */
function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: EncodedAnalysis,
  cacheControl: string,
  identity: (answer: EncodedAnalysis) => Buffer,
): FastifyReply {
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  const etag = gzip ? `W/${answer.etag}` : answer.etag;
  reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (ifNoneMatchHits(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (!gzip) return reply.send(identity(answer));
  return reply.header('content-encoding', 'gzip').send(answer.gzip);
}

/** Answers `error` through the one mapping: status and body by kind; Retry-After when known; 500s logged. */
function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const answer = toApiError(error);
  if (isUnexpected(answer)) request.log.error({ err: error }, 'unexpected error');
  if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
  return reply.code(answer.statusCode).type('application/json; charset=utf-8').send(errorBody(answer));
}

/**
 * Builds the API server (not listening: call `.listen()`, or `.inject()` in tests).
 * Routes: /api/analysis, /api/report, /api/track-record, /api/backtest, /api/series/:name, /api/events, /api/coverage,
 * /api/health, /api/openapi.json, and `/` + `/assets/*` when `webRoot` is given.
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const { store, analyze, loadSeries } = options;
  const callHistory = options.callHistory ?? loadCallHistory;
  const now = options.now ?? ((): Date => new Date());
  const cache = new LruCache<CachedBody>(options.cacheSize ?? ANSWER_CACHE_DEFAULTS.entries, {
    maxWeight: options.cacheBytes ?? ANSWER_CACHE_DEFAULTS.bytes,
    weigh: (answer) => answer.body.byteLength,
  });
  const trackRecords = trackRecordAnswers(store, options.trackRecord ?? trackRecordFromStore);
  const app = Fastify({
    logger: options.logger ?? false,
    disableRequestLogging: !(options.accessLog ?? false),
    // Bad URL encoding and over-long path parameters go through the same answer as every error.
    frameworkErrors: (error, request, reply) => answerError(error, request, reply),
    // Errors Node raises before a request exists (oversized headers, unparsable HTTP): same shape.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
      socket.end(rawErrorResponse(clientErrorToApiError(error)));
    },
  });
  const openApi = withEtag(JSON.stringify(buildOpenApiDocument(API_VERSION)));

  app.setErrorHandler((error: unknown, request, reply) => answerError(error, request, reply));
  if (!(options.accessLog ?? false))
    app.addHook('onResponse', (request, reply, done) => {
      const ms = reply.elapsedTime;
      if (reply.statusCode >= 500 || ms > SLOW_ANSWER_MS)
        request.log.warn(
          { url: request.url, statusCode: reply.statusCode, responseTime: Math.round(ms) },
          reply.statusCode >= 500 ? 'server error' : 'slow answer',
        );
      done();
    });
  app.setNotFoundHandler((request, reply) =>
    answerError(
      new ApiError('not-found', 'not-found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
      request,
      reply,
    ),
  );

  /**
   * The as-of date of a request: after today is a 400; a date before today is immutable; none
   * (the engine's default) or today is not.
   */
  const resolveAsOf = (asOf: string | undefined, field = 'asOf'): { asOf: string | undefined; immutable: boolean } => {
    const today = todayUtc(now());
    if (asOf === undefined) return { asOf, immutable: false };
    if (asOf > today)
      throw new ApiError(
        'bad-request',
        'invalid-parameter',
        `query parameter "${field}": ${asOf} is after today (${today} UTC)`,
        field,
      );
    return { asOf, immutable: asOf < today };
  };
  const asOfOption = (asOf: string | undefined): { asOf?: string } => (asOf === undefined ? {} : { asOf });

  /**
   * Computes (or for past dates, fetches from the LRU) a serialised answer. The key carries the
   * store's revision, so an import made while the server runs is never hidden by a cached answer.
   */
  const cachedAnswer = async (key: string, immutable: boolean, compute: () => Promise<string>): Promise<CachedBody> =>
    immutable
      ? cache.getOrCompute(`${key}|rev${await store.revision()}`, async () => withEtag(await compute()))
      : withEtag(await compute());

  // A client that does not accept gzip gets the JSON, gunzipped once per answer and kept in the LRU.
  const identityBody = (answer: EncodedAnalysis): Buffer => {
    const key = `identity|${answer.etag}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit.body;
    const body = gunzipSync(answer.gzip);
    cache.set(key, { body, etag: answer.etag });
    return body;
  };

  app.get('/api/analysis', async (request, reply) => {
    const query = parse(analysisQuerySchema, request.query, 'query');
    const { asOf, immutable } = resolveAsOf(query.asOf);
    // Dropped from the analysis queue if this client goes away first; a request that shared another's
    // dropped computation (same key, in flight) computes it again for itself.
    const signal = clientGoneSignal(reply.raw);
    const cacheControl = immutable ? IMMUTABLE_CACHE_CONTROL : SHORT_CACHE_CONTROL;
    const { analysisAnswer } = options;
    if (analysisAnswer) {
      const encoded = await analysisAnswer({ asset: query.asset, ...asOfOption(asOf), signal });
      return sendEncoded(request, reply, encoded, cacheControl, identityBody);
    }
    const answerFor = (): Promise<CachedBody> =>
      cachedAnswer(`analysis|${query.asset}|${asOf}`, immutable, async () =>
        options.analyzeJson
          ? options.analyzeJson({ asset: query.asset, ...asOfOption(asOf), signal })
          : JSON.stringify(await analyze(store, { asset: query.asset, ...asOfOption(asOf) })),
      );
    const answer = await answerFor().catch((error: unknown) => {
      if (error instanceof ClientGoneError && !signal.aborted) return answerFor();
      throw error;
    });
    return send(request, reply, answer, cacheControl);
  });

  app.get('/api/report', async (request, reply) => {
    if (!loadSeries)
      throw new ApiError('not-found', 'not-found', 'reports are not enabled on this server (no series loader)');
    const query = parse(analysisQuerySchema, request.query, 'query');
    const { asOf, immutable } = resolveAsOf(query.asOf);
    const answer = await cachedAnswer(`report|${query.asset}|${asOf}`, immutable, async () => {
      const analysis = await analyze(store, { asset: query.asset, ...asOfOption(asOf) });
      const [series, coverage, trackRecord, history] = await Promise.all([
        loadSeries(store, { asset: query.asset, asOf: analysis.asOf, lookbackDays: REPORT_CHART_LOOKBACK_DAYS }),
        store.coverage({ asOf: analysis.asOf }),
        noteTrackRecord((asset, to) => trackRecords.run({ asset, to }), query.asset, analysis.asOf),
        callHistory(store, query.asset, analysis.asOf),
      ]);
      const report = await renderReport({ analysis, series, coverage, history, trackRecord }, { formats: ['html'] });
      return report.html ?? '';
    });
    return send(
      request,
      reply,
      answer,
      immutable ? IMMUTABLE_CACHE_CONTROL : SHORT_CACHE_CONTROL,
      'text/html; charset=utf-8',
    );
  });

  // Computed once per (asset, from, to, horizons, store revision), `to` resolved first: the default
  // (latest data) is cached too; only a past `to` is immutable for HTTP caches.
  app.get('/api/track-record', async (request, reply) => {
    const { asset, from, to: asked, horizons, omit } = parse(trackRecordQuerySchema, request.query, 'query');
    const { immutable } = resolveAsOf(asked, 'to');
    const to = asked ?? (await defaultAsOf(store, asset));
    const answer = await trackRecords.answer({ asset, from, to, horizons }, omit ?? []);
    return send(request, reply, answer, immutable ? IMMUTABLE_CACHE_CONTROL : SHORT_CACHE_CONTROL);
  });

  const backtest = options.backtest ?? cachedBacktest();
  app.get('/api/backtest', async (request, reply) => {
    const query = parse(backtestQuerySchema, request.query, 'query');
    const { immutable } = resolveAsOf(query.asOf);
    const answer = await cachedAnswer(`backtest|${JSON.stringify(query)}`, immutable, async () =>
      JSON.stringify(await backtest(store, query)),
    );
    return send(request, reply, answer, immutable ? IMMUTABLE_CACHE_CONTROL : SHORT_CACHE_CONTROL);
  });

  app.get('/api/series/:name', async (request, reply) => {
    const { name } = parse(seriesParamsSchema, request.params, 'path');
    const query = parse(seriesQuerySchema, request.query, 'query');
    if (query.asOf !== undefined) resolveAsOf(query.asOf);
    const dataset = name as DatasetName;
    const observations = await store.read({
      dataset,
      asset: query.asset,
      keys: query.key,
      from: query.from,
      to: query.to,
      asOf: query.asOf,
    });
    const table = toWideTable(dataset, observations, query.asset === undefined);
    return send(
      request,
      reply,
      withEtag(JSON.stringify({ columns: table.columns, rows: table.rows })),
      SHORT_CACHE_CONTROL,
    );
  });

  app.get('/api/events', async (request, reply) => {
    const query = parse(eventsQuerySchema, request.query, 'query');
    const events = await store.readEvents({ from: query.from, to: query.to, asOf: query.asOf });
    return send(request, reply, withEtag(JSON.stringify({ events })), SHORT_CACHE_CONTROL);
  });

  app.get('/api/coverage', async (request, reply) => {
    parse(emptyQuerySchema, request.query, 'query');
    return send(request, reply, withEtag(JSON.stringify({ coverage: await store.coverage() })), SHORT_CACHE_CONTROL);
  });

  // The row count is read once per store revision (a revision never changes its rows), so a health
  // check under load answers from memory.
  let rowsAt: { revision: number; rows: Promise<number> } | null = null;
  app.get('/api/health', async (request, reply) => {
    parse(emptyQuerySchema, request.query, 'query');
    const revision = await store.revision();
    if (rowsAt === null || rowsAt.revision !== revision) {
      const rows = store.countRows();
      rowsAt = { revision, rows };
      rows.catch(() => {
        if (rowsAt?.rows === rows) rowsAt = null;
      });
    }
    const storeRows = await rowsAt.rows;
    const precompute = options.precomputeProgress?.();
    return reply
      .header('cache-control', 'no-store')
      .send({ status: 'ok', version: API_VERSION, storeRows, ...(precompute ? { precompute } : {}) });
  });

  app.get('/api/openapi.json', async (request, reply) => {
    parse(emptyQuerySchema, request.query, 'query');
    return send(request, reply, openApi, 'public, max-age=3600');
  });

  if (options.webRoot !== undefined) registerStaticFiles(app, options.webRoot);
  return app;
}
