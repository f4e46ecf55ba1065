// Where a point-in-time read is not a read of the latest data: per natural key stored in more than
// one version (a restated value, a revised event), the as-of dates at which each earlier version is
// the one visible. Caches that derive an earlier date's answer from the latest data check these.
import type { AsOfSpan } from '../store.js';
import type { SerialConnection } from './connection.js';

/**
 * The spans `from ≤ asOf < until` (YYYY-MM-DD) at which some observation or event read as of that
 * date returns a version that a later version replaced (inside the connection's serial stream): one
 * span per replaced version (distinct spans only), from the day it became visible to the day the
 * next version took over. An observation is visible from its market date and its version's
 * publication day; a version takes over on the day it was published (the as-of cut-off is the end of
 * the UTC day). Between two consecutive `until` days every read sees the same versions, so a history
 * loaded the day before the next `until` answers every date since the previous one.
 */
export async function readSupersededSpans(db: SerialConnection): Promise<AsOfSpan[]> {
  const rows = await db.rows(
    `SELECT DISTINCT from_date, until_date FROM (
       SELECT greatest(date, known_at::DATE)::VARCHAR AS from_date, next_known::DATE::VARCHAR AS until_date
       FROM (SELECT date, known_at, lead(known_at) OVER (PARTITION BY dataset, field, asset, key, date ORDER BY known_at) AS next_known
             FROM observations)
       WHERE next_known IS NOT NULL
       UNION ALL
       SELECT known_at::DATE::VARCHAR, next_known::DATE::VARCHAR
       FROM (SELECT known_at, lead(known_at) OVER (PARTITION BY id ORDER BY known_at) AS next_known FROM events)
       WHERE next_known IS NOT NULL)
     ORDER BY 1, 2`,
  );
  return rows
    .map((r) => ({ from: String(r['from_date']), until: String(r['until_date']) }))
    .filter((s) => s.from < s.until);
}
