// The fuzz suite's inputs and per-case properties: every fixture under test/fixtures that a layout
// detects, mutated (mutate-text.ts, mutate-json.ts), parsed by its layout and checked: no crash (only
// an ImportError naming the file), every reject names a real line, every observation passes the
// boundary check, and the good rows still import (see Expectation).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { marketEventSchema } from '../../src/domain/events.js';
import { addDays, isIsoDate } from '../../src/domain/dates.js';
import { checkObservation } from '../../src/domain/observation-check.js';
import type { Observation } from '../../src/domain/observation.js';
import { ImportError } from '../../src/sources/errors.js';
import { detectLayout } from '../../src/sources/import-files.js';
import { formatReject, type FileLayout, type ParsedFile } from '../../src/sources/layout.js';
import { mutateJson } from './mutate-json.js';
import { mutateLines, type Mutation } from './mutate-text.js';
import type { Rng } from './rng.js';

/** The date the fuzz suite runs "on" (every fixture date is before it). */
export const FUZZ_TODAY = '2026-06-30';

const FIXTURES = resolve(process.cwd(), 'test/fixtures');

export interface FuzzFixture {
  /** Path under test/fixtures. */
  readonly rel: string;
  readonly name: string;
  readonly text: string;
  readonly layout: FileLayout;
  readonly format: 'csv' | 'html' | 'json';
  /** The unmutated parse, or null for fixtures that fail as a whole by design (a changed page). */
  readonly original: ParsedFile | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** Every fixture some layout detects (test/fixtures/live holds HTTP bodies, not files people import). */
export function loadFixtures(): FuzzFixture[] {
  const out: FuzzFixture[] = [];
  for (const file of walk(FIXTURES)) {
    const rel = relative(FIXTURES, file);
    if (rel.startsWith('live') || rel.startsWith('analysis')) continue;
    const layout = detectLayout(file);
    if (typeof layout === 'string') continue;
    const text = readFileSync(file, 'utf8');
    const format = /\.json$/i.test(file) ? 'json' : /\.html?$/i.test(file) ? 'html' : 'csv';
    let original: ParsedFile | null = null;
    try {
      original = layout.parse({ path: file, text, today: FUZZ_TODAY });
    } catch {
      original = null;
    }
    out.push({ rel, name: basename(file), text, layout, format, original });
  }
  return out;
}

/** One random mutation of a fixture. */
export function mutateFixture(fx: FuzzFixture, rng: Rng): Mutation {
  return fx.format === 'json' ? mutateJson(fx.text, rng) : mutateLines(fx.text, fx.format, rng);
}

const obsKey = (o: Observation): string =>
  `${o.dataset}|${o.field}|${o.asset}|${o.key}|${o.date}|${o.value}|${o.knownAt}`;

/** Dates an excluded date may move an observation to: TradingView maps a file date up to ~2 weeks on. */
function excludedDates(layout: FileLayout, dates: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const d of dates) {
    if (!isIsoDate(d) || d < '2000-01-01' || d > '2100-01-01') continue;
    if (layout.id !== 'tradingview-csv') out.add(d);
    else for (let i = -1; i <= 16; i++) out.add(addDays(d, i));
  }
  return out;
}

/** Parses `text` as the fixture's layout, returning the result or the error thrown. */
function tryParse(fx: FuzzFixture, path: string, text: string): ParsedFile | Error {
  try {
    return fx.layout.parse({ path, text, today: FUZZ_TODAY });
  } catch (error) {
    return error as Error;
  }
}

/**
 * Runs one case: parses the mutated file as its layout and returns every property it breaks (empty =
 * passed). With `detect`, also writes it into `dir` under the fixture's name and runs layout
 * detection on it, as `tidemark import` would (detection must not throw).
 */
