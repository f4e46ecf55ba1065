// Artemis "Centralized Exchanges - Open Interest.csv": total derivatives OI per exchange, all coins,
// USD, daily → exchange-oi.openInterestUsd, asset MULTI, key = exchange slug ("OKX" → "okx",
// "Crypto.com" → "crypto-com"). Columns that are copies of one another (an export fault: in the
// real file Crypto.com, Gate.io and Kraken hold identical numbers) are detected, skipped and
// named in a warning. knownAt: cryptoDailyKnownAt (a 00:00 UTC daily snapshot).
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable, slugOf } from '../vendor-csv/dated-table.js';
import { identicalColumns } from './identical-columns.js';

/** Artemis per-exchange OI → exchange-oi.openInterestUsd (MULTI, exchange slug); copied columns are skipped with a warning. */
export const artemisExchangeOiCsv: FileLayout = {
  id: 'artemis-exchange-oi-csv',
  description: 'Artemis derivatives open interest per centralized exchange (USD, all coins)',
  detect({ name, head }) {
    const cols = headerCells(head);
    return /exchanges?\b.*open interest/i.test(name) && cols[0]?.toLowerCase() === 'date' && cols.length >= 2;
  },
  parse({ path, text }): ParsedFile {
    const table = readDatedTable(path, text);
    const keys = table.columns.map((c, i) => {
      const slug = slugOf(c);
      if (slug === '') throw new Error(`${path}: column ${i + 2} ("${c}") names no exchange`);
      return slug;
    });
    const faulty = new Set(identicalColumns(table.rows, table.columns.length));
    const warnings: string[] = [];
    if (faulty.size > 0) {
      const names = [...faulty].map((i) => table.columns[i]).join(', ');
      warnings.push(`${faulty.size} column(s) skipped, identical to one another on every row (export fault): ${names}`);
    }
    const observations: Observation[] = [];
    for (const row of table.rows) {
      const knownAt = cryptoDailyKnownAt(row.date);
      row.values.forEach((value, i) => {
        if (value === null || faulty.has(i)) return;
        observations.push({
          dataset: 'exchange-oi',
          field: 'openInterestUsd',
          asset: 'MULTI',
          key: keys[i]!,
          date: row.date,
          value,
          knownAt,
        });
      });
    }
    return { source: 'artemis', observations, rejects: table.rejects, warnings };
  },
};
