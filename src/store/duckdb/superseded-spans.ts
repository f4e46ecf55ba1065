// Where a point-in-time read is not a read of the latest data: per natural key stored in more than
// one version (a restated value, a revised event), the as-of dates at which an earlier version is
// the one visible. Caches that derive an earlier date's answer from the latest data check these.
import type { AsOfSpan } from '../store.js';
import type { SerialConnection } from './connection.js';

/**
 * The spans `from ≤ asOf < until` (YYYY-MM-DD) at which some observation or event read as of that
 * date returns a version that a later version replaced (inside the connection's serial stream). An
 * observation is visible from its market date and its first version's publication day; the last
 * version takes over on the day it was published (the as-of cut-off is the end of the UTC day).
 */
export async function readSupersededSpans(db: SerialConnection): Promise<AsOfSpan[]> {
  const rows = await db.rows(
    `SELECT greatest(date, min(known_at)::DATE)::VARCHAR AS from_date, max(known_at)::DATE::VARCHAR AS until_date
     FROM observations GROUP BY dataset, field, asset, key, date HAVING count(*) > 1
     UNION ALL
     SELECT min(known_at)::DATE::VARCHAR, max(known_at)::DATE::VARCHAR
     FROM events GROUP BY id HAVING count(*) > 1
     ORDER BY 1, 2`,
  );
  return rows
    .map((r) => ({ from: String(r['from_date']), until: String(r['until_date']) }))
    .filter((s) => s.from < s.until);
}
