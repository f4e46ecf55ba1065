// The rows of a Farside daily flow table (date, one column per fund, Total; US$ millions) turned into
// observations: shared by the CSV and HTML importers, which differ only in how they find the rows.
import type { Asset } from '../../domain/assets.js';
import { todayUtc } from '../../domain/dates.js';
import { etfFlowKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { millionsToUsd, parseNumberCell, readDateCell, slashDateOrder } from '../cells.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import { CUT_LINE_MESSAGE } from '../csv.js';
import { resolveFundColumns } from '../fund-headers.js';
import type { RowReject } from '../layout.js';

/** One table row below the header: its cells as text and the line (or row number) rejects name. */
export interface FarsideRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** True when the file ended inside this row (it may be cut short): the row is rejected. */
  readonly cut?: boolean;
}

export interface FarsideRowsOptions {
  /**
   * Skip, instead of rejecting, the rows above the first dated row whose first cell holds no digit
   * (the HTML pages' issuer and fee rows under the header), and rows whose cells are all blank.
   * A row above the first date whose first cell has a digit (a date we cannot read) is rejected.
   * Default false.
   */
  readonly skipPreamble?: boolean;
  /** Today (YYYY-MM-DD, UTC) for the date range check. Default: the clock. */
  readonly today?: string;
}

/** Observations from the rows, the rows (or cells) rejected with their line and column, and warnings. */
export interface FarsideRowsResult {
  readonly observations: Observation[];
  readonly rejects: RowReject[];
  /** Fund columns skipped or kept although not in the catalog, naming the header. */
  readonly warnings: string[];
}

/** Footer rows under the table (summary statistics, not days). */
const FOOTER = /^(total|average|maximum|minimum|max|min)$/i;

/**
 * Reads Farside flow rows: each dated row gives one `etf-flows` netFlowUsd per fund column with a
 * figure and one `etf-flows-total` (key "farside") from the last column, in USD, known at
 * etfFlowKnownAt(date). `header` is the trimmed header row (date column, funds…, Total); fund headers
 * are resolved against the catalog (resolveFundColumns: "ibit" → IBIT; unreadable ones skipped with a
 * warning). Dates: "05 Jan 2026", ISO, "Jan 5, 2026", and slashed dates when the table shows their
 * order (slashDateOrder), else each is rejected as ambiguous.
 * Edge cases: Total/Average/Maximum/Minimum footer rows are skipped; "-" cells give no row; a row
 * with a wrong cell count, a repeated date (the first is kept), a non-numeric cell, a value out of
 * range (after × 1e6) or a date out of range is rejected as a whole (rejects name the line and the
 * fund column); other rows with no valid date are rejected unless `options.skipPreamble` applies.
 * Example: header `Date,IBIT,Total`, row `05 Jan 2026,(243.2),12.0` → IBIT −243,200,000 USD and
 * total 12,000,000 USD, both known 2026-01-06T02:00:00.000Z.
 */
export function farsideRowsToObservations(
  header: readonly string[],
  rows: readonly FarsideRow[],
  asset: Asset,
  options: FarsideRowsOptions = {},
): FarsideRowsResult {
  const skipPreamble = options.skipPreamble ?? false;
  const out = new CheckedRows(options.today ?? todayUtc());
  const funds = resolveFundColumns(asset, header.slice(1, -1));
  const totalColumn = header.length - 1;
  const slashOrder = slashDateOrder(rows.map((r) => r.cells[0] ?? ''));
  const seen = new Map<string, number>();
  let dataStarted = false;
  for (const { line, cells, cut } of rows) {
    const rawDate = cells[0] ?? '';
    if (FOOTER.test(rawDate.trim())) continue;
    if (skipPreamble && cells.every((c) => c.trim() === '')) continue;
    if (cut) {
      out.reject(line, undefined, CUT_LINE_MESSAGE);
      continue;
    }
    const date = readDateCell(rawDate, slashOrder);
    if (!date.ok) {
      if (skipPreamble && !dataStarted && !/\d/.test(rawDate)) continue;
      out.reject(line, 'date', date.message);
      continue;
    }
    dataStarted = true;
    if (cells.length !== header.length) {
      out.reject(line, undefined, `expected ${header.length} cells, found ${cells.length}`);
      continue;
    }
    const first = seen.get(date.date);
    if (first !== undefined) {
      out.reject(line, 'date', `duplicate date ${date.date}: the first row is kept`);
      continue;
    }
    seen.set(date.date, line);
    const knownAt = etfFlowKnownAt(date.date);
    const rowCells: CellObservation[] = [];
    let bad = false;
    for (let col = 1; col < header.length; col++) {
      const column = header[col]!;
      const cell = parseNumberCell(cells[col] ?? '');
      if (!cell.ok) {
        out.reject(line, column, cell.message);
        bad = true;
        continue;
      }
      if (cell.value === null) continue;
      const isTotal = col === totalColumn;
      const key = isTotal ? 'farside' : funds.tickers[col - 1];
      if (key === null || key === undefined) continue;
      rowCells.push({
        column,
        raw: `${cells[col]!.trim()} (US$ millions)`,
        observation: {
          dataset: isTotal ? 'etf-flows-total' : 'etf-flows',
          field: 'netFlowUsd',
          asset,
          key,
          date: date.date,
          value: millionsToUsd(cell.value),
          knownAt,
        },
      });
    }
    if (!bad) out.addRow(line, rowCells);
  }
  return { observations: out.observations, rejects: out.sortedRejects(), warnings: funds.warnings };
}
