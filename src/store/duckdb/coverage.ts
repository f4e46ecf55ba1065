// What the store holds per series (dataset, field, asset, key): first/last date, rows, gaps by the
// dataset's cadence, revised rows, sources and the last import time — optionally as known at a date.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Asset } from '../../domain/assets.js';
import { asOfCutoff } from '../../domain/dates.js';
import type { DatasetName } from '../../domain/datasets.js';
import { countGaps } from '../gaps.js';
import type { CoverageRow } from '../store.js';
import type { SerialConnection } from './connection.js';
import { isoTimestampSql, ts } from './timestamps.js';

/** Coverage per series (inside the connection's serial stream); with `asOf`, only rows known by its end. */
export async function readCoverage(db: SerialConnection, options: { asOf?: string }): Promise<CoverageRow[]> {
  const params: Record<string, DuckDBValue> = {};
  let known = '';
  if (options.asOf) {
    known = 'WHERE date <= $asOf::DATE AND known_at < $cutoff::TIMESTAMP';
    params['asOf'] = options.asOf;
    params['cutoff'] = ts(asOfCutoff(options.asOf));
  }
  const rows = await db.rows(
    `WITH v AS (SELECT dataset, field, asset, key, date, count(*) AS versions FROM observations ${known} GROUP BY ALL)
     SELECT v.dataset, v.field, v.asset, v.key, min(v.date)::VARCHAR AS first_date, max(v.date)::VARCHAR AS last_date,
            count(*) AS n, count(*) FILTER (WHERE versions > 1) AS revised,
            list(v.date::VARCHAR ORDER BY v.date) AS dates
     FROM v GROUP BY ALL ORDER BY v.dataset, v.asset, v.key, v.field`,
    params,
  );
  const meta = await db.rows(
    `SELECT dataset, field, asset, key, list(DISTINCT source ORDER BY source) AS sources,
            ${isoTimestampSql('max(imported_at)')} AS last_imported
     FROM observations ${known} GROUP BY ALL`,
    params,
  );
  const seriesId = (r: Record<string, unknown>): string => `${r['dataset']}|${r['field']}|${r['asset']}|${r['key']}`;
  const metaBySeries = new Map(meta.map((m) => [seriesId(m), m]));
  return rows.map((r) => {
    const m = metaBySeries.get(seriesId(r));
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
}
