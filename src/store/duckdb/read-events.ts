// Point-in-time reads of events: per id the latest version known by the as-of cut-off.
import type { DuckDBValue } from '@duckdb/node-api';
import { asOfCutoff } from '../../domain/dates.js';
import type { MarketEvent } from '../../domain/events.js';
import type { SerialConnection } from './connection.js';
import { isoTimestampSql, ts } from './timestamps.js';

/** Events dated from..to (inclusive) as known at the end of `asOf`, ordered by date then id. */
export async function readEvents(
  db: SerialConnection,
  options: { from?: string; to?: string; asOf?: string },
): Promise<MarketEvent[]> {
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
  const rows = await db.rows(
    `SELECT id, date::VARCHAR AS date, kind, title, source_url, instruments, ${isoTimestampSql('known_at')} AS known_at
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
}
