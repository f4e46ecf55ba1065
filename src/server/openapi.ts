// The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the handlers validate
// with (request) and describe (response). One route table: the server and the document share it.
import { z } from 'zod';
import { API_ERROR_STATUS, type ApiErrorKind } from './api-error.js';
import { STORE_LOCKED_RETRY_AFTER_S } from './error-answer.js';
import {
  analysisQuerySchema,
  analysisResponseSchema,
  coverageResponseSchema,
  emptyQuerySchema,
  errorResponseSchema,
  eventsQuerySchema,
  eventsResponseSchema,
  healthResponseSchema,
  seriesParamsSchema,
  seriesQuerySchema,
  wideTableResponseSchema,
} from './schemas.js';
import { API_COMPONENTS } from './section-schemas.js';
import { trackRecordQuerySchema, trackRecordResponseSchema } from './track-record-schemas.js';
import { backtestQuerySchema } from './backtest-route.js';
import { backtestResultSchema } from '../domain/backtest-schema.js';

export interface ApiRoute {
  /** Fastify path syntax (`:name`); the document uses `{name}`. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly query: z.ZodType;
  readonly params?: z.ZodType;
  readonly response: z.ZodType;
  readonly cached?: boolean;
  /** Default application/json. */
  readonly contentType?: string;
}

/** Every JSON route the API serves. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    path: '/api/analysis',
    summary: 'Market phase judgment with evidence, as of a date',
    description:
      'Point-in-time analysis of one asset. A past asOf is immutable: strong ETag, 1-day immutable caching, 304 on If-None-Match.',
    query: analysisQuerySchema,
    response: analysisResponseSchema,
    cached: true,
  },
  {
    path: '/api/series/:name',
    summary: 'One stored dataset as wide rows',
    description:
      'Rows ordered by date then key; one column per field present (snake_case), null where a row lacks a field.',
    query: seriesQuerySchema,
    params: seriesParamsSchema,
    response: wideTableResponseSchema,
  },
  {
    path: '/api/report',
    summary: 'The analyst note as one self-contained HTML page',
    description:
      'The same note `tidemark report` writes, for an asset and as-of date; cached like /api/analysis. Only served when the server has a series loader.',
    query: analysisQuerySchema,
    response: z.string(),
    cached: true,
    contentType: 'text/html',
  },
  {
    path: '/api/track-record',
    summary: 'Every replayed call scored against hindsight, next to the two price-only baselines',
    description:
      'The engine’s call of every US trading day, replayed point-in-time, and the 200-day and 50/200-day rules on the same days, scored against a Lunde–Timmermann hindsight dating: label agreement, forward returns per label and horizon (block-bootstrap intervals), turning-point lags, calibration, phase-following equity vs buy-and-hold, and verdicts in plain words; in-sample and out-of-sample periods apart. Computed once per parameters and store revision (the first request replays the history: seconds). A past `to` is immutable. `omit=days,scoredCalls,equityCurves` trims the answer from ~0.5–3 MB to ~60 KB. 404 not-enough-history when the store holds 200 closes or fewer.',
    query: trackRecordQuerySchema,
    response: trackRecordResponseSchema,
    cached: true,
  },
  {
    path: '/api/backtest',
    summary: 'What the playbook would have done: strategies backtested point-in-time',
    description:
      'Buy-and-hold, weekly DCA, phased accumulation, right-side confirmation and phase-following over a window, each from fresh cash, in-sample and out-of-sample periods apart: equity, drawdown and exposure curves, trades and figures. Decisions dated D fill at the close of bar D. The first request per asset and as-of date replays the history (seconds to a minute); later ones reuse it. A past asOf is cached like /api/analysis.',
    query: backtestQuerySchema,
    response: backtestResultSchema,
    cached: true,
  },
  {
    path: '/api/events',
    summary: 'The events calendar',
    description: 'Policy, index and market events, optionally as known at a date.',
    query: eventsQuerySchema,
    response: eventsResponseSchema,
  },
  {
    path: '/api/coverage',
    summary: 'What the store holds',
    description: 'First/last date, rows, gaps, revisions and sources per dataset, field, asset and key.',
    query: emptyQuerySchema,
    response: coverageResponseSchema,
  },
  {
    path: '/api/health',
    summary: 'Liveness and store reachability',
    description: 'Answers 200 when the store can be read.',
    query: emptyQuerySchema,
    response: healthResponseSchema,
  },
  {
    path: '/api/openapi.json',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API.',
    query: emptyQuerySchema,
    response: z.looseObject({ openapi: z.literal('3.1.0') }),
  },
];

/** A response schema: a $ref when it is one of the components, else inline JSON Schema. */
function responseSchema(schema: z.ZodType): Record<string, unknown> {
  const component = API_COMPONENTS.get(schema);
  return component ? { $ref: `#/components/schemas/${component.id}` } : jsonSchema(schema);
}

