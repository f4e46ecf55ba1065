// Detects an export fault seen in Artemis tables: two or more columns that hold the very same
// number on every row where either is filled (e.g. three exchanges' OI copied from one source).
import type { DatedRow } from '../vendor-csv/dated-table.js';

/**
 * Indexes (into `row.values`) of columns that are identical to at least one other column: on every
 * row both are empty or both hold the same number, and they share at least `minSharedRows` filled
 * rows (default 2, so that one coincidence does not count). Columns never filled are not flagged.
 */
export function identicalColumns(rows: readonly DatedRow[], columnCount: number, minSharedRows = 2): number[] {
  const flagged = new Set<number>();
  for (let a = 0; a < columnCount; a++) {
    for (let b = a + 1; b < columnCount; b++) {
      let shared = 0;
      let same = true;
      for (const row of rows) {
        const va = row.values[a] ?? null;
        const vb = row.values[b] ?? null;
        if (va !== vb) {
          same = false;
          break;
        }
        if (va !== null) shared++;
      }
      if (same && shared >= minSharedRows) {
        flagged.add(a);
        flagged.add(b);
      }
    }
  }
  return [...flagged].sort((x, y) => x - y);
}
