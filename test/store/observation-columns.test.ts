// The column reader (Store.readColumns) against an oracle computed in plain JS from the stored
// versions: per natural key and date the latest version known by the cut-off, rows by date, key,
// field, asset — on a seeded store with revisions from several sources; and its columns' shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '../../src/store/duckdb/duckdb-api.js';
import { addDays, asOfCutoff } from '../../src/domain/dates.js';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { observationRows, ObservationText } from '../../src/store/observation-columns.js';
import type { ObservationQuery, Store, StoredObservation } from '../../src/store/store.js';
import { createRandom } from '../../src/signals/stats/seeded-random.js';

const FIRST = '2026-01-01';
const DAYS = 30;

/** Three rounds of imports: every cell once, then revisions by the same and by another source. */
function rounds(): { source: string; observations: Observation[] }[] {
  const rng = createRandom(7);
  const rnd = (): number => rng.uniform();
  const cell = (dataset: 'etf-flows' | 'perp', field: string, key: string, date: string, lagDays: number) => ({
    dataset,
    field,
    asset: 'BTC' as const,
    key,
    date,
    value: Math.round((rnd() - 0.5) * 1e6),
    knownAt: `${addDays(date, lagDays)}T0${Math.floor(rnd() * 9)}:00:00.000Z`,
  });
  const first: Observation[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(FIRST, d);
    for (const key of ['IBIT', 'FBTC', 'ARKB'])
      if (rnd() < 0.8) first.push(cell('etf-flows', 'netFlowUsd', key, date, 1));
    for (const key of ['binance', 'okx'])
      for (const field of ['openInterestUsd', 'fundingRate8h']) first.push(cell('perp', field, key, date, 0));
  }
  // Revisions published 3 to 9 days later, some from another source, of a third of the cells.
  const revise = (from: Observation[], lag: number): Observation[] =>
    from
      .filter(() => rnd() < 0.33)
      .map((o) => ({ ...cell(o.dataset as 'etf-flows' | 'perp', o.field, o.key, o.date, lag), value: o.value + 1 }));
  const second = revise(first, 3);
  const third = revise(first, 9);
  return [
    { source: 'farside', observations: first },
    { source: 'farside', observations: second },
    { source: 'artemis', observations: third },
  ];
}

