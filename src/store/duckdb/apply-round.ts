// One classification round of an ingest: the staged rows of round r (for each natural key, the r-th
// batch that carries it, in batch order) are compared with every stored version of their key; new
// keys and changed values are inserted as versions, and their counts move from unchanged to
// inserted/revised. Stored rows are matched to the staged series by name once, then by (series, date).
import type { UpsertCounts } from '../../domain/observation.js';
import type { SerialConnection } from './connection.js';

/** Two values are the same stored value when they differ by at most this share of the larger magnitude (min 1). */
const SAME_VALUE_TOLERANCE = 1e-9;

/** Classifies and inserts round `round`; adds to `counts[batch]` (batch = index into the staged batches). */
export async function applyRound(
  db: SerialConnection,
  round: number,
  importedAt: string,
  counts: UpsertCounts[],
): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ingest_changed AS
      WITH p AS (
        SELECT s.id, s.batch, s.series, d.date, s.value, k.known_at
        FROM ingest_staging s JOIN ingest_dates d USING (date_ref) JOIN ingest_known k USING (known_ref)
        WHERE s.round = $round
      )
      , o AS (
        SELECT se.series, o.date, o.value, o.known_at
        FROM observations o JOIN ingest_series se USING (dataset, field, asset, key)
      )
      , stored AS (
        SELECT p.id, count(*) AS versions,
               bool_or(abs(o.value - p.value) <= $tolerance * greatest(1, abs(p.value))) AS same_any,
               arg_max(o.value, o.known_at) AS latest_value,
               max(o.known_at) AS latest_known
        FROM p JOIN o USING (series, date)
        GROUP BY p.id
      )
      SELECT p.batch, p.series, p.date, p.value, p.known_at, coalesce(s.versions, 0) AS versions, s.latest_known,
             b.observed_at::TIMESTAMP AS observed_at
      FROM p LEFT JOIN stored s USING (id) JOIN ingest_batches b USING (batch)
      -- Equal to the latest version: unchanged. Equal to an older version: a re-import of an older
      -- snapshot (unchanged) unless this batch is a dated snapshot newer than the latest version,
      -- which proves the source reverted to that value (a revision).
      WHERE s.id IS NULL OR NOT (
        abs(s.latest_value - p.value) <= $tolerance * greatest(1, abs(p.value))
        OR (s.same_any AND (b.observed_at IS NULL OR b.observed_at::TIMESTAMP <= s.latest_known))
      )`,
    { round, tolerance: SAME_VALUE_TOLERANCE },
  );
  // A revision is known from when it was seen (snapshot or import time), after the version it replaces.
  await db.run(
    `INSERT INTO observations
     SELECT se.dataset, se.field, se.asset, se.key, c.date, c.value,
            CASE WHEN c.versions = 0 THEN c.known_at
                 ELSE greatest(c.known_at, coalesce(c.observed_at, $importedAt::TIMESTAMP),
                               c.latest_known + INTERVAL 1 MILLISECOND) END,
            b.source, b.origin, $importedAt::TIMESTAMP
     FROM ingest_changed c JOIN ingest_series se USING (series) JOIN ingest_batches b USING (batch)`,
    { importedAt },
  );
  const tallies = await db.rows(`SELECT batch,
      count(*) FILTER (WHERE versions = 0) AS inserted, count(*) FILTER (WHERE versions > 0) AS revised
    FROM ingest_changed GROUP BY batch`);
  for (const t of tallies) {
    const c = counts[Number(t['batch'])]!;
    const inserted = Number(t['inserted']);
    const revised = Number(t['revised']);
    c.inserted += inserted;
    c.revised += revised;
    c.unchanged -= inserted + revised;
  }
  await db.run('DROP TABLE ingest_changed');
}
