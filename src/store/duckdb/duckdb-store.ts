// The embedded DuckDB implementation of Store: one database file, versioned observations,
// all-or-nothing ingests, point-in-time reads.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Asset } from '../../domain/assets.js';
import { asOfCutoff } from '../../domain/dates.js';
import { type DatasetName } from '../../domain/datasets.js';
import type { MarketEvent } from '../../domain/events.js';
import { emptyCounts, type UpsertCounts } from '../../domain/observation.js';
import {
  QueryError,
  type CoverageRow,
  type IngestBatch,
  type ObservationQuery,
  type RunRecord,
  type Store,
  type StoredObservation,
} from '../store.js';
import { countGaps } from '../gaps.js';
import { MIGRATIONS } from './migrations.js';
import { CHUNK_ROWS, encodePending } from './pending-rows.js';
import { sqlString, ts } from './sql-literals.js';

const NATURAL_KEY = 'dataset, field, asset, key, date';

/** Opens (creating when missing) a DuckDB store at `path`; ':memory:' for a throwaway one. */
export async function openDuckDbStore(path: string): Promise<DuckDbStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (cause) {
    throw new QueryError(`duckdb: cannot open database "${path}": ${(cause as Error).message}`, { cause });
  }
  const store = new DuckDbStore(instance, await instance.connect());
  await store.migrate();
  return store;
}

