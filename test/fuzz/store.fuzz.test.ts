// Fuzz suite, store level: one real DuckDB store file in a temp directory holds a clean import of every
// fixture; then, per layout, mutated versions of its fixture are imported, each run alongside a
// companion file of its own (a generic long CSV with keys nothing else uses). Every run must finish
// (no throw), name file:line in every reject, leave the companion's rows untouched, change stored
// values only where the mutated file carries them, count what it wrote (and, in the long run, be
// idempotent); at the end every row stored before the mutated imports is still there, all versions,
// byte for byte, read from the database file itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetName } from '../../src/domain/datasets.js';
import { importFiles } from '../../src/sources/import-files.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { FUZZ_TODAY, hashOf, loadFixtures, mutateFixture, type FuzzFixture } from './fuzz-fixtures.js';
import { seededRng } from './rng.js';

const STORE_CASES_DEFAULT = 1;
const STORE_CASES_LONG = 20;
const LONG = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz';
const CASES = Number(process.env['FUZZ_STORE_CASES'] ?? (LONG ? STORE_CASES_LONG : STORE_CASES_DEFAULT));
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_610);

const fixtures = loadFixtures().filter((fx) => fx.original !== null);
/** One fixture per layout: the one with the most observations (then events). */
const subjects = [...new Set(fixtures.map((fx) => fx.layout.id))].map(
  (id) =>
    fixtures
      .filter((fx) => fx.layout.id === id)
      .sort(
        (a, b) =>
          b.original!.observations.length +
          (b.original!.events?.length ?? 0) -
          (a.original!.observations.length + (a.original!.events?.length ?? 0)),
      )[0]!,
);

const root = mkdtempSync(join(tmpdir(), 'tidemark-fuzz-store-'));
const file = join(root, 'store', 'tidemark.duckdb');
let store: DuckDbStore;
let before: Set<string>;
afterAll(async () => {
  await store?.close();
  rmSync(root, { recursive: true, force: true });
});

/** A companion file of `id`'s own: 3 equity-ETF flow rows under a key no fixture uses. */
function companion(id: string): { path: string; rows: number } {
  const path = join(root, 'companions', `companion-${id}.csv`);
  const text = [
    'date,series,key,value',
    ...[1, 2, 3].map((d) => `2025-03-0${d},equity-etf-flows.netFlowUsd,companion-${id},${d}e9`),
  ];
  writeFileSync(path, `${text.join('\n')}\n`);
  return { path, rows: 3 };
}

type Snapshot = Map<string, { value: number; knownAt: string }>;

async function snapshot(datasets: readonly DatasetName[]): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const dataset of datasets)
    for (const o of await store.read({ dataset }))
      out.set(`${o.dataset}|${o.field}|${o.asset}|${o.key}|${o.date}`, { value: o.value, knownAt: o.knownAt });
  return out;
}

/** Every stored row, every version, every column, as text: read from the database file itself. */
async function dump(): Promise<Set<string>> {
  const instance = await DuckDBInstance.create(file);
  const db = await instance.connect();
  try {
    const reader = await db.runAndReadAll(
      `SELECT dataset, field, asset, key, date::VARCHAR AS d, value, known_at::VARCHAR AS k, source, origin,
              imported_at::VARCHAR AS i FROM observations`,
    );
    return new Set(reader.getRowObjectsJS().map((r) => JSON.stringify(r)));
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe(`store fuzz (${CASES} mutated import(s) per layout, seed ${SEED})`, () => {
  beforeAll(async () => {
    for (const sub of ['clean', 'companions']) mkdirSync(join(root, sub), { recursive: true });
    const clean = subjects.map((fx) => {
      const dir = join(root, 'clean', fx.layout.id);
      mkdirSync(dir);
      writeFileSync(join(dir, fx.name), fx.text);
      return join(dir, fx.name);
    });
    store = await openDuckDbStore(file);
    await importFiles(store, [...clean, ...subjects.map((fx) => companion(fx.layout.id).path)], { today: FUZZ_TODAY });
    await store.close();
    before = await dump();
    store = await openDuckDbStore(file);
  }, 120_000);

  it.each(subjects.map((fx) => [fx.layout.id, fx] as const))('%s', async (id, fx: FuzzFixture) => {
    const mate = companion(id);
    const datasets = [...new Set<DatasetName>(fx.original!.observations.map((o) => o.dataset))];
    const rng = seededRng((SEED ^ hashOf(`store:${fx.rel}`)) >>> 0);
    const problems: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const m = mutateFixture(fx, rng);
      const dir = join(root, id, `case-${i}`);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, fx.name);
      writeFileSync(path, m.text);
      const tag = `case ${i} [${m.kind}]`;
      const was = await snapshot(datasets);
      const rowsBefore = await store.countRows();
      let carried = new Map<string, number>();
      let hasEvents = false;
      try {
        const parsed = fx.layout.parse({ path, text: m.text, today: FUZZ_TODAY });
        carried = new Map(
          parsed.observations.map((o) => [`${o.dataset}|${o.field}|${o.asset}|${o.key}|${o.date}`, o.value]),
        );
        hasEvents = (parsed.events?.length ?? 0) > 0;
      } catch {
        // A file-level failure: the run must still finish and store nothing of it.
      }
      const [mine, other] = await importFiles(store, [path, mate.path], { today: FUZZ_TODAY });
      if (other!.counts.inserted + other!.counts.revised !== 0 || other!.counts.unchanged !== mate.rows)
        problems.push(`${tag}: the companion file was touched: ${JSON.stringify(other!.counts)}`);
      for (const r of mine!.rejects)
        if (!new RegExp(`^${escape(path)}:[1-9]\\d*[ :]`).test(r))
          problems.push(`${tag}: reject without file:line: ${r}`);
      const written = mine!.counts.inserted + mine!.counts.revised;
      const stored = (await store.countRows()) - rowsBefore;
      if (hasEvents ? stored > written : stored !== written)
        problems.push(`${tag}: ${written} rows reported written, ${stored} stored`);
      const now = await snapshot(datasets);
      for (const [key, old] of was) {
        const cur = now.get(key);
        if (!cur) problems.push(`${tag}: ${key} disappeared`);
        else if ((cur.value !== old.value || cur.knownAt !== old.knownAt) && carried.get(key) !== cur.value)
          problems.push(`${tag}: ${key} changed ${old.value} → ${cur.value} though the file does not carry it`);
      }
      for (const [key, cur] of now)
        if (!Number.isFinite(cur.value)) problems.push(`${tag}: ${key} stored ${cur.value}`);
      if (LONG) {
        const [again] = await importFiles(store, [path], { today: FUZZ_TODAY });
        if (again!.counts.inserted + again!.counts.revised !== 0)
          problems.push(`${tag}: a second import wrote again: ${JSON.stringify(again!.counts)}`);
      }
    }
    expect(problems, `${fx.rel} (FUZZ_SEED=${SEED})`).toEqual([]);
  });

  it('kept every row stored before the mutated imports, all versions, byte for byte', async () => {
    await store.close();
    const after = await dump();
    store = await openDuckDbStore(file);
    expect([...before].filter((row) => !after.has(row))).toEqual([]);
    expect(after.size).toBeGreaterThanOrEqual(before.size);
  });
});
