// User strategies from a YAML or JSON file: a name, a kind (a shipped strategy to configure, or
// exposure-rules), the kind's options beside them, and optional stops. Checked strictly; every error
// names the file, the line (YAML), the key and the allowed values:
//   my-plan.yaml:4: tranchs: not an option of phased-accumulation; allowed: tranches, minDaysBetween, …
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { KIND_OPTIONS, STRATEGY_KINDS, strategyOfKind, type StrategyKind } from './strategy-kinds.js';
import { stopsSchema, withStops, type StopOptions } from './stops.js';
import type { Strategy } from './strategy.js';

/** A user strategy file that cannot be used: the file, the line when known, the key and what is wrong. */
export class StrategyFileError extends Error {
  override readonly name = 'StrategyFileError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly key: string | null,
    readonly problem: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${key === null ? '' : `${key}: `}${problem}`);
  }
}

/** Keys every file has besides its kind's options. */
const COMMON_KEYS = ['name', 'kind', 'description', 'stops'] as const;

const headerSchema = z.looseObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 characters of a-z, 0-9 and "-", starting with a letter or digit'),
  kind: z.enum(STRATEGY_KINDS),
  description: z.string().max(2000).optional(),
  stops: stopsSchema.optional(),
});

/** A parsed strategy file: the strategy and what it was built from. */
export interface StrategyFile {
  readonly strategy: Strategy;
  readonly kind: StrategyKind;
  readonly options: Readonly<Record<string, unknown>>;
  readonly name: string;
  readonly description?: string;
  readonly stops?: StopOptions;
}

/** The object schema at `path` inside `schema` (through optionals, nullables and arrays), or null. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | null {
  let current: z.ZodType = schema;
  for (let i = 0; ; i += 1) {
    for (;;) {
      if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
      else if (current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
      else break;
    }
    if (i === path.length) return current instanceof z.ZodObject ? current : null;
    const step = path[i]!;
    if (current instanceof z.ZodArray && typeof step === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof step === 'string' && step in current.shape)
      current = current.shape[step] as z.ZodType;
    else return null;
  }
}

/** "a.b[2].c" */
function keyText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, step) =>
      typeof step === 'number' ? `${text}[${step}]` : text === '' ? String(step) : `${text}.${String(step)}`,
    '',
  );
}

/** The value at `path` in `value`, for "(got …)". */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

/** Reads a strategy file's text; `fileName` decides the format (.json is JSON, anything else YAML). */
export function parseStrategyFile(text: string, fileName: string): StrategyFile {
  const lineCounter = new LineCounter();
  let raw: unknown;
  let lineOf = (_path: readonly PropertyKey[]): number | null => null;
  if (/\.json$/i.test(fileName)) {
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw new StrategyFileError(fileName, null, null, `not valid JSON (${(cause as Error).message})`);
    }
  } else {
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined)
      throw new StrategyFileError(
        fileName,
        first.linePos?.[0].line ?? lineCounter.linePos(first.pos[0]).line,
        null,
        `not valid YAML (${first.message.split('\n')[0]})`,
      );
    raw = doc.toJS();
    const startLine = (node: unknown): number | null => {
      const start = (node as YamlNode | null | undefined)?.range?.[0];
      return start === undefined ? null : lineCounter.linePos(start).line;
    };
    lineOf = (path) => {
      // The key's own line when the path ends in a key of a mapping; else the deepest node that exists.
      for (let n = path.length; n >= 1; n -= 1) {
        const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
        const step = path[n - 1];
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
          if (pair) return startLine(pair.key);
        } else if (isSeq(parent) && typeof step === 'number' && parent.items[step] !== undefined)
          return startLine(parent.items[step]);
      }
      return startLine(doc.contents);
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new StrategyFileError(fileName, 1, null, 'must be a mapping of keys (name, kind, options …)');
  const record = raw as Record<string, unknown>;

  const fail = (error: z.ZodError, schema: z.ZodType, base: readonly PropertyKey[], kind: string): never => {
    const issue = error.issues[0]!;
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const parent = objectAt(schema, issue.path);
      const allowed = Object.keys(parent?.shape ?? {});
      if (path.length === base.length) allowed.unshift(...COMMON_KEYS);
      throw new StrategyFileError(
        fileName,
        lineOf([...path, key]),
        keyText([...path, key]),
        `not an option${path.length === base.length ? ` of ${kind}` : ''}; allowed: ${allowed.join(', ')}`,
      );
    }
    const got = valueAt(record, path);
    const shown = got === undefined ? ' (missing)' : ` (got ${JSON.stringify(got)})`;
    const problem =
      issue.code === 'invalid_value'
        ? `must be one of ${issue.values.map((v) => String(v)).join(', ')}`
        : issue.message.replace(/^Invalid input: /, '');
    throw new StrategyFileError(fileName, lineOf(path), keyText(path), `${problem}${shown}`);
  };

  const header = headerSchema.safeParse(record);
  if (!header.success) fail(header.error, headerSchema, [], 'the file');
  const { name, kind, description, stops } = header.data!;
  const options = Object.fromEntries(
    Object.entries(record).filter(([key]) => !(COMMON_KEYS as readonly string[]).includes(key)),
  );
  const schema = KIND_OPTIONS[kind];
  const checked = schema.safeParse(options);
  if (!checked.success) fail(checked.error, schema, [], kind);
  const strategy = strategyOfKind(kind, options, { name, ...(description !== undefined ? { description } : {}) });
  return {
    strategy: stops ? withStops(strategy, stops) : strategy,
    kind,
    options,
    name,
    ...(description !== undefined ? { description } : {}),
    ...(stops !== undefined ? { stops } : {}),
  };
}