export class DuckDbStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
  ) {}

  /** Runs `work` after every earlier call finished: one connection, one statement stream. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async rows(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>,
  ): Promise<Record<string, unknown>[]> {
    const reader = await this.db.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  async migrate(): Promise<void> {
    await this.db.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)',
    );
    const applied = new Set(
      (await this.rows('SELECT version FROM schema_migrations')).map((r) => Number(r['version'])),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await this.db.run('BEGIN TRANSACTION');
      try {
        await this.db.run(m.sql);
        await this.db.run('INSERT INTO schema_migrations VALUES ($1, $2, now()::TIMESTAMP)', [m.version, m.name]);
        await this.db.run('COMMIT');
      } catch (cause) {
        await this.db.run('ROLLBACK');
        throw new QueryError(`duckdb: migration ${m.version} (${m.name}) failed: ${(cause as Error).message}`, {
          cause,
        });
      }
    }
  }

  /**
   * Stores `batches` in one transaction and returns per-batch counts in batch order. Observations of
   * all batches are staged once; each natural key is then classified against its stored versions in
   * "rounds": round r applies, for every key, the r-th batch (in batch order) that carries it, so a
   * later batch sees an earlier batch's row for the same key while keys touched by one batch only
   * (nearly all of them) are handled in a single set-based pass. Events are applied batch by batch.
   */
  ingest(batches: readonly IngestBatch[], runs: readonly Omit<RunRecord, 'counts'>[] = []): Promise<UpsertCounts[]> {
    return this.serial(async () => {
      const importedAt = ts(new Date().toISOString());
      await this.db.run('BEGIN TRANSACTION');
      try {
        const counts = batches.map(() => emptyCounts());
        await this.ingestObservations(batches, importedAt, counts);
        for (const [i, batch] of batches.entries()) await this.ingestEvents(batch, importedAt, counts[i]!);
        for (const [i, run] of runs.entries()) await this.insertRun({ ...run, counts: counts[i] ?? emptyCounts() });
        await this.db.run('COMMIT');
        return counts;
      } catch (cause) {
        await this.db.run('ROLLBACK');
        if (cause instanceof QueryError) throw cause;
        throw new QueryError(`duckdb: ingest failed, nothing was written: ${(cause as Error).message}`, { cause });
      }
    });
  }

  /**
   * Stages, classifies and inserts the observations of all batches; adds to `counts[batch]`. The rows
   * are staged dictionary-encoded (each distinct series, date and knownAt string once, then numbers
   * per row in data chunks), which keeps the per-row cost out of the native appender.
   */
  private async ingestObservations(
    batches: readonly IngestBatch[],
    importedAt: string,
    counts: UpsertCounts[],
  ): Promise<void> {
    const staged = encodePending(batches);
    if (staged.rowCount === 0) return;
    // Every row starts as unchanged (duplicates inside a batch stay so: the last one was the one
    // considered); inserted and revised rows are moved out of it round by round.
    for (const [b, batch] of batches.entries()) counts[b]!.unchanged += batch.observations.length;
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE ingest_batches (batch INTEGER, source VARCHAR, origin VARCHAR, observed_at VARCHAR)`,
    );
    await this.db.run(
      `CREATE OR REPLACE TEMP TABLE ingest_series (series INTEGER, dataset VARCHAR, field VARCHAR, asset VARCHAR, key VARCHAR)`,
    );
    await this.db.run(`CREATE OR REPLACE TEMP TABLE ingest_texts (kind INTEGER, ref INTEGER, text VARCHAR)`);
    await this.db.run(`CREATE OR REPLACE TEMP TABLE ingest_staging (
      id INTEGER, round INTEGER, batch INTEGER, series INTEGER, date_ref INTEGER, value DOUBLE, known_ref INTEGER)`);
    const batchAppender = await this.db.createAppender('ingest_batches');
    for (const [b, batch] of batches.entries()) {
      const { source, origin, observedAt } = batch.provenance;
      batchAppender.appendInteger(b);
      batchAppender.appendVarchar(source);
      batchAppender.appendVarchar(origin);
      // An empty observedAt counts as absent, as it always has.
      if (observedAt) batchAppender.appendVarchar(ts(observedAt));
      else batchAppender.appendNull();
      batchAppender.endRow();
    }
    batchAppender.closeSync();
    const seriesAppender = await this.db.createAppender('ingest_series');
    for (const [id, [dataset, field, asset, key]] of staged.series.entries()) {
      seriesAppender.appendInteger(id);
      seriesAppender.appendVarchar(dataset);
      seriesAppender.appendVarchar(field);
      seriesAppender.appendVarchar(asset);
      seriesAppender.appendVarchar(key);
      seriesAppender.endRow();
    }
    seriesAppender.closeSync();
    const textAppender = await this.db.createAppender('ingest_texts');
    for (const [kind, texts] of [staged.dates, staged.knownAts].entries()) {
      for (const [ref, text] of texts.entries()) {
        textAppender.appendInteger(kind);
        textAppender.appendInteger(ref);
        textAppender.appendVarchar(text);
        textAppender.endRow();
      }
    }
    textAppender.closeSync();
    const appender = await this.db.createAppender('ingest_staging');
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
    // Each distinct text is cast once (a bad date fails the whole ingest here).
    await this.db.run(`CREATE OR REPLACE TEMP TABLE ingest_dates AS
      SELECT ref AS date_ref, text::DATE AS date FROM ingest_texts WHERE kind = 0`);
    await this.db.run(`CREATE OR REPLACE TEMP TABLE ingest_known AS
      SELECT ref AS known_ref, text::TIMESTAMP AS known_at FROM ingest_texts WHERE kind = 1`);
    for (let r = 1; r <= staged.rounds; r++) await this.applyRound(r, importedAt, counts);
    for (const table of [
      'ingest_staging',
      'ingest_series',
      'ingest_texts',
      'ingest_dates',
      'ingest_known',
      'ingest_batches',
    ]) {
      await this.db.run(`DROP TABLE ${table}`);
    }
  }

  /**
   * Classifies the pending rows of one round against every stored version of their natural key,
   * inserts new keys and revisions, and moves their counts from unchanged to inserted/revised.
   * Stored rows are matched to the staged series by name once, then by (series, date).
   */
  private async applyRound(round: number, importedAt: string, counts: UpsertCounts[]): Promise<void> {
    await this.db.run(`CREATE OR REPLACE TEMP TABLE ingest_changed AS
      WITH p AS (
        SELECT s.id, s.batch, s.series, d.date, s.value, k.known_at
        FROM ingest_staging s JOIN ingest_dates d USING (date_ref) JOIN ingest_known k USING (known_ref)
        WHERE s.round = ${round}
      )
      , o AS (
        SELECT se.series, o.date, o.value, o.known_at
        FROM observations o JOIN ingest_series se USING (dataset, field, asset, key)
      )
      , stored AS (
        SELECT p.id, count(*) AS versions,
               bool_or(abs(o.value - p.value) <= 1e-9 * greatest(1, abs(p.value))) AS same_any,
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
        abs(s.latest_value - p.value) <= 1e-9 * greatest(1, abs(p.value))
        OR (s.same_any AND (b.observed_at IS NULL OR b.observed_at::TIMESTAMP <= s.latest_known))
      )`);
    await this.db.run(
      `INSERT INTO observations
       SELECT se.dataset, se.field, se.asset, se.key, c.date, c.value,
              CASE WHEN c.versions = 0 THEN c.known_at
                   ELSE greatest(c.known_at, coalesce(c.observed_at, '${importedAt}'::TIMESTAMP), c.latest_known + INTERVAL 1 MILLISECOND) END,
              b.source, b.origin, '${importedAt}'::TIMESTAMP
       FROM ingest_changed c JOIN ingest_series se USING (series) JOIN ingest_batches b USING (batch)`,
    );
    const tallies = await this.rows(`SELECT batch,
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
    await this.db.run('DROP TABLE ingest_changed');
  }

  /** Applies a batch's events: a changed event becomes a new version, an identical one is unchanged. */
  private async ingestEvents(batch: IngestBatch, importedAt: string, counts: UpsertCounts): Promise<void> {
    const { source, origin, observedAt } = batch.provenance;
    for (const e of batch.events ?? []) {
      const [existing] = await this.rows(
        `SELECT date::VARCHAR AS date, kind, title, source_url, instruments,
                strftime(known_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS known_at FROM events WHERE id = $1
         ORDER BY known_at DESC, imported_at DESC LIMIT 1`,
        [e.id],
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
      // A revision is known from when it was seen (snapshot or import time), after the version it replaces.
      const knownAt = existing
        ? `greatest($7::TIMESTAMP, ${observedAt ? `'${ts(observedAt)}'` : `'${importedAt}'`}::TIMESTAMP, '${ts(String(existing['known_at']))}'::TIMESTAMP + INTERVAL 1 MILLISECOND)`
        : '$7::TIMESTAMP';
      await this.db.run(
        `INSERT INTO events VALUES ($1, $2::DATE, $3, $4, $5, $6, ${knownAt}, $8, $9, '${importedAt}'::TIMESTAMP)`,
        [e.id, e.date, e.kind, e.title, e.sourceUrl, instruments, ts(e.knownAt), source, origin],
      );
      if (existing) counts.revised++;
      else counts.inserted++;
    }
  }

  read(query: ObservationQuery): Promise<StoredObservation[]> {
    return this.serial(async () => {
      const where: string[] = ['dataset = $dataset'];
      const params: Record<string, DuckDBValue> = { dataset: query.dataset };
      if (query.asset) {
        where.push('asset = $asset');
        params['asset'] = query.asset;
      }
      if (query.fields?.length) where.push(`field IN (${query.fields.map((f) => sqlString(f)).join(', ')})`);
      if (query.keys?.length) where.push(`key IN (${query.keys.map((k) => sqlString(k)).join(', ')})`);
      if (query.from) {
        where.push('date >= $from::DATE');
        params['from'] = query.from;
      }
      if (query.to) {
        where.push('date <= $to::DATE');
        params['to'] = query.to;
      }
      if (query.asOf) {
        where.push('date <= $asOf::DATE AND known_at < $cutoff::TIMESTAMP');
        params['asOf'] = query.asOf;
        params['cutoff'] = ts(asOfCutoff(query.asOf));
      }
      // Dates and timestamps come back as numbers (days, epoch ms) and are turned into ISO text once
      // per distinct value: far cheaper than formatting every row in SQL.
      const sql = `SELECT field, asset, key, (date - DATE '1970-01-01')::INTEGER AS day, value,
                          epoch_ms(known_at) AS known_ms, source
                   FROM observations WHERE ${where.join(' AND ')}
                   QUALIFY row_number() OVER (PARTITION BY ${NATURAL_KEY} ORDER BY known_at DESC) = 1
                   ORDER BY date, key, field`;
      const reader = await this.db.runAndReadAll(sql, params);
      const cols = reader.getColumnsJS();
      const out: StoredObservation[] = new Array(reader.currentRowCount);
      const [fi, as, ke, da, va, kn, so] = cols as unknown[][];
      const dates = new Map<number, string>();
      const instants = new Map<number, string>();
      for (let i = 0; i < out.length; i++) {
        const day = da![i] as number;
        let date = dates.get(day);
        if (date === undefined) {
          date = new Date(day * 86_400_000).toISOString().slice(0, 10);
          dates.set(day, date);
        }
        const ms = Number(kn![i]);
        let knownAt = instants.get(ms);
        if (knownAt === undefined) {
          knownAt = new Date(ms).toISOString();
          instants.set(ms, knownAt);
        }
        out[i] = {
          dataset: query.dataset,
          field: fi![i] as string,
          asset: as![i] as Asset,
          key: ke![i] as string,
          date,
          value: va![i] as number,
          knownAt,
          source: so![i] as string,
        };
      }
      return out;
    });
  }

  readEvents(options: { from?: string; to?: string; asOf?: string } = {}): Promise<MarketEvent[]> {
    return this.serial(async () => {
      const where: string[] = ['true'];
      const params: Record<string, DuckDBValue> = {};
      if (options.from) {
        where.push('date >= $from::DATE');
        params['from'] = options.from;
      }
      if (options.to) {
        where.push('date <= $to::DATE');
        params['to'] = options.to;
      }
      if (options.asOf) {
        where.push('known_at < $cutoff::TIMESTAMP');
        params['cutoff'] = ts(asOfCutoff(options.asOf));
      }
      const rows = await this.rows(
        `SELECT id, date::VARCHAR AS date, kind, title, source_url, instruments,
                strftime(known_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS known_at
         FROM events WHERE ${where.join(' AND ')}
         QUALIFY row_number() OVER (PARTITION BY id ORDER BY known_at DESC) = 1
         ORDER BY date, id`,
        params,
      );
      return rows.map((r) => ({
        id: String(r['id']),
        date: String(r['date']),
        kind: r['kind'] as MarketEvent['kind'],
        title: String(r['title']),
        sourceUrl: String(r['source_url']),
        instruments: JSON.parse(String(r['instruments'])) as string[],
        knownAt: String(r['known_at']),
      }));
    });
  }

  lastDate(options: { dataset: DatasetName; asset?: Asset; key?: string; source?: string }): Promise<string | null> {
    return this.serial(async () => {
      const where = ['dataset = $dataset'];
      const params: Record<string, DuckDBValue> = { dataset: options.dataset };
      for (const col of ['asset', 'key', 'source'] as const) {
        const v = options[col];
        if (v !== undefined) {
          where.push(`${col} = $${col}`);
          params[col] = v;
        }
      }
      const [row] = await this.rows(
        `SELECT max(date)::VARCHAR AS d FROM observations WHERE ${where.join(' AND ')}`,
        params,
      );
      return (row?.['d'] as string | null) ?? null;
    });
  }

  coverage(options: { asOf?: string } = {}): Promise<CoverageRow[]> {
    return this.serial(async () => {
      const known = options.asOf
        ? `WHERE date <= '${options.asOf}'::DATE AND known_at < '${ts(asOfCutoff(options.asOf))}'::TIMESTAMP`
        : '';
      const rows = await this.rows(`
        WITH v AS (SELECT dataset, field, asset, key, date, count(*) AS versions FROM observations ${known} GROUP BY ALL)
        SELECT v.dataset, v.field, v.asset, v.key, min(v.date)::VARCHAR AS first_date, max(v.date)::VARCHAR AS last_date,
               count(*) AS n, count(*) FILTER (WHERE versions > 1) AS revised,
               list(v.date::VARCHAR ORDER BY v.date) AS dates
        FROM v GROUP BY ALL ORDER BY v.dataset, v.asset, v.key, v.field`);
      const meta = await this.rows(`SELECT dataset, field, asset, key, list(DISTINCT source ORDER BY source) AS sources,
               strftime(max(imported_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS last_imported
        FROM observations ${known} GROUP BY ALL`);
      const metaByKey = new Map(meta.map((m) => [`${m['dataset']}|${m['field']}|${m['asset']}|${m['key']}`, m]));
      return rows.map((r) => {
        const m = metaByKey.get(`${r['dataset']}|${r['field']}|${r['asset']}|${r['key']}`);
        const dataset = r['dataset'] as DatasetName;
        return {
          dataset,
          field: String(r['field']),
          asset: r['asset'] as Asset,
          key: String(r['key']),
          firstDate: String(r['first_date']),
          lastDate: String(r['last_date']),
          rows: Number(r['n']),
          gaps: countGaps(dataset, r['dates'] as string[]),
          revisedRows: Number(r['revised']),
          sources: (m?.['sources'] as string[] | undefined) ?? [],
          lastImportedAt: String(m?.['last_imported'] ?? ''),
        };
      });
    });
  }

  private async insertRun(run: RunRecord): Promise<void> {
    await this.db.run(`INSERT INTO runs VALUES ($1, $2, $3, $4::TIMESTAMP, $5::TIMESTAMP, $6, $7, $8, $9, $10, $11)`, [
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

  recordRun(run: RunRecord): Promise<void> {
    return this.serial(() => this.insertRun(run));
  }

  runs(limit = 50): Promise<RunRecord[]> {
    return this.serial(async () => {
      const rows = await this.rows(
        `SELECT kind, source, origin, strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS s,
                strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS f, inserted, revised, unchanged, rejected, status, message
         FROM runs ORDER BY finished_at DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
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
    });
  }

  countRows(): Promise<number> {
    return this.serial(async () => Number((await this.rows('SELECT count(*) AS n FROM observations'))[0]?.['n'] ?? 0));
  }

  close(): Promise<void> {
    return this.serial(async () => {
      this.db.closeSync();
      this.instance.closeSync();
    });
  }
}
