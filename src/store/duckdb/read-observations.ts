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

const NATURAL_KEY = 'dataset, field, asset, key, date';
const DAY_MS = 86_400_000;

/** Reads `query` (inside the connection's serial stream); rows ordered by date, key, field. */
export async function readObservations(db: SerialConnection, query: ObservationQuery): Promise<StoredObservation[]> {
  const where: string[] = ['dataset = $dataset'];
  const params: Record<string, DuckDBValue> = { dataset: query.dataset };
  if (query.asset) {
    where.push('asset = $asset');
    params['asset'] = query.asset;
  }
  if (query.fields?.length) {
    where.push('list_contains($fields::VARCHAR[], field)');
    params['fields'] = listValue([...query.fields]);
  }
  if (query.keys?.length) {
    // Keys match in any case (ibit = IBIT): tickers are typed both ways, and no two keys differ by case alone.
    where.push('list_contains($keys::VARCHAR[], lower(key))');
    params['keys'] = listValue(query.keys.map((k) => k.toLowerCase()));
  }
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
  const filter = where.join(' AND ');
  // Each distinct (field, asset, key, source) of the filtered rows is one series, numbered in this
  // order; the rows come back with that number instead of four strings per row (decoding strings
  // out of DuckDB's vectors cost more than the query: ~0.25 s of CPU for an analysis on the real
  // data). Both queries run in one serial call on one unchanging snapshot, so the numbers agree.
  const seriesSql = `SELECT field, asset, key, source, (row_number() OVER (ORDER BY field, asset, key, source) - 1)::INTEGER AS sid
     FROM (SELECT DISTINCT field, asset, key, source FROM observations WHERE ${filter})`;
  const series = await db.columns(`${seriesSql} ORDER BY sid`, params);
  // Per natural key the latest version known by the cut-off: its value and source taken together
  // from one row (a struct), whichever row wins a tie on known_at. Dates and timestamps come back as
  // numbers (days, epoch ms) and are turned into ISO text once per distinct value.
  const { columns, rowCount } = await db.columns(
    `WITH latest AS (
       SELECT field, asset, key, date, arg_max({value: value, source: source}, known_at) AS last, max(known_at) AS known_at
       FROM observations WHERE ${filter} GROUP BY ${NATURAL_KEY}
     )
     SELECT s.sid, (l.date - DATE '1970-01-01')::INTEGER AS day, l.last.value, epoch_ms(l.known_at) AS known_ms
     FROM latest l JOIN (${seriesSql}) s
       ON s.field = l.field AND s.asset = l.asset AND s.key = l.key AND s.source = l.last.source
     ORDER BY l.date, l.key, l.field`,
    params,
  );
  const [sFields, sAssets, sKeys, sSources] = series.columns;
  const seriesOf = Array.from({ length: series.rowCount }, (_, i) => ({
    field: sFields![i] as string,
    asset: sAssets![i] as Asset,
    key: sKeys![i] as string,
    source: sSources![i] as string,
  }));
  const out: StoredObservation[] = new Array(rowCount);
  const [si, da, va, kn] = columns;
  const dates = new Map<number, string>();
  const instants = new Map<number, string>();
  for (let i = 0; i < rowCount; i++) {
    const day = da![i] as number;
    let date = dates.get(day);
    if (date === undefined) {
      date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      dates.set(day, date);
    }
    const ms = Number(kn![i]);
    let knownAt = instants.get(ms);
    if (knownAt === undefined) {
      knownAt = new Date(ms).toISOString();
      instants.set(ms, knownAt);
    }
    const { field, asset, key, source } = seriesOf[si![i] as number]!;
    out[i] = { dataset: query.dataset, field, asset, key, date, value: va![i] as number, knownAt, source };
  }
  return out;
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
