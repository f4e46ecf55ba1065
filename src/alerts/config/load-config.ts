// Reading the run's configuration: tidemark.yaml (or --config / TIDEMARK_CONFIG), then environment
// variables, then flags, checked as a whole at start-up. Every problem is reported at once, each
// naming where the value came from (file:line, variable or flag), the key and the value.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isDocument, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { AnalysedAsset } from '../../domain/assets.js';
import { builtinRule, BUILTIN_RULE_DEFAULTS, type BuiltinOverrides } from '../rules/builtin-rules.js';
import { changeRule } from '../rules/change-rule.js';
import { ConditionError, fieldOrThrow, parseCondition } from '../rules/condition.js';
import type { AlertRule } from '../rules/rule.js';
import { thresholdRule } from '../rules/threshold-rule.js';
import { CronError, parseCron, type CronSchedule } from '../schedule/cron.js';
import type { QuietHours } from '../schedule/quiet-hours.js';
import { isTimeZone } from '../schedule/zoned-time.js';
import { ConfigError } from './config-error.js';
import {
  BUILTIN_RULE_IDS,
  BUILTIN_RULE_SCHEMAS,
  configSchema,
  NAME_PATTERN,
  sinkSchema,
  userRuleSchema,
  type BuiltinRuleId,
  type ConfigShape,
  type SinkSettings,
} from './config-schema.js';
import { ENV_OPTION_PATHS, envNameOf, MAP_OPTIONS, parseOptionText } from './env-options.js';

/** The config file looked for in the working directory when none is named. */
export const DEFAULT_CONFIG_FILE = 'tidemark.yaml';

/** A value set by a flag: its option path, the value and how the flag was written (for messages). */
export interface ConfigOverride {
  readonly path: string;
  readonly value: unknown;
  readonly origin: string;
}

export interface ConfigInputs {
  /** The config file (--config); else $TIDEMARK_CONFIG; else ./tidemark.yaml when it exists; else none. */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly overrides?: readonly ConfigOverride[];
  readonly cwd?: string;
}

/** A rule with where and when it applies. */
export interface ActiveRule {
  readonly rule: AlertRule;
  readonly assets: readonly AnalysedAsset[];
  readonly cooldownDays: number;
  readonly quietHours: QuietHours | null;
  readonly sinks: readonly string[];
}

export interface NamedSink {
  readonly name: string;
  readonly settings: SinkSettings;
}

/** The checked configuration of `tidemark run`, `watch` and `alerts`. */
export interface RunConfig extends Omit<ConfigShape, 'schedule' | 'rules' | 'sinks'> {
  /** The file read (absolute), or null when only defaults, environment and flags were used. */
  readonly file: string | null;
  readonly schedule: CronSchedule;
  readonly rules: readonly ActiveRule[];
  readonly sinks: readonly NamedSink[];
}

/** Keys that would hold a secret, per sink type, and the variable option that names it instead. */
const SECRET_KEYS: Readonly<Record<string, { key: string; what: string; via: string; suffix: string }[]>> = {
  slack: [{ key: 'url', what: 'a Slack webhook URL', via: 'urlEnv', suffix: 'URL' }],
  discord: [{ key: 'url', what: 'a Discord webhook URL', via: 'urlEnv', suffix: 'URL' }],
  telegram: [{ key: 'token', what: 'a Telegram bot token', via: 'tokenEnv', suffix: 'TOKEN' }],
  webhook: [{ key: 'secret', what: 'a webhook signing secret', via: 'secretEnv', suffix: 'SECRET' }],
  email: [{ key: 'password', what: 'an SMTP password', via: 'passwordEnv', suffix: 'PASSWORD' }],
};

/** The default environment variable of a sink's secret: sink desk-slack, URL → TIDEMARK_SINK_DESK_SLACK_URL. */
export function sinkSecretEnv(sinkName: string, suffix: string): string {
  return `TIDEMARK_SINK_${sinkName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${suffix}`;
}

type Path = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  path.slice(0, -1).forEach((part) => {
    if (!isRecord(at[part])) at[part] = {};
    at = at[part] as Record<string, unknown>;
  });
  const last = path.at(-1)!;
  if (path.length === 1 && MAP_OPTIONS.has(last) && isRecord(value) && isRecord(at[last]))
    at[last] = { ...(at[last] as Record<string, unknown>), ...value };
  else at[last] = value;
}

function getPath(target: unknown, path: Path): unknown {
  let at = target;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[part];
  }
  return at;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text === undefined ? '' : ` (got ${text.length > 80 ? `${text.slice(0, 77)}…` : text})`;
}

/** Where values came from, to name them in messages. */
class Origins {
  private readonly set: { path: string; origin: string }[] = [];

