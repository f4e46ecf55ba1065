// Artemis per-fund AUM exports: "Bitcoin ETFs AUM.csv" / "Ethereum ETFs AUM.csv", `date,<fund>...`,
// USD, calendar days (weekends carried forward by Artemis). Stored as etf-aum.aumUsd per fund.
// knownAt: cryptoDailyKnownAt (D+1 00:00 UTC) — AUM rests on the US close of D, but Artemis marks
// and publishes it after that; of the two allowed clocks we take the later, never the earlier.
// Zeros before a fund's first non-zero AUM (not yet launched, e.g. the mini trusts in early 2024)
// are "not listed" rows: skipped and counted in a warning.
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { artemisEtfAssetOfFile, artemisFundColumns } from './fund-columns.js';
import { wideTableFile } from './wide-table.js';

const FILE_NAME = /ETFs? AUM/i;

/** Artemis "<Coin> ETFs AUM.csv" → etf-aum.aumUsd per fund; unknown tickers are imported with a warning. */
export const artemisAumCsv: FileLayout = {
  id: 'artemis-aum-csv',
  description: 'Artemis per-fund ETF AUM export (USD, calendar days)',
  detect({ name, head }) {
    const cols = headerCells(head);
    return (
      FILE_NAME.test(name) &&
      artemisEtfAssetOfFile(name) !== null &&
      cols[0]?.toLowerCase() === 'date' &&
      cols.length >= 2
    );
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = artemisEtfAssetOfFile(name);
    if (!asset)
      throw new ImportError(
        `${path}: cannot tell the asset from the file name (expected "Bitcoin" or "Ethereum" in it)`,
      );
    // Rows come sorted by date: the "not launched yet" state below does not depend on row order.
    const table = readDatedTable(path, text, { today });
    const funds = artemisFundColumns(asset, table.columns);
    const launched = funds.tickers.map(() => false);
    let preLaunchZeros = 0;
    const file = wideTableFile(
      table,
      today,
      cryptoDailyKnownAt,
      (value, i, date, knownAt) => {
        const ticker = funds.tickers[i];
        if (!ticker) return null;
        if (!launched[i]) {
          if (value === 0) {
            preLaunchZeros++;
            return null;
          }
          if (value > 0) launched[i] = true;
        }
        return { dataset: 'etf-aum', field: 'aumUsd', asset, key: ticker, date, value, knownAt };
      },
      funds.warnings,
    );
    if (preLaunchZeros > 0)
      file.warnings.push(
        `${preLaunchZeros} zero AUM cell(s) before a fund's first non-zero value (not yet launched) skipped`,
      );
    return file;
  },
};