/** Every stored version, read from the table itself (no Tidemark read code). */
async function storedVersions(path: string): Promise<StoredObservation[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT dataset, field, asset, key, date::VARCHAR AS date, value,
       strftime(known_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS known_at, source FROM observations`,
  );
  const rows = reader.getRowObjectsJS().map((r) => ({
    dataset: r['dataset'],
    field: r['field'],
    asset: r['asset'],
    key: r['key'],
    date: r['date'],
    value: r['value'],
    knownAt: r['known_at'],
    source: r['source'],
  })) as StoredObservation[];
  connection.closeSync();
  instance.closeSync();
  return rows;
}

/** What a point-in-time read of `query` must return, computed from the versions. */
function oracle(versions: readonly StoredObservation[], query: ObservationQuery): StoredObservation[] {
  const cutoff = query.asOf === undefined ? undefined : asOfCutoff(query.asOf);
  const keys = query.keys?.map((k) => k.toLowerCase());
  const latest = new Map<string, StoredObservation>();
  for (const v of versions) {
    if (v.dataset !== query.dataset || (query.asset && v.asset !== query.asset)) continue;
    if (query.fields && !query.fields.includes(v.field)) continue;
    if (keys && !keys.includes(v.key.toLowerCase())) continue;
    if ((query.from && v.date < query.from) || (query.to && v.date > query.to)) continue;
    if (query.asOf !== undefined && (v.date > query.asOf || v.knownAt >= cutoff!)) continue;
    const id = `${v.field}|${v.asset}|${v.key}|${v.date}`;
    const held = latest.get(id);
    if (held === undefined || v.knownAt > held.knownAt) latest.set(id, v);
  }
  const order = (r: StoredObservation): string => `${r.date}|${r.key}|${r.field}|${r.asset}`;
  return [...latest.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

const QUERIES: ObservationQuery[] = [
  { dataset: 'etf-flows', asset: 'BTC' },
  { dataset: 'etf-flows', asset: 'BTC', asOf: '2026-01-12' },
  { dataset: 'etf-flows', keys: ['ibit', 'arkb'], from: '2026-01-05', asOf: '2026-01-20' },
  { dataset: 'perp', asset: 'BTC', fields: ['fundingRate8h'], asOf: '2026-01-25' },
  { dataset: 'perp', asset: 'BTC', from: '2026-01-10', to: '2026-01-15' },
  { dataset: 'perp', asset: 'BTC', asOf: '2025-12-01' },
  { dataset: 'cme', asset: 'BTC' },
];

describe('Store.readColumns', () => {
  let dir: string;
  let path: string;
  let store: Store;
  let versions: StoredObservation[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tidemark-columns-'));
    path = join(dir, 'store.duckdb');
    const writer = await openDuckDbStore(path);
    for (const round of rounds())
      await writer.ingest([
        { provenance: { source: round.source, origin: `${round.source}.csv` }, observations: round.observations },
      ]);
    await writer.close();
    versions = await storedVersions(path);
    store = await openDuckDbStore(path, { mode: 'read' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds revisions from two sources (so the oracle has versions to choose between)', () => {
    const perKey = new Map<string, Set<string>>();
    for (const v of versions) {
      const id = `${v.dataset}|${v.field}|${v.key}|${v.date}`;
      perKey.set(id, (perKey.get(id) ?? new Set()).add(v.source));
    }
    expect([...perKey.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
    expect(versions.length).toBeGreaterThan(perKey.size + 40);
  });

  it('returns, per query, the latest version per key and date known by the cut-off, in read order', async () => {
    const sets = await store.readColumns(QUERIES);
    expect(sets).toHaveLength(QUERIES.length);
    for (const [i, query] of QUERIES.entries()) {
      const rows = observationRows(sets[i]!);
      expect(rows).toEqual(oracle(versions, query));
      expect(rows).toEqual(await store.read(query));
    }
    expect(sets.map((s) => s.days.length)).toSatisfy((n: number[]) => n[0]! > 0 && n.at(-2) === 0 && n.at(-1) === 0);
  });

  it('gives dates as day numbers (ascending), times as epoch ms, and lists only series with rows', async () => {
    const [flows] = await store.readColumns([{ dataset: 'etf-flows', asset: 'BTC', asOf: '2026-01-12' }]);
    const text = new ObservationText();
    const rows = observationRows(flows!, text);
    rows.forEach((r, i) => {
      expect(text.date(flows!.days[i]!)).toBe(r.date);
      expect(flows!.knownAtMs[i]).toBe(Date.parse(r.knownAt));
      expect(flows!.series[flows!.seriesOf[i]!]).toEqual({
        field: r.field,
        asset: r.asset,
        key: r.key,
        source: r.source,
      });
    });
    for (let i = 1; i < flows!.days.length; i++) expect(flows!.days[i]).toBeGreaterThanOrEqual(flows!.days[i - 1]!);
    const used = new Set(flows!.seriesOf);
    expect(flows!.series.map((_, s) => used.has(s))).not.toContain(false);
    // The revisions by artemis are known only after 2026-01-12 for the early dates: none is read.
    expect(new Set(flows!.series.map((s) => s.source))).toEqual(new Set(['farside']));
  });

  it('reads a stored -0 as 0, as the row reads always did', async () => {
    const memory = await openDuckDbStore(':memory:');
    await memory.ingest([
      {
        provenance: { source: 'sim', origin: 'x' },
        observations: [
          {
            dataset: 'etf-flows',
            field: 'netFlowUsd',
            asset: 'BTC',
            key: 'IBIT',
            date: FIRST,
            value: -0,
            knownAt: `${FIRST}T23:00:00.000Z`,
          },
        ],
      },
    ]);
    const [set] = await memory.readColumns([{ dataset: 'etf-flows' }]);
    expect(Object.is(set!.values[0], 0)).toBe(true);
    expect(await memory.readColumns([])).toEqual([]);
    await memory.close();
  });
});

describe('ObservationText', () => {
  it('writes days and instants as toISOString does, before 1970 and to the millisecond too', () => {
    const text = new ObservationText();
    const rng = createRandom(5);
    for (let i = 0; i < 2_000; i++) {
      const ms = Math.round((rng.uniform() - 0.3) * 4e12);
      expect(text.instant(ms)).toBe(new Date(ms).toISOString());
      const day = Math.floor(ms / 86_400_000);
      expect(text.date(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(text.instant(Date.parse('2026-01-06T02:00:00.000Z'))).toBe('2026-01-06T02:00:00.000Z');
    expect(text.date(0)).toBe('1970-01-01');
  });
});
