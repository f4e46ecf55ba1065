// Point-in-time reads of observations: per natural key the latest version known by the as-of
// cut-off, every filter bound as a parameter; and the last stored date of a series.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
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
    where.push('list_contains($keys::VARCHAR[], key)');
    params['keys'] = listValue([...query.keys]);
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
  // Dates and timestamps come back as numbers (days, epoch ms) and are turned into ISO text once
  // per distinct value: far cheaper than formatting every row in SQL.
  const { columns, rowCount } = await db.columns(
    `SELECT field, asset, key, (date - DATE '1970-01-01')::INTEGER AS day, value, epoch_ms(known_at) AS known_ms, source
     FROM observations WHERE ${where.join(' AND ')}
     QUALIFY row_number() OVER (PARTITION BY ${NATURAL_KEY} ORDER BY known_at DESC) = 1
     ORDER BY date, key, field`,
    params,
  );
  const out: StoredObservation[] = new Array(rowCount);
  const [fi, as, ke, da, va, kn, so] = columns;
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
