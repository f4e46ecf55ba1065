// DuckDB's file lock with a real second process, as measured: a read-write open is exclusive (no
// other process may open the file at all); read-only opens share the file with each other but keep
// writers out. The store waits a bounded time for the lock, then answers StoreError 'locked'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import type { LockHolder } from '../../../src/store/duckdb/duckdb-errors.js';
import { StoreError } from '../../../src/store/store-error.js';
import { holdDatabase } from '../../helpers/other-process.js';

let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-lock-'));
  path = join(dir, 'store.duckdb');
  await (await openDuckDbStore(path)).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openFails(
  mode: 'read' | 'write',
  lockWaitMs: number,
): Promise<{ error: StoreError; ms: number; told: LockHolder[] }> {
  const told: LockHolder[] = [];
  const started = Date.now();
  try {
    const store = await openDuckDbStore(path, { mode, lockWaitMs, onLockWait: (holder) => told.push(holder) });
    await store.close();
  } catch (error) {
    if (error instanceof StoreError) return { error, ms: Date.now() - started, told };
    throw error;
  }
  throw new Error(`opening for ${mode} succeeded while the file was held`);
}

describe('store opening beside another process', () => {
  it('a writer in another process keeps readers and writers out: they wait, then get a one-line "locked"', async () => {
    const holder = await holdDatabase(path, 'write');
    try {
      for (const mode of ['read', 'write'] as const) {
        const { error, ms, told } = await openFails(mode, 400);
        expect(error.kind).toBe('locked');
        expect(ms).toBeGreaterThanOrEqual(400);
        expect(told).toEqual([{ program: expect.any(String), pid: holder.pid }]);
        expect(error.message).toMatch(
          new RegExp(
            `^store ${path} is in use by another process \\(PID ${holder.pid}\\), e\\.g\\. a running \`tidemark serve\`, import or sync; gave up after waiting \\d+(\\.\\d)? s$`,
          ),
        );
        expect(error.message).not.toMatch(/Could not set lock/);
      }
      // Without a wait the answer is immediate.
      expect((await openFails('read', 0)).ms).toBeLessThan(2000);
    } finally {
      await holder.stop();
    }
  });

  it('a reader in another process (like tidemark serve) lets readers in and keeps writers out', async () => {
    const holder = await holdDatabase(path, 'read');
    try {
      const reader = await openDuckDbStore(path, { mode: 'read' });
      expect(await reader.countRows()).toBe(0);
      await reader.close();
      const { error } = await openFails('write', 300);
      expect(error.kind).toBe('locked');
    } finally {
      await holder.stop();
    }
  });

  it('a writer waiting for the lock gets in as soon as the other process lets go', async () => {
    const holder = await holdDatabase(path, 'write');
    const release = new Promise((done) => setTimeout(done, 800)).then(() => holder.stop());
    const told: LockHolder[] = [];
    const started = Date.now();
    const store = await openDuckDbStore(path, { mode: 'write', lockWaitMs: 30_000, onLockWait: (h) => told.push(h) });
    const waited = Date.now() - started;
    await release;
    expect(told).toHaveLength(1);
    expect(waited).toBeLessThan(30_000);
    await store.ingest([
      {
        provenance: { source: 's', origin: 'o' },
        observations: [
          {
            dataset: 'etf-flows',
            field: 'netFlowUsd',
            asset: 'BTC',
            key: 'IBIT',
            date: '2026-01-05',
            value: 1,
            knownAt: '2026-01-05T23:00:00.000Z',
          },
        ],
      },
    ]);
    expect(await store.countRows()).toBe(1);
    await store.close();
  });
});
