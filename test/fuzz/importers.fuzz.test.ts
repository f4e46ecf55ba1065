// Fuzz suite, parse level: every fixture layout under test/fixtures, mutated many ways (see
// mutate-text.ts, mutate-json.ts), must never crash, must name a real line in every reject, must
// only give observations that pass the boundary check, and must still import the good rows.
// Seeded: a failure prints the seed and case that reproduce it. Default run: FUZZ_CASES_DEFAULT
// cases per layout; `npm run fuzz` (vitest --mode fuzz): FUZZ_CASES_LONG. FUZZ_CASES / FUZZ_SEED
// override both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase, hashOf, loadFixtures, mutateFixture } from './fuzz-fixtures.js';
import { seededRng } from './rng.js';

const FUZZ_CASES_DEFAULT = 200;
const FUZZ_CASES_LONG = 3000;
const LONG = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz';
const CASES_PER_LAYOUT = Number(process.env['FUZZ_CASES'] ?? (LONG ? FUZZ_CASES_LONG : FUZZ_CASES_DEFAULT));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_610);

const fixtures = loadFixtures();
const perLayout = new Map<string, number>();
for (const fx of fixtures) perLayout.set(fx.layout.id, (perLayout.get(fx.layout.id) ?? 0) + 1);
const dir = mkdtempSync(join(tmpdir(), 'tidemark-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tally = { cases: 0, ms: 0 };

describe(`importer fuzz (${CASES_PER_LAYOUT} cases per layout, seed ${SEED})`, () => {
  it('covers every layout that has a fixture', () => {
    expect(perLayout.size).toBeGreaterThanOrEqual(17);
  });

  it.each(fixtures.map((fx) => [fx.rel, fx] as const))('%s', (_, fx) => {
    const cases = Math.ceil(CASES_PER_LAYOUT / perLayout.get(fx.layout.id)!);
    const seed = (SEED ^ hashOf(fx.rel)) >>> 0;
    const rng = seededRng(seed);
    const failures: string[] = [];
    const started = performance.now();
    for (let i = 0; i < cases && failures.length < 5; i++) {
      const m = mutateFixture(fx, rng);
      for (const p of checkCase(fx, m, dir, i % 8 === 0)) failures.push(`case ${i} [${m.kind}]: ${p}`);
    }
    const ms = performance.now() - started;
    tally.cases += cases;
    tally.ms += ms;
    if (process.env['FUZZ_VERBOSE']) console.info(`${fx.rel}: ${cases} cases, ${ms.toFixed(0)} ms`);
    expect(failures, `${fx.rel} (seed ${seed}; FUZZ_SEED=${SEED})`).toEqual([]);
  });

  it('reports its size', () => {
    console.info(
      `importer fuzz: ${tally.cases} cases over ${fixtures.length} fixtures in ${(tally.ms / 1000).toFixed(1)} s`,
    );
    expect(tally.cases).toBeGreaterThan(0);
  });
});
