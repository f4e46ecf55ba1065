// Tests mirror src/signals: every src/signals/<path>.ts has test/signals/<path>.test.ts, and every
// test file under test/signals is named after a src file, except the two named sets that test across
// files: test/signals/real-data/ (readings on ../shared, skipped without it) and
// test/signals/simulator-scored/ (detectors scored against the simulator, *.slow.test.ts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const CROSS_FILE_SETS = ['real-data/', 'simulator-scored/'];

/** Paths of the files under `dir` ending in `suffix`, relative to `dir`, suffix removed. */
function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) out.push(relative(dir, p).slice(0, -suffix.length));
    }
  };
  walk(dir);
  return out.sort();
}

describe('test/signals mirrors src/signals', () => {
  const sources = filesUnder(join(ROOT, 'src/signals'), '.ts');
  const tests = filesUnder(join(ROOT, 'test/signals'), '.test.ts');

  it('every src/signals file has a test of its name', () => {
    const missing = sources.filter((s) => !tests.includes(s)).map((s) => `test/signals/${s}.test.ts`);
    expect(missing, `src/signals files without a test of their name`).toEqual([]);
  });

  it('every test under test/signals is named after a src file (or is in a cross-file set)', () => {
    const strays = tests
      .filter((t) => !sources.includes(t) && !CROSS_FILE_SETS.some((set) => t.startsWith(set)))
      .map((t) => `test/signals/${t}.test.ts`);
    expect(strays).toEqual([]);
  });
});
