// CryptoQuant single-metric daily exports, `date,<Metric>` (fund holdings, funding, open interest,
// leverage ratio, liquidations), one file per asset named "Bitcoin …" or "Ethereum …". Daily
// values on the 00:00 UTC clock: known at the next 00:00 UTC (cryptoDailyKnownAt).
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { CheckedRows } from '../checked-rows.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { CRYPTOQUANT_METRICS, cryptoQuantAssetOfFile, cryptoQuantMetricOf } from './metrics.js';

/** CryptoQuant `date,<Metric>` exports; the metric table is CRYPTOQUANT_METRICS, the asset comes from the file name. */
export const cryptoQuantMetricCsv: FileLayout = {
  id: 'cryptoquant-metric-csv',
  description:
    'CryptoQuant daily single-metric export (date,<Metric>): funding, OI, leverage, liquidations, fund holdings',
  detect({ name, head }) {
    const cols = headerCells(head);
    return (
      cols.length === 2 &&
      cols[0]?.toLowerCase() === 'date' &&
      cryptoQuantMetricOf(cols[1] ?? '') !== null &&
      cryptoQuantAssetOfFile(name) !== null
    );
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = cryptoQuantAssetOfFile(name);
    if (!asset)
      throw new ImportError(
        `${path}: cannot tell the asset from the file name (expected it to start with "Bitcoin" or "Ethereum")`,
      );
    const table = readDatedTable(path, text, { today });
    const metricName = table.columns[0] ?? '';
    const found = cryptoQuantMetricOf(metricName);
    if (!found || table.columns.length !== 1) {
      throw new ImportError(
        `${path}: expected "date,<Metric>" with one of ${Object.keys(CRYPTOQUANT_METRICS).join(', ')}; found "${table.columns.join(',')}"`,
      );
    }
    const { metric } = found;
    const out = new CheckedRows(today);
    let empty = 0;
    for (const row of table.rows) {
      const value = row.values[0] ?? null;
      if (value === null) {
        empty++;
        continue;
      }
      out.addRow(row.line, [
        {
          column: metricName,
          raw: metric.vendorUnit ? `${value} (${metric.vendorUnit})` : undefined,
          observation: {
            dataset: metric.dataset,
            field: metric.field,
            asset,
            key: metric.key,
            date: row.date,
            value: metric.convert(value),
            knownAt: cryptoDailyKnownAt(row.date),
          },
        },
      ]);
    }
    const warnings = empty > 0 ? [`${empty} row(s) with an empty "${metricName}" cell (no figure) skipped`] : [];
    return {
      source: 'cryptoquant',
      observations: out.observations,
      rejects: [...table.rejects, ...out.rejects].sort((a, b) => a.line - b.line),
      warnings,
    };
  },
};
