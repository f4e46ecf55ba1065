// Counting stored rows: observation versions (for status and tests) and the store's content
// revision. The store only ever appends versions, so the number of stored observation and event
// rows grows with every change and stays put otherwise: it identifies the content.
import type { SerialConnection } from './connection.js';

/** Stored observation rows, all versions (inside the connection's serial stream). */
export async function countObservationRows(db: SerialConnection): Promise<number> {
  return Number((await db.rows('SELECT count(*) AS n FROM observations'))[0]?.['n'] ?? 0);
}

/** Observation plus event rows: changes exactly when the stored content does (inside the serial stream). */
export async function contentRevision(db: SerialConnection): Promise<number> {
  const [row] = await db.rows('SELECT (SELECT count(*) FROM observations) + (SELECT count(*) FROM events) AS n');
  return Number(row?.['n'] ?? 0);
}
