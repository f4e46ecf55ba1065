// The store `tidemark serve` reads through: it holds the file only while calls run, so a writer in
// another process gets the lock in the quiet spells; its revision moves when that writer changed data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { IdleReleasingStore } from '../../src/store/idle-releasing-store.js';
import { holdDatabase } from '../helpers/other-process.js';

let dir: string;
let path: string;
const flow = (date: string, value: number): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key: 'IBIT',
  date,
  value,
  knownAt: `${date}T23:00:00.000Z`,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-idle-'));
  path = join(dir, 'store.duckdb');
  const store = await openDuckDbStore(path);
  await store.ingest([{ provenance: { source: 's', origin: 'a' }, observations: [flow('2026-01-05', 1)] }]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('IdleReleasingStore', () => {
  it('opens on first use, shares one open store per burst, releases it when quiet and reopens on demand', async () => {
    const store = new IdleReleasingStore({
      open: () => openDuckDbStore(path, { mode: 'read' }),
      releaseAfterMs: 100,
    });
    expect(store.isOpen).toBe(false);
    const [rows, count, revision] = await Promise.all([
      store.read({ dataset: 'etf-flows' }),
      store.countRows(),
      store.revision(),
    ]);
    expect(rows).toHaveLength(1);
    expect(count).toBe(1);
    expect(revision).toBe(1);
    expect(store.opens).toBe(1);
    expect(store.isOpen).toBe(true);
    await wait(300);
    expect(store.isOpen).toBe(false);
    expect(await store.countRows()).toBe(1);
    expect(store.opens).toBe(2);
    await store.close();
    await expect(store.countRows()).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('lets a writer in another process take the file between bursts, and sees what it wrote', async () => {
    const store = new IdleReleasingStore({
      open: () => openDuckDbStore(path, { mode: 'read', lockWaitMs: 300 }),
      releaseAfterMs: 100,
    });
    const before = await store.revision();
    await wait(300);
    // A writer can now hold the file exclusively; meanwhile reads wait, then fail as 'locked'.
    const holder = await holdDatabase(path, 'write');
    try {
      await expect(store.countRows()).rejects.toMatchObject({ kind: 'locked' });
    } finally {
      await holder.stop();
    }
    // Another writer adds a row while the reader is released; the reader's revision moves.
    const writer = await openDuckDbStore(path, { lockWaitMs: 5000 });
    await writer.ingest([{ provenance: { source: 's', origin: 'b' }, observations: [flow('2026-01-06', 2)] }]);
    await writer.close();
    expect(await store.revision()).toBe(before + 1);
    expect(await store.countRows()).toBe(2);
    await store.close();
  });
});