export function checkCase(fx: FuzzFixture, m: Mutation, dir: string, detect = true): string[] {
  const problems: string[] = [];
  const path = join(dir, fx.name);
  if (detect) {
    writeFileSync(path, m.text);
    try {
      detectLayout(path);
    } catch (error) {
      problems.push(`detectLayout threw ${(error as Error).name}: ${(error as Error).message}`);
    }
  }
  const result = tryParse(fx, path, m.text);
  if (result instanceof Error) {
    if (!(result instanceof ImportError)) problems.push(`crash: ${result.name}: ${result.message}`);
    else if (!result.message.includes(path)) problems.push(`file error does not name the file: ${result.message}`);
    if (fx.original && (m.expect.type === 'same' || m.expect.type === 'baseline'))
      problems.push(`the whole file failed although only rows changed: ${result.message}`);
    return problems;
  }
  const lineCount = m.text.split(/\r\n|\r|\n/).length;
  for (const r of result.rejects) {
    if (!Number.isInteger(r.line) || r.line < 1 || r.line > lineCount)
      problems.push(`reject names no line of the file: ${formatReject(path, r)}`);
    if (typeof r.message !== 'string' || r.message.trim() === '')
      problems.push(`reject without a message at line ${r.line}`);
  }
  for (const o of result.observations) {
    const bad = checkObservation(o, FUZZ_TODAY);
    if (bad.length > 0) problems.push(`invalid observation ${obsKey(o)}: ${bad.map((b) => b.message).join('; ')}`);
  }
  for (const e of result.events ?? [])
    if (!marketEventSchema.safeParse(e).success) problems.push(`invalid event ${JSON.stringify(e)}`);
  if (!fx.original) return problems;
  const got = new Set(result.observations.map(obsKey));
  const gotEvents = new Set((result.events ?? []).map((e) => JSON.stringify(e)));
  if (m.expect.type === 'same') {
    const skip = excludedDates(fx.layout, m.expect.excludeDates);
    const want = fx.original.observations.filter((o) => !skip.has(o.date)).map(obsKey);
    const have = result.observations.filter((o) => !skip.has(o.date)).map(obsKey);
    const missing = want.filter((k) => !got.has(k));
    const extra = have.filter((k) => !new Set(want).has(k));
    if (missing.length + extra.length > 0)
      problems.push(
        `meaning-preserving change altered the rows: missing ${missing.slice(0, 3).join(', ')}; extra ${extra.slice(0, 3).join(', ')}`,
      );
    const wantEvents = (fx.original.events ?? []).map((e) => JSON.stringify(e));
    if (wantEvents.some((e) => !gotEvents.has(e)) || gotEvents.size !== wantEvents.length)
      problems.push('meaning-preserving change altered the events');
  } else if (m.expect.type === 'baseline') {
    const base = tryParse(fx, path, m.expect.baseline);
    if (!(base instanceof Error)) {
      const skip = excludedDates(fx.layout, m.expect.excludeDates);
      const text = m.expect.excludeText;
      const lost = base.observations.filter((o) => !skip.has(o.date) && !got.has(obsKey(o))).map(obsKey);
      if (lost.length > 0)
        problems.push(`good rows lost: ${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ` … (${lost.length})` : ''}`);
      const lostEvents = (base.events ?? []).filter(
        (e) => !skip.has(e.date) && !(e.id && text.includes(e.id)) && !gotEvents.has(JSON.stringify(e)),
      );
      if (lostEvents.length > 0) problems.push(`good events lost: ${lostEvents.map((e) => e.id).join(', ')}`);
    }
  } else if (m.expect.type === 'header') {
    const known = new Set(fx.original.observations.map((o) => o.key));
    const silent = [...new Set(result.observations.map((o) => o.key))].filter(
      (k) => !known.has(k) && !result.warnings.some((w) => w.includes(k)),
    );
    if (silent.length > 0)
      problems.push(`new store key(s) without a warning: ${silent.map((k) => JSON.stringify(k)).join(', ')}`);
  }
  return problems;
}

/** A stable 32-bit hash of a string (FNV-1a), to give each fixture its own seed. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
