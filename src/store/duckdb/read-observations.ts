// Point-in-time reads of observations: per natural key the latest version known by the as-of
// cut-off, every filter bound as a parameter; and the last stored date of a series.
import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from './duckdb-api.js';
import type { Asset } from '../../domain/assets.js';
import { asOfCutoff } from '../../domain/dates.js';
import type { DatasetName } from '../../domain/datasets.js';
import type { ObservationQuery, StoredObservation } from '../store.js';
import type { SerialConnection } from './connection.js';
import { ts } from './timestamps.js';

const DAY_MS = 86_400_000;

/** The WHERE clause of `query`, its parameters added to `params` under names starting with `prefix`. */
function observationFilter(query: ObservationQuery, params: Record<string, DuckDBValue>, prefix: string): string {
  const p = (name: string, value: DuckDBValue): string => {
    params[prefix + name] = value;
    return `$${prefix}${name}`;
  };
  const where: string[] = [`dataset = ${p('dataset', query.dataset)}`];
  if (query.asset) where.push(`asset = ${p('asset', query.asset)}`);
  if (query.fields?.length) where.push(`list_contains(${p('fields', listValue([...query.fields]))}::VARCHAR[], field)`);
  if (query.keys?.length)
    // Keys match in any case (ibit = IBIT): tickers are typed both ways, and no two keys differ by case alone.
    where.push(`list_contains(${p('keys', listValue(query.keys.map((k) => k.toLowerCase())))}::VARCHAR[], lower(key))`);
  if (query.from) where.push(`date >= ${p('from', query.from)}::DATE`);
  if (query.to) where.push(`date <= ${p('to', query.to)}::DATE`);
  if (query.asOf)
    where.push(
      `date <= ${p('asOf', query.asOf)}::DATE AND known_at < ${p('cutoff', ts(asOfCutoff(query.asOf)))}::TIMESTAMP`,
    );
  return where.join(' AND ');
}

/** Reads `query` (inside the connection's serial stream); rows ordered by date, key, field. */
export async function readObservations(db: SerialConnection, query: ObservationQuery): Promise<StoredObservation[]> {
  return (await readObservationSets(db, [query]))[0]!;
}

/**
 * Reads several queries in one pass (inside the connection's serial stream): the result's i-th list
 * holds what readObservations(queries[i]) returns, rows ordered by date, key, field (then asset). Two
 * statements in all, however many queries: an analysis reads eleven datasets, and each statement
 * costs DuckDB a scan and a plan of its own.
 */
export async function readObservationSets(
  db: SerialConnection,
  queries: readonly ObservationQuery[],
): Promise<StoredObservation[][]> {
  const out: StoredObservation[][] = queries.map(() => []);
  if (queries.length === 0) return out;
  const params: Record<string, DuckDBValue> = {};
  // The filtered rows of every query, tagged with the query's number (qi).
  const tagged = queries
    .map(
      (q, i) =>
        `SELECT ${i} AS qi, field, asset, key, date, value, known_at, source FROM observations WHERE ${observationFilter(q, params, `q${i}_`)}`,
    )
    .join(' UNION ALL ');
  // Each distinct (qi, field, asset, key, source) of the filtered rows is one series (sid), numbered
  // in this order; the rows come back with that number instead of four strings per row (decoding
  // strings out of DuckDB's vectors cost more than the query: ~0.25 s of CPU for an analysis on the
  // real data). A series without its source (nk) names a natural key but for its date, numbered in
  // the order the rows are returned in (key, field, asset), so that the grouping and the ordering
  // work on integers. Both statements run in one serial call on one unchanging snapshot, so the
  // numbers agree.
  const seriesSql = `SELECT qi, field, asset, key, source,
       (row_number() OVER (ORDER BY qi, key, field, asset, source) - 1)::INTEGER AS sid,
       (dense_rank() OVER (ORDER BY qi, key, field, asset) - 1)::INTEGER AS nk
     FROM (SELECT DISTINCT qi, field, asset, key, source FROM tagged)`;
  const series = await db.columns(
    `WITH tagged AS (${tagged}) SELECT qi, field, asset, key, source FROM (${seriesSql}) ORDER BY sid`,
    params,
  );
  // Per query and natural key (nk and date) the latest version known by the cut-off: its value and
  // series (so its source) taken together from one row (a struct), whichever row wins a tie on
  // known_at. Dates and timestamps come back as numbers (days, epoch ms) and are turned into ISO
  // text once per distinct value.
  const { columns, rowCount } = await db.numberColumns(
    `WITH tagged AS (${tagged}), series AS (${seriesSql})
     SELECT l.last.sid, l.day, l.last.value, l.known_ms FROM (
       SELECT t.qi, s.nk, (t.date - DATE '1970-01-01')::INTEGER AS day,
         arg_max({sid: s.sid, value: t.value}, t.known_at) AS last, epoch_ms(max(t.known_at))::DOUBLE AS known_ms
       FROM tagged t JOIN series s
         ON s.qi = t.qi AND s.field = t.field AND s.asset = t.asset AND s.key = t.key AND s.source = t.source
       GROUP BY t.qi, s.nk, t.date
     ) l
     ORDER BY l.qi, l.day, l.nk`,
    params,
  );
  const [sQueries, sFields, sAssets, sKeys, sSources] = series.columns;
  const seriesOf = Array.from({ length: series.rowCount }, (_, i) => {
    const qi = sQueries![i] as number;
    return {
      rows: out[qi]!,
      dataset: queries[qi]!.dataset,
      field: sFields![i] as string,
      asset: sAssets![i] as Asset,
      key: sKeys![i] as string,
      source: sSources![i] as string,
    };
  });
  const [si, da, va, kn] = columns;
  const dates = new Map<number, string>();
  const instants = new Map<number, string>();
  for (let i = 0; i < rowCount; i++) {
    const day = da![i]!;
    let date = dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      dates.set(day, date);
    }
    const ms = kn![i]!;
    let knownAt = instants.get(ms);
    if (knownAt === undefined) {
      knownAt = new Date(ms).toISOString();
      instants.set(ms, knownAt);
    }
    const { rows, dataset, field, asset, key, source } = seriesOf[si![i]!]!;
    rows.push({ dataset, field, asset, key, date, value: va![i]!, knownAt, source });
  }
  return out;
}

/** Per key, the last market date among the rows `query` reads (inside the connection's serial stream). */
export async function lastDatesByKey(db: SerialConnection, query: ObservationQuery): Promise<Map<string, string>> {
  const params: Record<string, DuckDBValue> = {};
  const rows = await db.rows(
    `SELECT key, max(date)::VARCHAR AS d FROM observations WHERE ${observationFilter(query, params, 'q_')} GROUP BY key`,
    params,
  );
  return new Map(rows.map((r) => [r['key'] as string, r['d'] as string]));
}

/** The last market date stored for a dataset (optionally one asset/key/source), or null. */
export async function lastStoredDate(
  db: SerialConnection,
  options: { dataset: DatasetName; asset?: Asset; key?: string; source?: string },
): Promise<string | null> {
  const where = ['dataset = $dataset'];
  const params: Record<string, DuckDBValue> = { dataset: options.dataset };
  for (const column of ['asset', 'key', 'source'] as const) {
    const v = options[column];
    if (v !== undefined) {
      where.push(`${column} = $${column}`);
      params[column] = v;
    }
  }
  const [row] = await db.rows(`SELECT max(date)::VARCHAR AS d FROM observations WHERE ${where.join(' AND ')}`, params);
  return (row?.['d'] as string | null) ?? null;
}
