// Shared reader for vendor CSV exports shaped `date,<col>,<col>,...`: one row per date, numeric
// cells. Checks the date, the cell count, duplicates and every number, and turns problems into
// rejects that name the line and the column, so each layout only maps columns to observations.
import { todayUtc } from '../../domain/dates.js';
import { checkMarketDate } from '../../domain/observation-check.js';
import { parseNumberCell, readDateCell, slashDateOrder } from '../cells.js';
import { CUT_LINE_MESSAGE, firstRecordCells, parseCsv } from '../csv.js';
import { ImportError } from '../errors.js';
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

/** The header cells of a file's first record (trimmed, unquoted), from a probe's head text: LF, CRLF or CR line ends. */
export function headerCells(head: string): string[] {
  return firstRecordCells(head);
}

/** Options of readDatedTable. */
export interface DatedTableOptions {
  /** Today (YYYY-MM-DD, UTC): dates after today + the largest lag of any dataset are rejected. Default: the clock. */
  readonly today?: string;
}

/**
 * Reads a `date,...` CSV. A row is rejected (and none of its cells used) when its date is not a
 * valid date or lies outside FIRST_MARKET_DATE … today + MAX_DAYS_AHEAD (field `date`), its cell
 * count differs from the header's, its date repeats an earlier line's (the later line is ignored;
 * the first is kept unless it is itself rejected), any cell is not a finite number (field = column
 * name; every bad cell of the row is listed), or the file ends inside it (a cut last line). Empty
 * cells, "-" and "n/a" are null. Rows come back sorted by date, so that what a layout does with them
 * does not depend on the file's row order. Throws an ImportError when the first header cell is not
 * `date`.
 */
export function readDatedTable(path: string, text: string, options: DatedTableOptions = {}): DatedTable {
  const today = options.today ?? todayUtc();
  const records = parseCsv(text);
  const header = records[0]?.cells.map((c) => c.trim()) ?? [];
  if (header[0]?.toLowerCase() !== 'date')
    throw new ImportError(`${path}: expected a header starting with "date", found "${header.join(',')}"`);
  const columns = header.slice(1);
  const rows: DatedRow[] = [];
  const rejects: RowReject[] = [];
  const seen = new Map<string, number>();
  const body = records.slice(1);
  const order = slashDateOrder(body.map((r) => r.cells[0] ?? ''));
  for (const record of body) {
    if (record.cut) {
      rejects.push({ line: record.line, message: CUT_LINE_MESSAGE });
      continue;
    }
    const rawDate = record.cells[0] ?? '';
    const read = readDateCell(rawDate, order);
    const problem = read.ok ? checkMarketDate(read.date, null, today) : read.message;
    if (!read.ok || problem !== null) {
      rejects.push({ line: record.line, field: 'date', message: problem ?? `"${rawDate}" is not a valid date` });
      continue;
    }
    const date = read.date;
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
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { columns, rows, rejects };
}

/**
 * "Crypto.com" → "crypto-com", "Twenty One Capital" → "twenty-one-capital": a stable store key.
 * Bytes that are never part of a name (U+FFFD left by a bad byte, control and zero-width characters,
 * a stray BOM) are dropped first, so "Bina\uFFFDnce" is still "binance".
 */
export function slugOf(name: string): string {
  return (
    name
      .normalize('NFKC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
      .replace(/[\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff\ufffd]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