/** The registered schemas (Analysis and its sections) as OpenAPI components, referring to each other. */
function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(API_COMPONENTS, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, hoistNullableDescriptions(rest)];
    }),
  );
}

/**
 * A nullable field comes out as anyOf [described schema, null]: its description is moved up to the
 * field, where documentation viewers show it (recursively).
 */
function hoistNullableDescriptions(node: unknown): Record<string, unknown> {
  if (typeof node !== 'object' || node === null) return node as Record<string, unknown>;
  if (Array.isArray(node)) return node.map(hoistNullableDescriptions) as unknown as Record<string, unknown>;
  const out = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, hoistNullableDescriptions(value)]),
  ) as Record<string, unknown>;
  const anyOf = out['anyOf'];
  if (Array.isArray(anyOf) && anyOf.length === 2 && out['description'] === undefined) {
    const [first, second] = anyOf as Record<string, unknown>[];
    if (second?.['type'] === 'null' && typeof first?.['description'] === 'string') {
      const { description, ...inner } = first;
      return { ...out, description, anyOf: [inner, second] };
    }
  }
  return out;
}

/**
 * Every error answer of the API, by kind (so by status): what it means and the codes it carries.
 * Framework and HTTP-level errors come in the same `{ error: { code, message, field } }` shape.
 */
export const ERROR_ANSWERS: Readonly<Record<ApiErrorKind, string>> = {
  'bad-request':
    'Bad request. Codes: invalid-parameter or unknown-parameter (error.field names the parameter), bad-url (percent-encoding that does not decode), invalid-json (a body that is not JSON), malformed-request (not valid HTTP/1.1), invalid-value.',
  'not-found':
    'Not found. Code not-found: no such route, dataset or file; not-enough-history: too few daily closes for a track record.',
  'request-timeout': 'The request was not received in time. Code request-timeout.',
  conflict: 'The request contradicts what the store holds. Code store-conflict (no read route raises it today).',
  'payload-too-large': 'The request body is larger than the server reads (1 MiB). Code payload-too-large.',
  'uri-too-long': 'A path parameter is longer than 100 characters. Code uri-too-long.',
  'unsupported-media-type': 'A request body of a content type the API does not read. Code unsupported-media-type.',
  'headers-too-large':
    'The request line and headers exceed 16 KiB (a very long query string included). Code headers-too-large.',
  unexpected: 'Unexpected server error. Code internal; the details are in the server log only.',
  unavailable: `The store cannot be read right now. Codes: store-locked (an import or sync holds the database; the Retry-After header, ${STORE_LOCKED_RETRY_AFTER_S} s, says when to retry), store-unavailable, store-read-only.`,
};

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(schema: z.ZodType, where: 'query' | 'path'): Record<string, unknown>[] {
  const object = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
      ...(propertySchema['type'] === 'array' ? { style: 'form', explode: false } : {}),
    };
  });
}

/** Builds the OpenAPI 3.1 document (plain JSON-serialisable object). */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const errorResponses: Record<string, unknown> = {};
  const errorRefs: Record<string, unknown> = {};
  for (const [kind, description] of Object.entries(ERROR_ANSWERS) as [ApiErrorKind, string][]) {
    const status = String(API_ERROR_STATUS[kind]);
    errorResponses[status] = {
      description,
      content: errorContent,
      ...(kind === 'unavailable'
        ? { headers: { 'Retry-After': { description: 'Seconds to wait (store-locked)', schema: { type: 'integer' } } } }
        : {}),
    };
    errorRefs[status] = { $ref: `#/components/responses/${status}` };
  }
  const paths: Record<string, unknown> = {};
  for (const route of API_ROUTES) {
    const responses: Record<string, unknown> = {
      '200': {
        description: 'OK',
        content: { [route.contentType ?? 'application/json']: { schema: responseSchema(route.response) } },
      },
      ...errorRefs,
    };
    if (route.cached) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
    paths[route.path.replace(/:(\w+)/g, '{$1}')] = {
      get: {
        summary: route.summary,
        description: route.description,
        operationId: route.path
          .replace(/^\/api\//, '')
          .replace(/[^a-z]+(\w)?/gi, (_m, c: string | undefined) => (c ?? '').toUpperCase()),
        parameters: [...(route.params ? parameters(route.params, 'path') : []), ...parameters(route.query, 'query')],
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tidemark API',
      version,
      description:
        'Point-in-time crypto de-risking analysis: market phase, evidence, stored series, events and coverage.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { ...componentSchemas(), Error: jsonSchema(errorResponseSchema) },
      responses: errorResponses,
    },
  };
}
