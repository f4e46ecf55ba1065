// Test helpers: read a vendor-csv fixture, parse it with a layout, and look up stored observations.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Observation } from '../../src/domain/observation.js';
import type { FileLayout, ParsedFile } from '../../src/sources/layout.js';

export const FIXTURES = resolve(process.cwd(), 'test/fixtures/vendor-csv');

/** The path of a fixture under test/fixtures/vendor-csv. */
export function fixturePath(relative: string): string {
  return resolve(FIXTURES, relative);
}

/** Parses a fixture with `layout`. */
export function parseFixture(layout: FileLayout, relative: string): ParsedFile {
  const path = fixturePath(relative);
  return layout.parse({ path, text: readFileSync(path, 'utf8') });
}

/** `dataset/field/asset/key/date=value` lines, sorted: compact exact comparison of stored rows. */
export function rows(observations: readonly Observation[]): string[] {
  return observations.map((o) => `${o.dataset}/${o.field}/${o.asset}/${o.key}/${o.date}=${o.value}`).sort();
}

/** Rejects as `line field` strings (field "-" when none). */
export function rejectSites(parsed: ParsedFile): string[] {
  return parsed.rejects.map((r) => `${r.line} ${r.field ?? '-'}`);
}
