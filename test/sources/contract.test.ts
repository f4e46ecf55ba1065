// The contract every file layout keeps, run against every fixture under test/fixtures that some
// layout detects: exactly one layout claims it; parsing is deterministic; every observation is
// valid; importing it twice into a fresh store changes nothing the second time.
// Fixtures whose parse throws (deliberately broken files: a bot challenge page, a changed layout)
// are not part of the contract; they are listed, and each layout must still have one good fixture.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketEventSchema } from '../../src/domain/events.js';
import { observationSchema } from '../../src/domain/observation.js';
import { CACHE_LAYOUTS } from '../../src/sources/layouts-caches.js';
import { detectLayout, importFiles } from '../../src/sources/import-files.js';
import type { FileLayout, ParsedFile } from '../../src/sources/layout.js';
import { FILE_LAYOUTS } from '../../src/sources/layouts.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

const FIXTURES = resolve('test/fixtures');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

interface Case {
  readonly file: string;
  readonly layout: FileLayout;
  readonly parsed: ParsedFile;
}

const cases: Case[] = [];
const broken: string[] = [];
for (const file of walk(FIXTURES)) {
  const layout = detectLayout(file);
  if (typeof layout === 'string') continue;
  try {
    cases.push({ file, layout, parsed: layout.parse({ path: file, text: readFileSync(file, 'utf8') }) });
  } catch (cause) {
    broken.push(`${relative(FIXTURES, file)} (${layout.id}): ${(cause as Error).message.split('\n')[0]}`);
  }
}
const name = (c: Case): string => `${c.layout.id} ← ${relative(FIXTURES, c.file)}`;

describe('file layout contract', () => {
  it('finds a good fixture for every file layout', () => {
    const covered = new Set(cases.map((c) => c.layout.id));
    expect(CACHE_LAYOUTS.map((l) => l.id).filter((id) => !covered.has(id))).toEqual([]);
    if (broken.length > 0)
      console.info(`fixtures outside the contract (parse throws by design):\n  ${broken.join('\n  ')}`);
    expect(FILE_LAYOUTS.map((l) => l.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('layout ids are unique', () => {
    const ids = FILE_LAYOUTS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(cases.map((c) => [name(c), c] as const))('%s', (_label, c) => {
    it('is detected by exactly that layout', () => {
      const head = readFileSync(c.file, 'utf8').slice(0, 4096);
      const probe = { path: c.file, name: c.file.split('/').at(-1)!, head };
      expect(FILE_LAYOUTS.filter((l) => l.detect(probe)).map((l) => l.id)).toEqual([c.layout.id]);
    });

    it('parses to the same observations and events twice', () => {
      const again = c.layout.parse({ path: c.file, text: readFileSync(c.file, 'utf8') });
      expect(again.observations).toEqual(c.parsed.observations);
      expect(again.events ?? []).toEqual(c.parsed.events ?? []);
      expect(again.rejects).toEqual(c.parsed.rejects);
      expect(again.source).toBe(c.parsed.source);
      expect(again.observedAt).toBe(c.parsed.observedAt);
    });

    it('yields something, and every observation and event passes its schema', () => {
      expect(c.parsed.observations.length + (c.parsed.events?.length ?? 0)).toBeGreaterThan(0);
      for (const o of c.parsed.observations) {
        const check = observationSchema.safeParse(o);
        expect(check.success, `${JSON.stringify(o)}: ${check.error?.issues.map((i) => i.message).join('; ')}`).toBe(
          true,
        );
      }
      for (const e of c.parsed.events ?? [])
        expect(marketEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    });

    it('imports into a fresh store; a second import changes nothing', async () => {
      const store = await openDuckDbStore(':memory:');
      try {
        const [first] = await importFiles(store, [c.file]);
        expect(first?.layout).toBe(c.layout.id);
        expect(first!.counts.inserted + first!.counts.revised).toBeGreaterThan(0);
        const rows = await store.countRows();
        const [second] = await importFiles(store, [c.file]);
        expect(second?.counts.inserted).toBe(0);
        expect(second?.counts.revised).toBe(0);
        expect(second?.counts.unchanged).toBe(first!.counts.inserted + first!.counts.revised + first!.counts.unchanged);
        expect(await store.countRows()).toBe(rows);
      } finally {
        await store.close();
      }
    });
  });
});
