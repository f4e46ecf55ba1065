// Mutations of JSON fixtures (the caches, the CoinGecko array, the events calendar): a value of one
// row set to overflow/negative/NaN/wrong-type/bad-date, a row replaced by a non-object, repeated or
// shuffled rows, renamed fund keys, and raw byte flips or truncation (malformed JSON).
import type { Mutation } from './mutate-text.js';
import { DATE_TOKENS } from './tokens.js';
import type { Rng } from './rng.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Marker strings turned into bare tokens after serialisation (JSON has no NaN/Infinity). */
const BARE = { NaN: '__bare_NaN__', Infinity: '__bare_Infinity__', '-Infinity': '__bare_-Infinity__' } as const;
const DELETE = Symbol('delete');

const VALUE_TOKENS: readonly (Json | typeof DELETE)[] = [
  1e308,
  -1e308,
  -5,
  0,
  1e-320,
  12.5,
  BARE.NaN,
  BARE.Infinity,
  BARE['-Infinity'],
  '12',
  null,
  true,
  [],
  {},
  'x',
  DELETE,
];

/** Serialises like the fixtures (2-space indent), bare NaN/Infinity tokens included. */
function serialise(root: Json): string {
  let text = JSON.stringify(root, null, 2);
  for (const [token, marker] of Object.entries(BARE)) text = text.replaceAll(`"${marker}"`, token);
  return `${text}\n`;
}

/** The array of rows in a parsed fixture: root.rows, root.events, or the root array itself. */
function rowsOf(root: Json): Json[] | null {
  if (Array.isArray(root)) return root;
  if (root && typeof root === 'object') {
    const rows = root['rows'] ?? root['events'];
    if (Array.isArray(rows)) return rows;
  }
  return null;
}

/** Paths (property lists) to the leaf values of a row object. */
function leafPaths(row: Json, prefix: string[] = []): string[][] {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return prefix.length > 0 ? [prefix] : [];
  return Object.entries(row).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leafPaths(v, [...prefix, k]) : [[...prefix, k]],
  );
}

function setPath(row: { [key: string]: Json }, path: readonly string[], value: Json | typeof DELETE): void {
  let at: { [key: string]: Json } = row;
  for (const p of path.slice(0, -1)) at = at[p] as { [key: string]: Json };
  const last = path.at(-1)!;
  if (value === DELETE) delete at[last];
  else at[last] = value;
}

const dateOf = (row: Json): string[] =>
  row && typeof row === 'object' && !Array.isArray(row) && typeof row['date'] === 'string' ? [row['date']] : [];
const idOf = (row: Json): string =>
  row && typeof row === 'object' && !Array.isArray(row) && typeof row['id'] === 'string' ? row['id'] : '';

/** One random mutation of a JSON fixture. */
export function mutateJson(text: string, rng: Rng): Mutation {
  const root = JSON.parse(text) as Json;
  const rows = rowsOf(root);
  const ops = ['value', 'value', 'value', 'date', 'element', 'dup', 'shuffle', 'fund-key', 'raw', 'truncate'] as const;
  const op = rows && rows.length > 0 ? rng.pick(ops) : 'raw';
  const copy = (): Json => JSON.parse(text) as Json;
  const k = rows && rows.length > 0 ? rng.int(0, rows.length - 1) : 0;
  const baselineWithout = (): string => {
    const b = copy();
    rowsOf(b)!.splice(k, 1);
    return serialise(b);
  };
  switch (op) {
    case 'value':
    case 'date': {
      const m = copy();
      const row = rowsOf(m)![k]!;
      if (!row || typeof row !== 'object' || Array.isArray(row))
        return { kind: op, text: serialise(m), expect: { type: 'same', excludeDates: [] } };
      const paths = leafPaths(row);
      const path =
        op === 'date'
          ? [rng.pick(['date', 'availableAfter', 'knownAt'].filter((p) => p in row).concat('date'))]
          : rng.pick(paths);
      const token =
        op === 'date' ? (rng.chance(0.9) ? rng.pick(DATE_TOKENS) : rng.pick(VALUE_TOKENS)) : rng.pick(VALUE_TOKENS);
      setPath(row, path, token);
      const before = rowsOf(copy())![k]!;
      return {
        kind: `${op} ${path.join('.')}`,
        text: serialise(m),
        expect: {
          type: 'baseline',
          baseline: baselineWithout(),
          excludeDates: [...dateOf(before), ...dateOf(row)],
          excludeText: `${idOf(before)}\n${idOf(row)}`,
        },
      };
    }
    case 'element': {
      const m = copy();
      rowsOf(m)![k] = rng.pick<Json>([1, 'x', null, [], true]);
      const before = rowsOf(copy())![k]!;
      return {
        kind: 'element',
        text: serialise(m),
        expect: {
          type: 'baseline',
          baseline: baselineWithout(),
          excludeDates: dateOf(before),
          excludeText: idOf(before),
        },
      };
    }
    case 'dup': {
      const m = copy();
      const list = rowsOf(m)!;
      list.splice(k + 1, 0, list[k]!);
      return { kind: 'dup', text: serialise(m), expect: { type: 'same', excludeDates: [] } };
    }
    case 'shuffle': {
      const m = copy();
      const list = rowsOf(m)!;
      const shuffled = rng.shuffle(list);
      list.splice(0, list.length, ...shuffled);
      return { kind: 'shuffle', text: serialise(m), expect: { type: 'same', excludeDates: [] } };
    }
    case 'fund-key': {
      const m = copy();
      let renamed = false;
      const names = new Set<string>();
      for (const row of rowsOf(m)!) {
        const funds =
          row && typeof row === 'object' && !Array.isArray(row) && row['metrics'] && typeof row['metrics'] === 'object'
            ? (row['metrics'] as { [key: string]: Json })['fundFlowsUSDm']
            : undefined;
        if (funds && typeof funds === 'object' && !Array.isArray(funds))
          for (const n of Object.keys(funds)) names.add(n);
      }
      if (names.size === 0) return { kind: 'fund-key', text: serialise(m), expect: { type: 'same', excludeDates: [] } };
      const name = rng.pick([...names]);
      const changed = rng.chance(0.5)
        ? name.toLowerCase()
        : name.slice(0, 1) + rng.pick(['\uFFFD', '\u0000', '\u200B', ' ']) + name.slice(1);
      for (const row of rowsOf(m)!) {
        const funds = (row as { metrics?: { fundFlowsUSDm?: { [key: string]: Json } } }).metrics?.fundFlowsUSDm;
        if (funds && name in funds) {
          funds[changed] = funds[name]!;
          delete funds[name];
          renamed = true;
        }
      }
      return { kind: 'fund-key', text: serialise(m), expect: renamed ? { type: 'header' } : { type: 'free' } };
    }
    case 'truncate':
      return { kind: 'truncate', text: text.slice(0, rng.int(1, text.length - 1)), expect: { type: 'free' } };
    case 'raw': {
      const chars = [...text];
      const n = rng.int(1, 4);
      for (let i = 0; i < n; i++)
        chars[rng.int(0, chars.length - 1)] = rng.pick([...'0123456789-.,eE+ "{}[]:xN\n', '\uFFFD', '\u0000']);
      return { kind: 'raw', text: chars.join(''), expect: { type: 'free' } };
    }
  }
}
