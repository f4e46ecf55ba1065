// Helpers of the issue-10 regression tests: files written to a temp directory, imported into a real
// DuckDB store file, and compact views of what was stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

/** The date the regression tests run "on": every fixture date is before it. */
export const TODAY = '2026-06-30';

/** A temp directory with `files` (name → text) written into it, and a DuckDB store file beside them. */
export interface Scratch {
  readonly dir: string;
  readonly path: (name: string) => string;
  readonly write: (name: string, text: string) => string;
  readonly openStore: () => Promise<DuckDbStore>;
  readonly remove: () => void;
}

/** Creates a scratch directory (remove it in afterEach). */
export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-regress-'));
  const path = (name: string): string => join(dir, name);
  return {
    dir,
    path,
    write: (name, text) => {
      writeFileSync(path(name), text);
      return path(name);
    },
    openStore: () => openDuckDbStore(join(dir, 'store', 'tidemark.duckdb')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `dataset/field/asset/key/date=value` lines, sorted. */
export function rowsOf(observations: readonly Observation[]): string[] {
  return observations.map((o) => `${o.dataset}/${o.field}/${o.asset}/${o.key}/${o.date}=${o.value}`).sort();
}
