// Farside daily ETF flow tables saved as CSV (date, one column per fund, Total), US$ millions.
// Reads the BTC, ETH and SOL tables; the asset is recognised from the fund tickers.
import type { Asset } from '../../domain/assets.js';
import { parseCsv } from '../csv.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { farsideRowsToObservations } from './farside-rows.js';
import { assetOfFundColumns } from './asset-of-fund-columns.js';

/** Farside CSV tables: detects a `Date,<fund tickers>…,Total` header; parse throws when the tickers name no asset. */
export const farsideDailyCsv: FileLayout = {
  id: 'farside-daily-csv',
  description: 'Farside daily ETF flow table as CSV (US$ millions, one column per fund, Total)',
  detect({ head }) {
    const header = head.split(/\r?\n/, 1)[0] ?? '';
    const cols = header.split(',').map((c) => c.trim());
    return (
      cols[0]?.toLowerCase() === 'date' && cols.at(-1) === 'Total' && assetOfFundColumns(cols.slice(1, -1)) !== null
    );
  },
  parse({ path, text }): ParsedFile {
    const records = parseCsv(text);
    const header = records[0]?.cells.map((c) => c.trim()) ?? [];
    const funds = header.slice(1, -1);
    const asset: Asset | null = assetOfFundColumns(funds);
    if (!asset) throw new Error(`${path}: cannot tell the asset from fund columns ${funds.join(', ')}`);
    const { observations, rejects } = farsideRowsToObservations(header, records.slice(1), asset);
    return { source: 'farside', observations, rejects, warnings: [] };
  },
};
