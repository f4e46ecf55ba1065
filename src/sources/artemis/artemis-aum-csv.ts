// Artemis per-fund AUM exports: "Bitcoin ETFs AUM.csv" / "Ethereum ETFs AUM.csv", `date,<fund>...`,
// USD, calendar days (weekends carried forward by Artemis). Stored as etf-aum.aumUsd per fund.
// knownAt: cryptoDailyKnownAt (D+1 00:00 UTC) — AUM rests on the US close of D, but Artemis marks
// and publishes it after that; of the two allowed clocks we take the later, never the earlier.
// Zeros before a fund's first non-zero AUM (not yet launched, e.g. the mini trusts in early 2024)
// are "not listed" rows: skipped and counted in a warning.
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { artemisEtfAssetOfFile, fundOfColumn } from './fund-columns.js';

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
  parse({ path, text }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = artemisEtfAssetOfFile(name);
    if (!asset)
      throw new Error(`${path}: cannot tell the asset from the file name (expected "Bitcoin" or "Ethereum" in it)`);
    const table = readDatedTable(path, text);
    const funds = table.columns.map((c) => fundOfColumn(asset, c));
    const warnings: string[] = [];
    funds.forEach((f, i) => {
      if (!f) throw new Error(`${path}: column ${i + 2} has no name`);
      if (!f.known)
        warnings.push(`unknown ${asset} fund ticker "${f.ticker}" (column "${table.columns[i]}"): imported as is`);
    });
    const observations: Observation[] = [];
    const launched = funds.map(() => false);
    let preLaunchZeros = 0;
    for (const row of table.rows) {
      const knownAt = cryptoDailyKnownAt(row.date);
      row.values.forEach((value, i) => {
        if (value === null) return;
        if (!launched[i]) {
          if (value === 0) {
            preLaunchZeros++;
            return;
          }
          launched[i] = true;
        }
        observations.push({
          dataset: 'etf-aum',
          field: 'aumUsd',
          asset,
          key: funds[i]!.ticker,
          date: row.date,
          value,
          knownAt,
        });
      });
    }
    if (preLaunchZeros > 0)
      warnings.push(
        `${preLaunchZeros} zero AUM cell(s) before a fund's first non-zero value (not yet launched) skipped`,
      );
    return { source: 'artemis', observations, rejects: table.rejects, warnings };
  },
};
