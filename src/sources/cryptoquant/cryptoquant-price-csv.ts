// CryptoQuant spot "Price & Volume" daily exports: `date,Open,High,Low,Close,Volume`, prices in
// USD, volume in the coin; the asset comes from the file name ("Bitcoin …" / "Ethereum …").
// Stored as spot, key `cryptoquant`. Rows whose four prices are all empty (the 2009 stretch of
// the BTC file) are "no data" rows: skipped and counted in a warning, not rejected.
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { cryptoQuantAssetOfFile } from './metrics.js';

const HEADER = ['date', 'Open', 'High', 'Low', 'Close', 'Volume'];
const FIELDS = ['open', 'high', 'low', 'close', 'volumeCoins'] as const;

const isPriceHeader = (cols: readonly string[]): boolean =>
  cols.length === HEADER.length && cols.every((c, i) => c.toLowerCase() === HEADER[i]!.toLowerCase());

/** CryptoQuant spot Price & Volume exports → spot (key `cryptoquant`); empty-price rows are skipped with a warning. */
export const cryptoQuantPriceCsv: FileLayout = {
  id: 'cryptoquant-price-csv',
  description: 'CryptoQuant daily spot Price & Volume export (USD prices, volume in coins)',
  detect({ name, head }) {
    return isPriceHeader(headerCells(head)) && cryptoQuantAssetOfFile(name) !== null;
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = cryptoQuantAssetOfFile(name);
    if (!asset)
      throw new ImportError(
        `${path}: cannot tell the asset from the file name (expected it to start with "Bitcoin" or "Ethereum")`,
      );
    const table = readDatedTable(path, text, { today });
    if (!isPriceHeader(['date', ...table.columns])) {
      throw new ImportError(`${path}: expected header "${HEADER.join(',')}", found "date,${table.columns.join(',')}"`);
    }
    const out = new CheckedRows(today);
    let noData = 0;
    for (const row of table.rows) {
      if (row.values.slice(0, 4).every((v) => v === null)) {
        noData++;
        continue;
      }
      const knownAt = cryptoDailyKnownAt(row.date);
      const cells: CellObservation[] = [];
      FIELDS.forEach((field, i) => {
        const value = row.values[i] ?? null;
        if (value !== null)
          cells.push({
            column: table.columns[i]!,
            observation: { dataset: 'spot', field, asset, key: 'cryptoquant', date: row.date, value, knownAt },
          });
      });
      out.addRow(row.line, cells);
    }
    const warnings = noData > 0 ? [`${noData} "no data" row(s) with empty prices skipped`] : [];
    return {
      source: 'cryptoquant',
      observations: out.observations,
      rejects: [...table.rejects, ...out.rejects].sort((a, b) => a.line - b.line),
      warnings,
    };
  },
};
