// Shared reader for vendor CSV exports shaped `date,<col>,<col>,...`: one row per date, numeric
// cells. Checks the date, the cell count, duplicates and every number, and turns problems into
// rejects that name the line and the column, so each layout only maps columns to observations.
import { parseDateCell, parseNumberCell } from '../cells.js';
import { parseCsv } from '../csv.js';
import type { RowReject } from '../layout.js';

/** One accepted row: its file line, its date as written, and one number (or null) per column. */
export interface DatedRow {
  readonly line: number;
  readonly date: string;
  /** Parsed cells after the date column, in header order; null = empty cell. */
  readonly values: readonly (number | null)[];
}

export interface DatedTable {
  /** Column names after `date`, trimmed. */
  readonly columns: readonly string[];
  readonly rows: readonly DatedRow[];
  readonly rejects: RowReject[];
}

/** The header cells of a file's first line (trimmed), from a probe's head text. */
export function headerCells(head: string): string[] {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Reads a `date,...` CSV. A row is rejected (and none of its cells used) when its date is not a
 * valid date (field `date`), its cell count differs from the header's, its date repeats an
 * earlier row's (the later row is ignored; the first is kept unless it is itself rejected), or any
 * cell is not a finite number (field = column name; every bad cell of the row is listed). Empty
 * cells, "-" and "n/a" are null. Throws when the first header cell is not `date`.
 */
export function readDatedTable(path: string, text: string): DatedTable {
  const records = parseCsv(text);
  const header = records[0]?.cells.map((c) => c.trim()) ?? [];
  if (header[0]?.toLowerCase() !== 'date')
    throw new Error(`${path}: expected a header starting with "date", found "${header.join(',')}"`);
  const columns = header.slice(1);
  const rows: DatedRow[] = [];
  const rejects: RowReject[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const rawDate = record.cells[0] ?? '';
    const date = parseDateCell(rawDate);
    if (!date) {
      rejects.push({ line: record.line, field: 'date', message: `"${rawDate}" is not a valid date` });
      continue;
    }
    if (record.cells.length !== header.length) {
      rejects.push({ line: record.line, message: `expected ${header.length} cells, found ${record.cells.length}` });
      continue;
    }
    const firstLine = seen.get(date);
    if (firstLine !== undefined) {
      rejects.push({
        line: record.line,
        field: 'date',
        message: `duplicate date ${date} (first on line ${firstLine}): this row is ignored`,
      });
      continue;
    }
    seen.set(date, record.line);
    const values: (number | null)[] = [];
    let bad = false;
    columns.forEach((column, i) => {
      const cell = parseNumberCell(record.cells[i + 1] ?? '');
      if (cell.ok) values.push(cell.value);
      else {
        rejects.push({ line: record.line, field: column, message: cell.message });
        bad = true;
      }
    });
    if (!bad) rows.push({ line: record.line, date, values });
  }
  return { columns, rows, rejects };
}

/** "Crypto.com" → "crypto-com", "Twenty One Capital" → "twenty-one-capital": a stable store key. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
