// An ingest: the batches the store accepts are written in ONE transaction (all of them or none);
// a batch holding a value the store refuses is left out whole and reported, without aborting the
// others — unless the caller asked for all-or-nothing. Observations of all accepted batches are
// staged once and classified in rounds (see apply-round.ts); events are applied batch by batch.
import { emptyCounts } from '../../domain/observation.js';
import type { IngestBatch, IngestOptions, IngestResult, RunRecord } from '../store.js';
import { StoreError } from '../store-error.js';
import type { SerialConnection } from './connection.js';
import { duckDbErrorKind } from './duckdb-errors.js';
import { ingestEvents } from './ingest-events.js';
import { ingestObservations } from './ingest-observations.js';
import { insertRun } from './runs-table.js';
import { ts } from './timestamps.js';
import { batchProblem, TextChecks } from './validate-batch.js';

/**
 * Stores `batches` and logs `runs[i]` for batches[i] with its counts (a refused batch's run is
 * logged as failed, with the reason). Returns per-batch results in batch order. Call inside the
 * connection's serial stream. Throws a StoreError, having written nothing, when the transaction
 * fails, or (with `allOrNothing`) when any batch is refused.
 */
export async function ingestBatches(
  db: SerialConnection,
  batches: readonly IngestBatch[],
  runs: readonly Omit<RunRecord, 'counts'>[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const checks = new TextChecks();
  const refused = batches.map((batch) => batchProblem(batch, checks));
  const firstRefusal = refused.find((r) => r !== null);
  if (options.allOrNothing && firstRefusal)
    throw new StoreError('invalid', `${firstRefusal.replace(/; nothing of it was stored$/, '')}; nothing was written`);
  const accepted = [...batches.keys()].filter((i) => refused[i] === null);
  const importedAt = ts(new Date().toISOString());
  const counts = batches.map(() => emptyCounts());
  try {
    await db.transaction(async () => {
      await ingestObservations(
        db,
        accepted.map((i) => batches[i]!),
        importedAt,
        accepted.map((i) => counts[i]!),
      );
      for (const i of accepted) await ingestEvents(db, batches[i]!, importedAt, counts[i]!);
      for (const [i, run] of runs.entries()) {
        const reason = refused[i];
        await insertRun(db, {
          ...run,
          counts: counts[i] ?? emptyCounts(),
          ...(reason ? { status: 'failed' as const, message: reason.slice(0, 500) } : {}),
        });
      }
    });
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    const message = (cause as Error).message.split('\n')[0] ?? '';
    throw new StoreError(duckDbErrorKind(message, 'write'), `store: ingest failed, nothing was written: ${message}`, {
      cause,
    });
  }
  return counts.map((c, i) => {
    const reason = refused[i];
    return reason ? { ...c, refused: reason } : c;
  });
}
