// Staging and storing the observations of an ingest's batches: rows are staged dictionary-encoded
// (each distinct series, date and knownAt text once, then numbers per row in data chunks, which
// keeps the per-row cost out of the native appender), classified round by round, then the staging
// tables are dropped. Runs inside the ingest's transaction.
import { DOUBLE, DuckDBDataChunk, INTEGER } from './duckdb-api.js';
import type { UpsertCounts } from '../../domain/observation.js';
import type { IngestBatch } from '../store.js';
import { applyRound } from './apply-round.js';
import type { SerialConnection } from './connection.js';
import { CHUNK_ROWS, encodePending } from './pending-rows.js';
import { storableTimestamp } from './timestamps.js';

const STAGING_TABLES = [
  'ingest_staging',
  'ingest_series',
  'ingest_texts',
  'ingest_dates',
  'ingest_known',
  'ingest_batches',
];

/**
 * Stores the observations of `batches` (already validated) and adds to `counts[i]` for batches[i].
 * Every row starts as unchanged (duplicates inside a batch stay so: the last one was the one
 * considered); inserted and revised rows move out of it round by round.
 */
export async function ingestObservations(
  db: SerialConnection,
  batches: readonly IngestBatch[],
  importedAt: string,
  counts: UpsertCounts[],
): Promise<void> {
  const staged = encodePending(batches);
  if (staged.rowCount === 0) return;
  for (const [b, batch] of batches.entries()) counts[b]!.unchanged += batch.observations.length;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ingest_batches (batch INTEGER, source VARCHAR, origin VARCHAR, observed_at VARCHAR)`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ingest_series (series INTEGER, dataset VARCHAR, field VARCHAR, asset VARCHAR, key VARCHAR)`,
  );
  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_texts (kind INTEGER, ref INTEGER, text VARCHAR)`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_staging (
    id INTEGER, round INTEGER, batch INTEGER, series INTEGER, date_ref INTEGER, value DOUBLE, known_ref INTEGER)`);
  const batchAppender = await db.appender('ingest_batches');
  for (const [b, batch] of batches.entries()) {
    const { source, origin, observedAt } = batch.provenance;
    batchAppender.appendInteger(b);
    batchAppender.appendVarchar(source);
    batchAppender.appendVarchar(origin);
    // An empty observedAt counts as absent, as it always has.
    const observed = observedAt ? storableTimestamp(observedAt) : null;
    if (observed !== null) batchAppender.appendVarchar(observed);
    else batchAppender.appendNull();
    batchAppender.endRow();
  }
  batchAppender.closeSync();
  const seriesAppender = await db.appender('ingest_series');
  for (const [id, [dataset, field, asset, key]] of staged.series.entries()) {
    seriesAppender.appendInteger(id);
    seriesAppender.appendVarchar(dataset);
    seriesAppender.appendVarchar(field);
    seriesAppender.appendVarchar(asset);
    seriesAppender.appendVarchar(key);
    seriesAppender.endRow();
  }
  seriesAppender.closeSync();
  const textAppender = await db.appender('ingest_texts');
  for (const [kind, texts] of [staged.dates, staged.knownAts].entries()) {
    for (const [ref, text] of texts.entries()) {
      textAppender.appendInteger(kind);
      textAppender.appendInteger(ref);
      textAppender.appendVarchar(text);
      textAppender.endRow();
    }
  }
  textAppender.closeSync();
  const appender = await db.appender('ingest_staging');
  const { round, batch, series, dateRef, value, knownRef } = staged.columns;
  for (let start = 0; start < staged.rowCount; start += CHUNK_ROWS) {
    const end = Math.min(start + CHUNK_ROWS, staged.rowCount);
    const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, DOUBLE, INTEGER], end - start);
    chunk.setColumnValues(
      0,
      Array.from({ length: end - start }, (_, i) => start + i),
    );
    for (const [column, values] of [round, batch, series, dateRef, value, knownRef].entries()) {
      chunk.setColumnValues(column + 1, Array.from(values.subarray(start, end)));
    }
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  // Each distinct text is cast once; the batches were validated, so the casts succeed.
  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_dates AS
    SELECT ref AS date_ref, text::DATE AS date FROM ingest_texts WHERE kind = 0`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_known AS
    SELECT ref AS known_ref, text::TIMESTAMP AS known_at FROM ingest_texts WHERE kind = 1`);
  for (let r = 1; r <= staged.rounds; r++) await applyRound(db, r, importedAt, counts);
  for (const table of STAGING_TABLES) await db.run(`DROP TABLE ${table}`);
}
