// The shape of `tidemark.yaml` (zod), every option with its documented default. Rules and sinks are
// maps keyed by name, so an error names them (`sinks.desk-slack.type`). Secrets have no key here:
// sinks name the environment variable that holds them (urlEnv, tokenEnv, secretEnv, passwordEnv).
import { z } from 'zod';
import { ANALYSED_ASSETS } from '../../domain/assets.js';
import { SOURCE_NAMES } from '../../sources/live/endpoints.js';
import { FRESHNESS_INPUTS } from '../input-freshness.js';

/** Names of rules and sinks: lower-case letters, digits, - and _. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (24 h)');
export const quietHoursSchema = z.object({ from: time, to: time }).strict();
const assets = z.array(z.enum(ANALYSED_ASSETS)).min(1);
const wholeAtLeast = (min: number): z.ZodNumber => z.number().int().min(min);
const fraction = z.number().min(0).max(1);
const sinkName = z.string().regex(NAME_PATTERN, 'expected a sink name');

/** Options every rule takes. */
const ruleCommon = {
  /** Default true. */
  enabled: z.boolean().optional(),
  /** Default: every configured asset. */
  assets: assets.optional(),
  /** Days after a sent alert during which the rule does not send again for that asset (default per rule). */
  cooldownDays: wholeAtLeast(0).optional(),
  /** Default: the top-level quietHours; null turns them off for this rule. */
  quietHours: quietHoursSchema.nullable().optional(),
  /** Default: every sink. */
  sinks: z.array(sinkName).min(1).optional(),
};

/** Each built-in rule's own options (all optional: BUILTIN_RULE_DEFAULTS fills them). */
export const BUILTIN_RULE_SCHEMAS = {
  'phase-flip': z.object({
    ...ruleCommon,
    confirmDays: wholeAtLeast(1).optional(),
    minConfidence: fraction.optional(),
  }),
  'flow-regime': z.object({ ...ruleCommon, confirmDays: wholeAtLeast(1).optional() }),
  'confidence-level': z.object({
    ...ruleCommon,
    level: fraction.optional(),
    hysteresis: fraction.optional(),
    direction: z.enum(['up', 'down', 'both']).optional(),
  }),
  checklist: z.object({
    ...ruleCommon,
    confirmDays: wholeAtLeast(1).optional(),
    /** Item ids watched, or "all". */
    items: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).optional(),
  }),
  waves: z.object({ ...ruleCommon, confirmDays: wholeAtLeast(1).optional() }),
  'liquidity-failure': z.object({ ...ruleCommon }),
  'funding-negative': z.object({ ...ruleCommon, when: z.string().optional() }),
  'mnav-below-one': z.object({ ...ruleCommon, when: z.string().optional() }),
  'liquidation-spike': z.object({ ...ruleCommon, when: z.string().optional() }),
  'stale-input': z.object({ ...ruleCommon, inputs: z.array(z.enum(FRESHNESS_INPUTS)).min(1).optional() }),
} as const;

export type BuiltinRuleId = keyof typeof BUILTIN_RULE_SCHEMAS;
export const BUILTIN_RULE_IDS = Object.keys(BUILTIN_RULE_SCHEMAS) as BuiltinRuleId[];

/** A user rule: exactly one of `when` and `changes`. */
export const userRuleSchema = z
  .object({
    ...ruleCommon,
    when: z.string().optional(),
    changes: z.string().optional(),
    /** For `changes`: analyses in a row the new value must hold (default 1). */
    confirmDays: wholeAtLeast(1).optional(),
  })
  .strict()
  .refine((r) => (r.when === undefined) !== (r.changes === undefined), {
    message: 'a rule needs exactly one of `when: <field> <op> <value>` and `changes: <field>`',
  });

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name');
const httpUrl = z.string().regex(/^https?:\/\/[^/\s]+/, 'expected an http(s) URL');

