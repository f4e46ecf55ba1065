// The alert outbox in DuckDB: an analysis and its alerts stored together, an alert key stored once,
// a delivery claimed by one owner at a time (a live owner's claim is left alone, a dead owner's is
// taken over), and a store from before migration 2 still readable by reading commands.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxAlert } from '../../../src/store/alert-outbox.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-outbox-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANALYSIS = {
  asset: 'BTC',
  asOf: '2026-02-06',
  analysedAt: '2026-02-07T02:30:00.000Z',
  phase: 'bottoming',
  confidence: 0.7,
  snapshot: '{}',
  notePath: null,
};

function alert(rule: string, status: 'queued' | 'suppressed' = 'queued'): OutboxAlert {
  return {
    key: `${rule}|BTC|2026-02-06`,
    rule,
    asset: 'BTC',
    asOf: '2026-02-06',
    createdAt: '2026-02-07T02:30:00.000Z',
    status,
    reason: status === 'suppressed' ? 'cooldown' : null,
    payload: JSON.stringify({ rule }),
    deliveries: [
      { sink: 'a', notBefore: '2026-02-07T02:30:00.000Z' },
      { sink: 'b', notBefore: '2026-02-07T07:00:00.000Z' },
    ],
  };
}

describe('DuckDB alert outbox', () => {
  it('stores each key once; suppressed alerts get no deliveries; claims respect live and dead owners', async () => {
    const store = await openDuckDbStore(':memory:');
    const outbox = store.alertOutbox();
    expect(await outbox.recordAnalysis(ANALYSIS, [alert('phase-flip'), alert('waves', 'suppressed')])).toEqual({
      added: ['phase-flip|BTC|2026-02-06', 'waves|BTC|2026-02-06'],
    });
    expect(await outbox.recordAnalysis(ANALYSIS, [alert('phase-flip')])).toEqual({ added: [] });
    expect(await outbox.recentAnalyses('BTC', '2026-02-07', 10)).toHaveLength(1);
    expect(await outbox.lastQueued('phase-flip', 'BTC', '2026-02-07')).toBe('2026-02-06');
    expect(await outbox.lastQueued('waves', 'BTC', '2026-02-07')).toBeNull();
    expect(await outbox.deliveryCounts()).toEqual({ pending: 2, sending: 0, delivered: 0, failed: 0 });

    const request = {
      sink: 'a',
      now: '2026-02-07T03:00:00.000Z',
      staleBefore: '2026-02-07T02:00:00.000Z',
      deadOwners: [],
    };
    const claim = await outbox.claimNext({ ...request, owner: 'host/1/1' });
    expect(claim).toMatchObject({ key: 'phase-flip|BTC|2026-02-06', status: 'sending', attempts: 1 });
    // Sink b is in quiet hours until 07:00: not due.
    expect(await outbox.claimNext({ ...request, sink: 'b', owner: 'host/1/1' })).toBeNull();
    // Another process sees the live claim and leaves it; once its owner is known dead it takes over.
    expect(await outbox.claimNext({ ...request, owner: 'host/2/2' })).toBeNull();
    const takeover = await outbox.claimNext({ ...request, owner: 'host/2/2', deadOwners: ['host/1/1'] });
    expect(takeover).toMatchObject({ attempts: 2, claimedBy: 'host/2/2' });
    // The first owner's late record is refused: the claim is no longer its own.
    expect(await outbox.markDelivered(claim!.key, 'a', 'host/1/1', '2026-02-07T03:00:01.000Z')).toBe(false);
    expect(await outbox.markDelivered(claim!.key, 'a', 'host/2/2', '2026-02-07T03:00:02.000Z')).toBe(true);
    expect(await outbox.nextDue(['a', 'b'])).toBe('2026-02-07T07:00:00.000Z');
    const [listed] = await outbox.list({ asset: 'BTC' });
    expect(listed!.deliveries.map((d) => [d.sink, d.status, d.attempts])).toEqual([
      ['a', 'delivered', 2],
      ['b', 'pending', 0],
    ]);
    await store.close();
  });

  it('a store from before the outbox (schema 1) opens read-only with an empty outbox; a writer adds the tables', async () => {
    const path = join(dir, 'v1.duckdb');
    await (await openDuckDbStore(path)).close();
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      'DROP TABLE alert_deliveries; DROP TABLE alerts; DROP TABLE analyses; DELETE FROM schema_migrations WHERE version = 2',
    );
    connection.closeSync();
    instance.closeSync();

    const reader = await openDuckDbStore(path, { mode: 'read' });
    expect(await reader.alertOutbox().list()).toEqual([]);
    expect(await reader.alertOutbox().recentAnalyses('BTC', '2026-02-07', 5)).toEqual([]);
    await expect(reader.alertOutbox().recordAnalysis(ANALYSIS, [])).rejects.toThrow(/open read-only/);
    await reader.close();

    const writer = await openDuckDbStore(path);
    expect((await writer.alertOutbox().recordAnalysis(ANALYSIS, [alert('phase-flip')])).added).toHaveLength(1);
    await writer.close();
  });
});
