// Farside daily ETF flow tables saved as CSV (date, one column per fund, Total), US$ millions.
// Reads the BTC, ETH and SOL tables; the asset is recognised from the fund tickers.
import type { Asset } from '../../domain/assets.js';
import { etfFlowKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { millionsToUsd, parseDateCell, parseNumberCell } from '../cells.js';
import { parseCsv } from '../csv.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { assetOfFundColumns } from './funds.js';

export const farsideDailyCsv: FileLayout = {
  id: 'farside-daily-csv',
  description: 'Farside daily ETF flow table as CSV (US$ millions, one column per fund, Total)',
  detect({ head }) {
    const header = head.split(/\r?\n/, 1)[0] ?? '';
    const cols = header.split(',').map((c) => c.trim());
    return cols[0]?.toLowerCase() === 'date' && cols.at(-1) === 'Total' && assetOfFundColumns(cols.slice(1, -1)) !== null;
  },
  parse({ path, text }): ParsedFile {
    const records = parseCsv(text);
    const header = records[0]?.cells.map((c) => c.trim()) ?? [];
    const funds = header.slice(1, -1);
    const asset: Asset | null = assetOfFundColumns(funds);
    if (!asset) throw new Error(`${path}: cannot tell the asset from fund columns ${funds.join(', ')}`);
    const observations: Observation[] = [];
    const rejects: RowReject[] = [];
    const seen = new Set<string>();
    for (const record of records.slice(1)) {
      const rawDate = record.cells[0] ?? '';
      const date = parseDateCell(rawDate);
      if (!date) {
        if (/^(total|average|maximum|minimum|max|min)$/i.test(rawDate.trim())) continue;
        rejects.push({ line: record.line, field: 'date', message: `"${rawDate}" is not a valid date` });
        continue;
      }
      if (record.cells.length !== header.length) {
        rejects.push({ line: record.line, message: `expected ${header.length} cells, found ${record.cells.length}` });
        continue;
      }
      if (seen.has(date)) {
        rejects.push({ line: record.line, field: 'date', message: `duplicate date ${date}: the first row is kept` });
        continue;
      }
      seen.add(date);
      const knownAt = etfFlowKnownAt(date);
      const rowObs: Observation[] = [];
      let bad = false;
      header.forEach((col, i) => {
        if (i === 0) return;
        const cell = parseNumberCell(record.cells[i] ?? '');
        if (!cell.ok) {
          rejects.push({ line: record.line, field: col, message: cell.message });
          bad = true;
          return;
        }
        if (cell.value === null) return;
        const isTotal = i === header.length - 1;
        rowObs.push({
          dataset: isTotal ? 'etf-flows-total' : 'etf-flows',
          field: 'netFlowUsd',
          asset,
          key: isTotal ? 'farside' : col,
          date,
          value: millionsToUsd(cell.value),
          knownAt,
        });
      });
      if (!bad) observations.push(...rowObs);
    }
    return { source: 'farside', observations, rejects, warnings: [] };
  },
};