/** The sinks; the secret of each is read from the named environment variable (defaults in build-sinks.ts). */
export const sinkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdout') }).strict(),
  z.object({ type: z.literal('jsonl'), path: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('webhook'),
      url: httpUrl.optional(),
      urlEnv: envName.optional(),
      secretEnv: envName.optional(),
    })
    .strict(),
  z.object({ type: z.literal('slack'), urlEnv: envName.optional() }).strict(),
  z.object({ type: z.literal('discord'), urlEnv: envName.optional() }).strict(),
  z
    .object({
      type: z.literal('telegram'),
      chatId: z.union([z.string().min(1), z.number().int()]),
      tokenEnv: envName.optional(),
      /** Default https://api.telegram.org. */
      apiUrl: httpUrl.optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('email'),
      host: z.string().min(1),
      /** Default 587 (submission with STARTTLS); 465 with tls: implicit. */
      port: wholeAtLeast(1).max(65535).optional(),
      /** starttls (default): upgrade a plain connection and refuse to send without TLS; implicit: TLS from the start. */
      tls: z.enum(['starttls', 'implicit']).optional(),
      user: z.string().min(1).optional(),
      userEnv: envName.optional(),
      passwordEnv: envName.optional(),
      from: z.string().min(3),
      to: z.union([z.string().min(3), z.array(z.string().min(3)).min(1)]),
      /** A PEM file of the CA that signed the server's certificate (a private CA). */
      caFile: z.string().min(1).optional(),
    })
    .strict(),
]);

export type SinkSettings = z.infer<typeof sinkSchema>;
export type SinkType = SinkSettings['type'];

/** Everything but rules and sinks (validated per entry, so each error names its entry). */
export const configSchema = z
  .object({
    /** The database (default .tidemark/tidemark.duckdb). */
    db: z.string().min(1).optional(),
    /** Assets analysed each cycle (default BTC and ETH). */
    assets: assets.default([...ANALYSED_ASSETS]),
    /** When `tidemark watch` runs a cycle (cron, in `timezone`): default 02:30 UTC daily, half an hour after Farside's D+1 02:00 UTC. */
    schedule: z.string().min(1).default('30 2 * * *'),
    /** The time zone of the schedule and of quiet hours (IANA name; default UTC). */
    timezone: z.string().min(1).default('UTC'),
    /** Re-runs while a source that publishes late (Farside) has not published the expected day yet. */
    lateRetry: z
      .object({
        /** Minutes between re-runs (default 30). */
        everyMinutes: wholeAtLeast(1).default(30),
        /** For how long after the scheduled run, in minutes (default 360: until 08:30 UTC; 0 = no re-runs). */
        forMinutes: wholeAtLeast(0).default(360),
      })
      .strict()
      .default({ everyMinutes: 30, forMinutes: 360 }),
    sync: z
      .object({
        /** Live sources synced each cycle (default all; [] = none). */
        sources: z.array(z.enum(SOURCE_NAMES)).default([...SOURCE_NAMES]),
        /** Attempts per request (default 4). */
        retries: wholeAtLeast(1).default(4),
        /** Base URLs per source (else TIDEMARK_<NAME>_URL, else the source's own). */
        endpoints: z.partialRecord(z.enum(SOURCE_NAMES), httpUrl).default({}),
      })
      .strict()
      .default({ sources: [...SOURCE_NAMES], retries: 4, endpoints: {} }),
    /** Folders whose data files are imported each cycle (default none). */
    watchFolders: z.array(z.string().min(1)).default([]),
    notes: z
      .object({
        /** Where each cycle writes the analyst note (default "notes"; null = no note). */
        dir: z.string().min(1).nullable().default('notes'),
        /** Formats written (default md, html). */
        formats: z
          .array(z.enum(['md', 'html', 'pdf']))
          .min(1)
          .default(['md', 'html']),
        /** A URL the notes folder is served at: alerts link `<baseUrl>/<file>` instead of the path (default none). */
        baseUrl: httpUrl.nullable().default(null),
      })
      .strict()
      .default({ dir: 'notes', formats: ['md', 'html'], baseUrl: null }),
    delivery: z
      .object({
        /** Attempts per alert and sink before it is given up and reported (default 8). */
        maxAttempts: wholeAtLeast(1).default(8),
        /** First retry delay, doubling per attempt (default 30 s). */
        backoffSeconds: z.number().min(0).default(30),
        /** Longest retry delay (default 1800 s: attempts span about an hour). */
        backoffMaxSeconds: z.number().min(0).default(1800),
        /** How long one send may take (default 10 s). */
        timeoutSeconds: z.number().positive().default(10),
        /** How long `tidemark run` keeps retrying due deliveries before it exits, leaving the rest to the next run (default 120 s). */
        waitSeconds: z.number().min(0).default(120),
      })
      .strict()
      .default({ maxAttempts: 8, backoffSeconds: 30, backoffMaxSeconds: 1800, timeoutSeconds: 10, waitSeconds: 120 }),
    /** Hours in which alerts are held and sent when they end (default none). */
    quietHours: quietHoursSchema.nullable().default(null),
    rules: z.record(z.string(), z.unknown()).default({}),
    sinks: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type ConfigShape = z.infer<typeof configSchema>;
