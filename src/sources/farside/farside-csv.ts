// Farside daily ETF flow tables saved as CSV (date, one column per fund, Total), US$ millions.
// Reads the BTC, ETH and SOL tables; the asset is recognised from the fund tickers. Quoted cells and
// LF, CRLF or CR-only line ends are read alike.
import { todayUtc } from '../../domain/dates.js';
import { firstRecordCells, parseCsv } from '../csv.js';
import { ImportError } from '../errors.js';
import { normaliseTicker } from '../fund-headers.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { farsideRowsToObservations } from './farside-rows.js';
import { assetOfFundColumns } from './asset-of-fund-columns.js';

/** True when the header is `Date,<fund tickers>…,Total` (case and stray bytes aside). */
function isFarsideHeader(cols: readonly string[]): boolean {
  return (
    cols.length >= 4 &&
    cols[0]?.toLowerCase() === 'date' &&
    cols.at(-1)?.toLowerCase() === 'total' &&
    assetOfFundColumns(cols.slice(1, -1).map(normaliseTicker)) !== null
  );
}

/** Farside CSV tables: detects a `Date,<fund tickers>…,Total` header; parse throws when the tickers name no asset. */
export const farsideDailyCsv: FileLayout = {
  id: 'farside-daily-csv',
  description: 'Farside daily ETF flow table as CSV (US$ millions, one column per fund, Total)',
  detect({ head }) {
    return isFarsideHeader(firstRecordCells(head));
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const records = parseCsv(text);
    const header = records[0]?.cells.map((c) => c.trim()) ?? [];
    const funds = header.slice(1, -1);
    const asset = assetOfFundColumns(funds.map(normaliseTicker));
    if (!asset || !isFarsideHeader(header))
      throw new ImportError(
        `farside-daily-csv: ${path}: expected a header "Date,<fund tickers>,Total" naming at least two funds of one asset, found "${header.join(',')}"`,
      );
    const rows = records.slice(1).map((r) => ({ line: r.line, cells: r.cells, cut: r.cut }));
    const { observations, rejects, warnings } = farsideRowsToObservations(header, rows, asset, { today });
    return { source: 'farside', observations, rejects, warnings };
  },
};
