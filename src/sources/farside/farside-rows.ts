// The rows of a Farside daily flow table (date, one column per fund, Total; US$ millions) turned into
// observations: shared by the CSV and HTML importers, which differ only in how they find the rows.
import type { Asset } from '../../domain/assets.js';
import { etfFlowKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { millionsToUsd, parseDateCell, parseNumberCell } from '../cells.js';
import type { RowReject } from '../layout.js';

/** One table row below the header: its cells as text and the line (or row number) rejects name. */
export interface FarsideRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface FarsideRowsOptions {
  /**
   * Skip, instead of rejecting, rows with no valid date before the first dated row, and rows whose
   * cells are all blank (the HTML pages' issuer and fee rows under the header). Default false.
   */
  readonly skipPreamble?: boolean;
}

/** Observations from the rows, and the rows (or cells) rejected with their line and column. */
export interface FarsideRowsResult {
  readonly observations: Observation[];
  readonly rejects: RowReject[];
}

/** Footer rows under the table (summary statistics, not days). */
const FOOTER = /^(total|average|maximum|minimum|max|min)$/i;

/**
 * Reads Farside flow rows: each dated row gives one `etf-flows` netFlowUsd per fund column with a
 * figure and one `etf-flows-total` (key "farside") from the last column, in USD, known at
 * etfFlowKnownAt(date). `header` is the trimmed header row (date column, funds…, Total).
 * Edge cases: Total/Average/Maximum/Minimum footer rows are skipped; "-" cells give no row; a row
 * with a wrong cell count, a repeated date (the first is kept) or a non-numeric cell is rejected as a
 * whole (rejects name the line and the fund column); other rows with no valid date are rejected
 * unless `options.skipPreamble` applies.
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
  const observations: Observation[] = [];
  const rejects: RowReject[] = [];
  const seen = new Set<string>();
  let dataStarted = false;
  for (const { line, cells } of rows) {
    const rawDate = cells[0] ?? '';
    const date = parseDateCell(rawDate);
    if (!date) {
      if (FOOTER.test(rawDate.trim())) continue;
      if (skipPreamble && (!dataStarted || cells.every((c) => c.trim() === ''))) continue;
      rejects.push({ line, field: 'date', message: `"${rawDate}" is not a valid date` });
      continue;
    }
    dataStarted = true;
    if (cells.length !== header.length) {
      rejects.push({ line, message: `expected ${header.length} cells, found ${cells.length}` });
      continue;
    }
    if (seen.has(date)) {
      rejects.push({ line, field: 'date', message: `duplicate date ${date}: the first row is kept` });
      continue;
    }
    seen.add(date);
    const knownAt = etfFlowKnownAt(date);
    const rowObs: Observation[] = [];
    let bad = false;
    for (let col = 1; col < header.length; col++) {
      const name = header[col]!;
      const cell = parseNumberCell(cells[col] ?? '');
      if (!cell.ok) {
        rejects.push({ line, field: name, message: cell.message });
        bad = true;
        continue;
      }
      if (cell.value === null) continue;
      const isTotal = col === header.length - 1;
      rowObs.push({
        dataset: isTotal ? 'etf-flows-total' : 'etf-flows',
        field: 'netFlowUsd',
        asset,
        key: isTotal ? 'farside' : name,
        date,
        value: millionsToUsd(cell.value),
        knownAt,
      });
    }
    if (!bad) observations.push(...rowObs);
  }
  return { observations, rejects };
}