  constructor(
    private readonly fileLabel: string | null,
    private readonly doc: Document | null,
    private readonly lines: LineCounter | null,
  ) {}

  add(path: string, origin: string): void {
    this.set.push({ path, origin });
  }

  /** The origin of an override covering `path`, if any (the last one set wins, as in resolution). */
  override(path: Path): string | null {
    const dotted = path.join('.');
    const hit = [...this.set].reverse().find((o) => dotted === o.path || dotted.startsWith(`${o.path}.`));
    return hit?.origin ?? null;
  }

  /** "tidemark.yaml:14", an environment variable or flag, or "defaults". */
  where(path: Path): string {
    const override = this.override(path);
    if (override !== null) return override;
    if (this.doc === null || this.lines === null || this.fileLabel === null) return 'defaults';
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range !== undefined) return `${this.fileLabel}:${this.lines.linePos(node.range[0]).line}`;
    }
    return this.fileLabel;
  }

  /** Whether `path` came from the file (relative paths then resolve against the file's folder). */
  fromFile(path: Path): boolean {
    return this.override(path) === null && this.doc !== null;
  }
}

function readFile(file: string): { raw: Record<string, unknown>; doc: Document; lines: LineCounter } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError([`${file}: cannot be read: ${(cause as Error).message}`]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0)
    throw new ConfigError(
      doc.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? '?'}: not valid YAML: ${e.message.split('\n')[0]}`),
    );
  if (!isDocument(doc)) throw new ConfigError([`${file}: not a YAML document`]);
  const raw = doc.toJS() as unknown;
  if (raw === null || raw === undefined) return { raw: {}, doc, lines };
  if (!isRecord(raw)) throw new ConfigError([`${file}:1: expected a mapping of options (key: value)`]);
  return { raw, doc, lines };
}

function zodProblems(error: z.ZodError, prefix: Path, raw: unknown, origins: Origins): string[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    const value = getPath(raw, issue.path as (string | number)[]);
    const scalar = value === null || typeof value !== 'object';
    return `${origins.where(path)} ${path.join('.') || '(top level)'}: ${issue.message}${scalar ? show(value) : ''}`;
  });
}

/**
 * Reads, merges and checks the configuration. Throws ConfigError listing every problem, each naming
 * its source, key and value. Secrets are not read here (see build-sinks.ts).
 */
export function loadConfig(inputs: ConfigInputs = {}): RunConfig {
  const env = inputs.env ?? process.env;
  const cwd = inputs.cwd ?? process.cwd();
  const named = inputs.file ?? env['TIDEMARK_CONFIG'];
  const file = named !== undefined && named !== '' ? resolve(cwd, named) : resolve(cwd, DEFAULT_CONFIG_FILE);
  const exists = existsSync(file);
  if (!exists && named !== undefined && named !== '') throw new ConfigError([`${named}: no such config file`]);
  const read = exists ? readFile(file) : null;
  const label = exists ? (named !== undefined && named !== '' ? named : DEFAULT_CONFIG_FILE) : null;
  const origins = new Origins(label, read?.doc ?? null, read?.lines ?? null);
  const raw: Record<string, unknown> = structuredClone(read?.raw ?? {});
  const problems: string[] = [];

  for (const path of ENV_OPTION_PATHS) {
    const name = envNameOf(path);
    const text = env[name];
    if (text === undefined) continue;
    try {
      setPath(raw, path.split('.'), parseOptionText(path, text));
      origins.add(path, name);
    } catch (cause) {
      problems.push(`${name} (${path}): cannot be read: ${(cause as Error).message.split('\n')[0]}`);
    }
  }
  for (const o of inputs.overrides ?? []) {
    setPath(raw, o.path.split('.'), o.value);
    origins.add(o.path, o.origin);
  }

  // Secrets written into the config are refused before anything else looks at them (and never shown).
  const sinksRaw = isRecord(raw['sinks']) ? raw['sinks'] : {};
  for (const [name, entry] of Object.entries(sinksRaw)) {
    if (!isRecord(entry)) continue;
    for (const s of SECRET_KEYS[String(entry['type'])] ?? []) {
      if (entry[s.key] === undefined) continue;
      problems.push(
        `${origins.where(['sinks', name, s.key])} sinks.${name}.${s.key}: ${s.what} is a secret and is read only from the environment: set ${sinkSecretEnv(name, s.suffix)} (or name another variable with ${s.via})`,
      );
      delete entry[s.key];
    }
  }

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError([...problems, ...zodProblems(parsed.error, [], raw, origins)]);
  const config = parsed.data;

  let schedule: CronSchedule | null = null;
  try {
    schedule = parseCron(config.schedule);
  } catch (error) {
    if (!(error instanceof CronError)) throw error;
    problems.push(`${origins.where(['schedule'])} schedule: ${error.message}`);
  }
  if (!isTimeZone(config.timezone))
    problems.push(
      `${origins.where(['timezone'])} timezone: "${config.timezone}" is not a time zone this system knows (e.g. UTC, Europe/London)`,
    );

  const sinks: NamedSink[] = [];
  const sinkEntries = Object.entries(config.sinks);
  for (const [name, entry] of sinkEntries.length > 0 ? sinkEntries : [['stdout', { type: 'stdout' }] as const]) {
    if (!NAME_PATTERN.test(name)) {
      problems.push(
        `${origins.where(['sinks', name])} sinks.${name}: a sink name is lower-case letters, digits, - and _`,
      );
      continue;
    }
    const result = sinkSchema.safeParse(entry);
    if (!result.success) {
      problems.push(...zodProblems(result.error, ['sinks', name], entry, origins));
      continue;
    }
    sinks.push({
      name,
      settings: resolveSinkPaths(result.data, origins.fromFile(['sinks', name]) ? dirname(file) : cwd),
    });
  }
  const sinkNames = sinks.map((s) => s.name);

  const rules: ActiveRule[] = [];
  const configured = config.rules;
  const ids = [...new Set([...BUILTIN_RULE_IDS, ...Object.keys(configured)])];
  for (const name of ids) {
    const entry = configured[name] ?? {};
    const at = (...rest: string[]): string =>
      `${origins.where(['rules', name, ...rest])} rules.${[name, ...rest].join('.')}`;
    if (!NAME_PATTERN.test(name)) {
      problems.push(`${at()}: a rule name is lower-case letters, digits, - and _`);
      continue;
    }
    if (!isRecord(entry)) {
      problems.push(`${at()}: expected the rule's options (key: value)${show(entry)}`);
      continue;
    }
    const builtin = (BUILTIN_RULE_IDS as readonly string[]).includes(name) ? (name as BuiltinRuleId) : null;
    const schema = builtin !== null ? BUILTIN_RULE_SCHEMAS[builtin].strict() : userRuleSchema;
    const result = schema.safeParse(entry);
    if (!result.success) {
      problems.push(...zodProblems(result.error, ['rules', name], entry, origins));
      continue;
    }
    const options = result.data as BuiltinOverrides & {
      enabled?: boolean;
      assets?: AnalysedAsset[];
      cooldownDays?: number;
      quietHours?: QuietHours | null;
      sinks?: string[];
      changes?: string;
      confirmDays?: number;
    };
    if (options.enabled === false) continue;
    const unknownSinks = (options.sinks ?? []).filter((s) => !sinkNames.includes(s));
    if (unknownSinks.length > 0)
      problems.push(
        `${at('sinks')}: no sink named ${unknownSinks.map((s) => `"${s}"`).join(', ')} (sinks: ${sinkNames.join(', ')})`,
      );
    let rule: AlertRule;
    try {
      if (builtin !== null) rule = builtinRule(builtin, options);
      else if (options.when !== undefined) rule = thresholdRule(name, parseCondition(options.when));
      else rule = changeRule(name, fieldOrThrow(options.changes ?? ''), options.confirmDays ?? 1);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      problems.push(`${at(options.when !== undefined ? 'when' : 'changes')}: ${error.message}`);
      continue;
    }
    rules.push({
      rule,
      assets: options.assets ?? config.assets,
      cooldownDays: options.cooldownDays ?? (builtin !== null ? BUILTIN_RULE_DEFAULTS[builtin].cooldownDays : 0),
      quietHours: options.quietHours === undefined ? config.quietHours : options.quietHours,
      sinks: options.sinks ?? sinkNames,
    });
  }

  if (problems.length > 0 || schedule === null) throw new ConfigError(problems);
  const base = (path: string): string => (origins.fromFile([path]) ? dirname(file) : cwd);
  const within = (path: string, p: string): string => (isAbsolute(p) ? p : resolve(base(path), p));
  return {
    ...config,
    file: exists ? file : null,
    ...(config.db !== undefined ? { db: within('db', config.db) } : {}),
    watchFolders: config.watchFolders.map((f) => within('watchFolders', f)),
    notes: { ...config.notes, dir: config.notes.dir === null ? null : within('notes', config.notes.dir) },
    schedule,
    rules,
    sinks,
  };
}

function resolveSinkPaths(settings: SinkSettings, base: string): SinkSettings {
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  if (settings.type === 'jsonl') return { ...settings, path: at(settings.path) };
  if (settings.type === 'email' && settings.caFile !== undefined) return { ...settings, caFile: at(settings.caFile) };
  return settings;
}
