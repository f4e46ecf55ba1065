// CryptoQuant spot "Price & Volume" daily exports: `date,Open,High,Low,Close,Volume`, prices in
// USD, volume in the coin; the asset comes from the file name ("Bitcoin …" / "Ethereum …").
// Stored as spot, key `cryptoquant`. Rows whose four prices are all empty (the 2009 stretch of
// the BTC file) are "no data" rows: skipped and counted in a warning, not rejected.
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { cryptoQuantAssetOfFile } from './metrics.js';

const HEADER = ['date', 'Open', 'High', 'Low', 'Close', 'Volume'];
const FIELDS = ['open', 'high', 'low', 'close', 'volumeCoins'] as const;

/** CryptoQuant spot Price & Volume exports → spot (key `cryptoquant`); empty-price rows are skipped with a warning. */
export const cryptoQuantPriceCsv: FileLayout = {
  id: 'cryptoquant-price-csv',
  description: 'CryptoQuant daily spot Price & Volume export (USD prices, volume in coins)',
  detect({ name, head }) {
    const cols = headerCells(head);
    return cols.join(',') === HEADER.join(',') && cryptoQuantAssetOfFile(name) !== null;
  },
  parse({ path, text }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = cryptoQuantAssetOfFile(name);
    if (!asset)
      throw new Error(
        `${path}: cannot tell the asset from the file name (expected it to start with "Bitcoin" or "Ethereum")`,
      );
    const table = readDatedTable(path, text);
    if (table.columns.join(',') !== HEADER.slice(1).join(',')) {
      throw new Error(`${path}: expected header "${HEADER.join(',')}", found "date,${table.columns.join(',')}"`);
    }
    const observations: Observation[] = [];
    let noData = 0;
    for (const row of table.rows) {
      if (row.values.slice(0, 4).every((v) => v === null)) {
        noData++;
        continue;
      }
      const knownAt = cryptoDailyKnownAt(row.date);
      FIELDS.forEach((field, i) => {
        const value = row.values[i] ?? null;
        if (value !== null)
          observations.push({ dataset: 'spot', field, asset, key: 'cryptoquant', date: row.date, value, knownAt });
      });
    }
    const warnings = noData > 0 ? [`${noData} "no data" row(s) with empty prices skipped`] : [];
    return { source: 'cryptoquant', observations, rejects: table.rejects, warnings };
  },
};
