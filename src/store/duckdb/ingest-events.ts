// Storing a batch's events: an event equal to its latest stored version is unchanged; a changed one
// becomes a new version, known from when it was seen and after the version it replaces.
import type { UpsertCounts } from '../../domain/observation.js';
import type { IngestBatch } from '../store.js';
import type { SerialConnection } from './connection.js';
import { isoTimestampSql, storableTimestamp, ts } from './timestamps.js';

/** Applies the events of `batch` (validated) inside the ingest's transaction; adds to `counts`. */
export async function ingestEvents(
  db: SerialConnection,
  batch: IngestBatch,
  importedAt: string,
  counts: UpsertCounts,
): Promise<void> {
  const { source, origin, observedAt } = batch.provenance;
  const seenAt = (observedAt ? storableTimestamp(observedAt) : null) ?? importedAt;
  for (const e of batch.events ?? []) {
    const [existing] = await db.rows(
      `SELECT date::VARCHAR AS date, kind, title, source_url, instruments, ${isoTimestampSql('known_at')} AS known_at
       FROM events WHERE id = $id
       ORDER BY known_at DESC, imported_at DESC LIMIT 1`,
      { id: e.id },
    );
    const instruments = JSON.stringify(e.instruments);
    if (
      existing &&
      existing['date'] === e.date &&
      existing['kind'] === e.kind &&
      existing['title'] === e.title &&
      existing['source_url'] === e.sourceUrl &&
      existing['instruments'] === instruments
    ) {
      counts.unchanged++;
      continue;
    }
    const knownAt = storableTimestamp(e.knownAt) ?? ts(e.knownAt);
    await db.run(
      `INSERT INTO events VALUES ($id, $date::DATE, $kind, $title, $sourceUrl, $instruments,
         CASE WHEN $previousKnownAt::TIMESTAMP IS NULL THEN $knownAt::TIMESTAMP
              ELSE greatest($knownAt::TIMESTAMP, $seenAt::TIMESTAMP, $previousKnownAt::TIMESTAMP + INTERVAL 1 MILLISECOND) END,
         $source, $origin, $importedAt::TIMESTAMP)`,
      {
        id: e.id,
        date: e.date,
        kind: e.kind,
        title: e.title,
        sourceUrl: e.sourceUrl,
        instruments,
        knownAt,
        seenAt,
        previousKnownAt: existing ? ts(String(existing['known_at'])) : null,
        source,
        origin,
        importedAt,
      },
    );
    if (existing) counts.revised++;
    else counts.inserted++;
  }
}
