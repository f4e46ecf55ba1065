// Point-in-time reads of observations: per natural key the latest version known by the as-of
// cut-off, every filter bound as a parameter; and the last stored date of a series.
import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from './duckdb-api.js';
import type { Asset } from '../../domain/assets.js';
import { asOfCutoff } from '../../domain/dates.js';
import type { DatasetName } from '../../domain/datasets.js';
import type { ObservationQuery, StoredObservation } from '../store.js';
import { observationRows, ObservationText, type ObservationColumns } from '../observation-columns.js';
import type { SerialConnection } from './connection.js';
import { ts } from './timestamps.js';

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
 * holds what readObservations(queries[i]) returns, rows ordered by date, key, field (then asset).
 */
export async function readObservationSets(
  db: SerialConnection,
  queries: readonly ObservationQuery[],
): Promise<StoredObservation[][]> {
  const text = new ObservationText();
  return (await readObservationColumnSets(db, queries)).map((columns) => observationRows(columns, text));
}

/**
 * Reads several queries in one pass (inside the connection's serial stream), each as columns: the
 * result's i-th set holds the rows readObservations(queries[i]) returns, in the same order. Two
 * statements in all, however many queries: an analysis reads eleven datasets, and each statement
 * costs DuckDB a scan and a plan of its own.
 */
export async function readObservationColumnSets(
  db: SerialConnection,
  queries: readonly ObservationQuery[],
): Promise<ObservationColumns[]> {
  if (queries.length === 0) return [];
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
  // the order the rows are returned in (key, field, asset), so that the ordering works on integers.
  const series = await db.columns(
    `SELECT qi, field, asset, key, source, (dense_rank() OVER (ORDER BY qi, key, field, asset) - 1)::INTEGER AS nk
     FROM (SELECT DISTINCT qi, field, asset, key, source FROM (${tagged}))
     ORDER BY qi, key, field, asset, source`,
    params,
  );
  const [sQueries, sFields, sAssets, sKeys, sSources, sNaturalKeys] = series.columns;
  const seriesCount = series.rowCount;
  if (seriesCount === 0)
    return queries.map((q) => ({
      dataset: q.dataset,
      series: [],
      seriesOf: new Int32Array(0),
      days: new Int32Array(0),
      values: new Float64Array(0),
      knownAtMs: new Float64Array(0),
    }));
  // Every version of every filtered row, with its series number (the series passed back as lists:
  // both statements run in one serial call on one unchanging snapshot, so they find the same
  // series), ordered so that the versions of one natural key and date are next to each other.
  // Dates and timestamps come back as numbers (days, epoch ms).
  params['s_qi'] = listValue(sQueries!);
  params['s_field'] = listValue(sFields!);
  params['s_asset'] = listValue(sAssets!);
  params['s_key'] = listValue(sKeys!);
  params['s_source'] = listValue(sSources!);
  params['s_nk'] = listValue(sNaturalKeys!);
  const { columns, rowCount } = await db.numberColumns(
    `SELECT s.sid, (t.date - DATE '1970-01-01')::INTEGER AS day, t.value, epoch_ms(t.known_at)::DOUBLE AS known_ms
     FROM (${tagged}) t JOIN (
       SELECT unnest($s_qi::INTEGER[]) AS qi, unnest($s_field::VARCHAR[]) AS field, unnest($s_asset::VARCHAR[]) AS asset,
         unnest($s_key::VARCHAR[]) AS key, unnest($s_source::VARCHAR[]) AS source, unnest($s_nk::INTEGER[]) AS nk,
         unnest(range(${seriesCount}))::INTEGER AS sid
     ) s ON s.qi = t.qi AND s.field = t.field AND s.asset = t.asset AND s.key = t.key AND s.source = t.source
     ORDER BY t.qi, day, s.nk`,
    params,
  );
  const [sidColumn, dayColumn, valueColumn, knownColumn] = columns;
  // Per natural key and date, the latest version known by the cut-off: of the adjacent versions of
  // one key and date, the row with the latest known_at (the first of them on a tie), its value and
  // series (so its source) taken together.
  const kept = new Uint8Array(rowCount);
  for (let i = 0; i < rowCount;) {
    const day = dayColumn![i]!;
    const nk = sNaturalKeys![sidColumn![i]!] as number;
    let best = i;
    let j = i + 1;
    for (; j < rowCount && dayColumn![j] === day && (sNaturalKeys![sidColumn![j]!] as number) === nk; j++)
      if (knownColumn![j]! > knownColumn![best]!) best = j;
    kept[best] = 1;
    i = j;
  }
  // Each query's rows, and its series that kept a row numbered from 0 in series order.
  const counts = new Int32Array(queries.length);
  const hasRows = new Uint8Array(seriesCount);
  for (let i = 0; i < rowCount; i++)
    if (kept[i]) {
      const sid = sidColumn![i]!;
      hasRows[sid] = 1;
      counts[sQueries![sid] as number]! += 1;
    }
  const localOf = new Int32Array(seriesCount);
  const usedSids = queries.map((): number[] => []);
  for (let sid = 0; sid < seriesCount; sid++) {
    if (!hasRows[sid]) continue;
    const qi = sQueries![sid] as number;
    localOf[sid] = usedSids[qi]!.length;
    usedSids[qi]!.push(sid);
  }
  const sets = queries.map((q, qi) => ({
    dataset: q.dataset,
    seriesOf: new Int32Array(counts[qi]!),
    days: new Int32Array(counts[qi]!),
    values: new Float64Array(counts[qi]!),
    knownAtMs: new Float64Array(counts[qi]!),
    next: 0,
  }));
  for (let i = 0; i < rowCount; i++) {
    if (!kept[i]) continue;
    const sid = sidColumn![i]!;
    const set = sets[sQueries![sid] as number]!;
    const at = set.next++;
    set.seriesOf[at] = localOf[sid]!;
    set.days[at] = dayColumn![i]!;
    // + 0 reads a stored -0 as 0, as the reads did before (DuckDB's aggregate returned it so).
    set.values[at] = valueColumn![i]! + 0;
    set.knownAtMs[at] = knownColumn![i]!;
  }
  return sets.map((set, qi) => ({
    dataset: set.dataset,
    series: usedSids[qi]!.map((sid) => ({
      field: sFields![sid] as string,
      asset: sAssets![sid] as Asset,
      key: sKeys![sid] as string,
      source: sSources![sid] as string,
    })),
    seriesOf: set.seriesOf,
    days: set.days,
    values: set.values,
    knownAtMs: set.knownAtMs,
  }));
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
