// The runs log: one row per import, sync or simulate run, read back by `tidemark status`.
import type { RunRecord } from '../store.js';
import type { SerialConnection } from './connection.js';
import { isoTimestampSql, ts } from './timestamps.js';

/** Appends `run` to the log (inside the connection's serial stream). */
export async function insertRun(db: SerialConnection, run: RunRecord): Promise<void> {
  await db.run(`INSERT INTO runs VALUES ($1, $2, $3, $4::TIMESTAMP, $5::TIMESTAMP, $6, $7, $8, $9, $10, $11)`, [
    run.kind,
    run.source,
    run.origin,
    ts(run.startedAt),
    ts(run.finishedAt),
    run.counts.inserted,
    run.counts.revised,
    run.counts.unchanged,
    run.rejected,
    run.status,
    run.message,
  ]);
}

/** The latest `limit` runs (at least 1), newest first. */
export async function readRuns(db: SerialConnection, limit: number): Promise<RunRecord[]> {
  const rows = await db.rows(
    `SELECT kind, source, origin, ${isoTimestampSql('started_at')} AS s, ${isoTimestampSql('finished_at')} AS f,
            inserted, revised, unchanged, rejected, status, message
     FROM runs ORDER BY finished_at DESC LIMIT $limit`,
    { limit: Math.max(1, Math.floor(limit)) },
  );
  return rows.map((r) => ({
    kind: r['kind'] as RunRecord['kind'],
    source: String(r['source']),
    origin: String(r['origin']),
    startedAt: String(r['s']),
    finishedAt: String(r['f']),
    counts: { inserted: Number(r['inserted']), revised: Number(r['revised']), unchanged: Number(r['unchanged']) },
    rejected: Number(r['rejected']),
    status: r['status'] as RunRecord['status'],
    message: String(r['message']),
  }));
}
