// Artemis "Centralized Exchanges - Open Interest.csv": total derivatives OI per exchange, all coins,
// USD, daily → exchange-oi.openInterestUsd, asset MULTI, key = exchange slug ("OKX" → "okx",
// "Crypto.com" → "crypto-com"). Columns that are copies of one another (an export fault: in the
// real file Crypto.com, Gate.io and Kraken hold identical numbers) are detected, skipped and
// named in a warning. knownAt: cryptoDailyKnownAt (a 00:00 UTC daily snapshot).
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
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
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const table = readDatedTable(path, text, { today });
    const warnings: string[] = [];
    const taken = new Map<string, string>();
    const keys = table.columns.map((c) => {
      const slug = slugOf(c);
      if (slug === '') {
        warnings.push(`column ${JSON.stringify(c)} names no exchange: skipped`);
        return null;
      }
      const earlier = taken.get(slug);
      if (earlier !== undefined) {
        warnings.push(
          `column ${JSON.stringify(c)} repeats exchange ${slug} (column ${JSON.stringify(earlier)}): skipped`,
        );
        return null;
      }
      taken.set(slug, c);
      return slug;
    });
    const faulty = new Set(identicalColumns(table.rows, table.columns.length));
    if (faulty.size > 0) {
      const names = [...faulty].map((i) => table.columns[i]).join(', ');
      warnings.push(`${faulty.size} column(s) skipped, identical to one another on every row (export fault): ${names}`);
    }
    const out = new CheckedRows(today);
    for (const row of table.rows) {
      const knownAt = cryptoDailyKnownAt(row.date);
      const cells: CellObservation[] = [];
      row.values.forEach((value, i) => {
        const key = keys[i];
        if (value === null || faulty.has(i) || !key) return;
        cells.push({
          column: table.columns[i]!,
          observation: {
            dataset: 'exchange-oi',
            field: 'openInterestUsd',
            asset: 'MULTI',
            key,
            date: row.date,
            value,
            knownAt,
          },
        });
      });
      out.addRow(row.line, cells);
    }
    return {
      source: 'artemis',
      observations: out.observations,
      rejects: [...table.rejects, ...out.rejects].sort((a, b) => a.line - b.line),
      warnings,
    };
  },
};
