// Artemis "Centralized Exchanges - Open Interest.csv": total derivatives OI per exchange, all coins,
// USD, daily → exchange-oi.openInterestUsd, asset MULTI, key = exchange slug ("OKX" → "okx",
// "Crypto.com" → "crypto-com"). Columns that are copies of one another (an export fault: in the
// real file Crypto.com, Gate.io and Kraken hold identical numbers) are detected, skipped and
// named in a warning. knownAt: cryptoDailyKnownAt (a 00:00 UTC daily snapshot).
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable, slugOf } from '../vendor-csv/dated-table.js';
import { identicalColumns } from './identical-columns.js';
import { uniqueColumnKeys, wideTableFile } from './wide-table.js';

/** Artemis per-exchange OI → exchange-oi.openInterestUsd (MULTI, exchange slug); copied columns are skipped with a warning. */
export const artemisExchangeOiCsv: FileLayout = {
  id: 'artemis-exchange-oi-csv',
  description: 'Artemis derivatives open interest per centralized exchange (USD, all coins)',
  detect({ name, head }) {
    const cols = headerCells(head);
    return /exchanges?\b.*open interest/i.test(name) && cols[0]?.toLowerCase() === 'date' && cols.length >= 2;
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const table = readDatedTable(path, text, { today });
    const { keys, warnings } = uniqueColumnKeys(table.columns, slugOf, 'exchange');
    const faulty = new Set(identicalColumns(table.rows, table.columns.length));
    const faultWarnings =
      faulty.size === 0
        ? []
        : [
            `${faulty.size} column(s) skipped, identical to one another on every row (export fault): ${[...faulty]
              .map((i) => table.columns[i])
              .join(', ')}`,
          ];
    return wideTableFile(
      table,
      today,
      cryptoDailyKnownAt,
      (value, i, date, knownAt) => {
        const key = keys[i];
        if (faulty.has(i) || !key) return null;
        return { dataset: 'exchange-oi', field: 'openInterestUsd', asset: 'MULTI', key, date, value, knownAt };
      },
      [...warnings, ...faultWarnings],
    );
  },
};
