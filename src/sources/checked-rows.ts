// Where every importer puts its rows: the observations of one file row pass the boundary check
// (domain/field-ranges.ts) together, or the whole row is rejected with one reject per failing part,
// each naming the line, the column as the file names it, and the value. One row's failure never
// affects the others.
import { checkObservation } from '../domain/observation-check.js';
import type { Observation } from '../domain/observation.js';
import type { RowReject } from './layout.js';

/** One observation of a row and where in the row it came from. */
export interface CellObservation {
  /** The column (or JSON path) as the file names it, e.g. "IBIT", "close", "rows[3].metrics.openInterestBtc". */
  readonly column: string;
  /** The value as written in the file, when it is not the stored number itself (US$ millions, contracts × price). */
  readonly raw?: string;
  readonly observation: Observation;
}

/** What names a row's date and knownAt in rejects (the file's own words). */
export interface RowFields {
  /** Default "date". */
  readonly date?: string;
  /** Default "knownAt". */
  readonly knownAt?: string;
  /** What names the key in rejects; default: the cell's column. */
  readonly key?: string;
}

/** Accepted observations and rejects of one file, filled row by row. */
export class CheckedRows {
  readonly observations: Observation[] = [];
  readonly rejects: RowReject[] = [];

  /** `today` (YYYY-MM-DD, UTC) bounds the dates: see checkMarketDate. */
  constructor(readonly today: string) {}

  /** Records a reject that is not about a value (bad cell count, duplicate date …). */
  reject(line: number, field: string | undefined, message: string): void {
    this.rejects.push(field === undefined ? { line, message } : { line, field, message });
  }

  /**
   * Adds a row's observations when every one passes the boundary check; otherwise rejects the row:
   * one reject for a bad date (all the row's cells share it), one per bad value or key naming its
   * column and the value as written. Returns true when the row was stored.
   */
  addRow(line: number, cells: readonly CellObservation[], fields: RowFields = {}): boolean {
    const dateField = fields.date ?? 'date';
    const knownAtField = fields.knownAt ?? 'knownAt';
    const found: RowReject[] = [];
    const seen = new Set<string>();
    const add = (field: string, message: string): void => {
      const id = `${field}\u0000${message}`;
      if (seen.has(id)) return;
      seen.add(id);
      found.push({ line, field, message });
    };
    for (const cell of cells) {
      for (const problem of checkObservation(cell.observation, this.today)) {
        if (problem.part === 'date') add(dateField, problem.message);
        else if (problem.part === 'knownAt') add(knownAtField, problem.message);
        else if (problem.part === 'key') add(fields.key ?? cell.column, problem.message);
        else if (problem.part === 'value' && cell.raw !== undefined)
          add(cell.column, `"${cell.raw}" → ${problem.message}`);
        else add(cell.column, problem.message);
      }
    }
    if (found.length > 0) {
      this.rejects.push(...found);
      return false;
    }
    for (const cell of cells) this.observations.push(cell.observation);
    return true;
  }

  /** Rejects sorted by line (stable), as a file lists them. */
  sortedRejects(): RowReject[] {
    return [...this.rejects].sort((a, b) => a.line - b.line);
  }
}
