// Reading JSON files the way importers need them: a clear error naming the file on malformed JSON,
// Python-style NaN/Infinity tokens kept as rejectable values instead of failing the whole file, and
// the line on which each element of the row array starts (so rejects can name a line).
import { ImportError } from '../errors.js';

/** Marker a bare NaN/Infinity token is turned into before JSON.parse; see `nonFiniteToken`. */
const NON_FINITE_PREFIX = '\u0000non-finite:';

/** The original token ("NaN", "Infinity", "-Infinity") when `value` stood for one, else null. */
export function nonFiniteToken(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith(NON_FINITE_PREFIX)
    ? value.slice(NON_FINITE_PREFIX.length)
    : null;
}

/**
 * Replaces bare NaN / Infinity / -Infinity tokens outside strings (as Python's json module writes
 * them) with marker strings, so that JSON.parse succeeds and the row holding them can be rejected.
 */
function markNonFiniteTokens(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    const match = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (match) {
      out += `${text.slice(last, i)}"\\u0000non-finite:${match[1]}"`;
      i += match[1]!.length - 1;
      last = i + 1;
    }
  }
  return out + text.slice(last);
}

/**
 * Parses JSON text of file `path`. Throws ImportError `<layout>: <path>: malformed JSON (...)` when
 * it is not JSON. Bare NaN/Infinity tokens are accepted and come back as marker strings
 * (test them with `nonFiniteToken`), so one bad number rejects one row, not the file.
 */
export function parseJsonText(layout: string, path: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (first) {
    if (/\b(NaN|Infinity)\b/.test(body)) {
      try {
        return JSON.parse(markNonFiniteTokens(body));
      } catch {
        // fall through to the original error
      }
    }
    throw new ImportError(`${layout}: ${path}: malformed JSON (${(first as Error).message})`, { cause: first });
  }
}

/**
 * The 1-based line on which each element of an array starts: the root array when `property` is
 * null, else the array under the root object's `property` (e.g. "rows"). For a minified file every
 * element is on line 1. Returns [] when the array is not found.
 */
export function arrayElementLines(text: string, property: string | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let targetDepth = -1;
  let expecting = false;
  let inString = false;
  let stringStart = 0;
  let lastKeyAtRoot = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKeyAtRoot = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === ':') continue;
    if (depth === targetDepth && expecting && ch !== ']') {
      lines.push(line);
      expecting = false;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '{' || ch === '[') {
      depth++;
      if (
        ch === '[' &&
        targetDepth < 0 &&
        (property === null ? depth === 1 : depth === 2 && lastKeyAtRoot === property)
      ) {
        targetDepth = depth;
        expecting = true;
      }
    } else if (ch === '}' || ch === ']') {
      if (depth === targetDepth) return lines;
      depth--;
    } else if (ch === ',' && depth === targetDepth) expecting = true;
  }
  return lines;
}
