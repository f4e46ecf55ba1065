// An Artemis export read as a wide table: a date column, then one column per coin, fund, exchange
// or company. What every Artemis layout shares: naming each column's key once (a column that names
// nothing or repeats an earlier key is skipped with a warning) and turning the rows into checked
// observations, one file row at a time, with the table's rejects and the row checks' rejects in
// line order.
import type { Observation } from '../../domain/observation.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import type { ParsedFile } from '../layout.js';
import type { DatedTable } from '../vendor-csv/dated-table.js';

/** Each column's key (null = skipped) and the warnings that explain the skipped ones. */
export interface ColumnKeys {
  readonly keys: readonly (string | null)[];
  readonly warnings: readonly string[];
}

/**
 * Keys the columns with `keyOf`; `noun` names what a column holds in the warnings ("exchange",
 * "company"). An empty key or a key an earlier column took skips the column.
 */
export function uniqueColumnKeys(
  columns: readonly string[],
  keyOf: (column: string) => string,
  noun: string,
): ColumnKeys {
  const warnings: string[] = [];
  const taken = new Map<string, string>();
  const keys = columns.map((c) => {
    const key = keyOf(c);
    if (key === '') {
      warnings.push(`column ${JSON.stringify(c)} names no ${noun}: skipped`);
      return null;
    }
    const earlier = taken.get(key);
    if (earlier !== undefined) {
      warnings.push(`column ${JSON.stringify(c)} repeats ${noun} ${key} (column ${JSON.stringify(earlier)}): skipped`);
      return null;
    }
    taken.set(key, c);
    return key;
  });
  return { keys, warnings };
}

/** What a layout says about one cell: the observation, or null to skip it (no key, pre-launch zero …). */
export type CellReader = (value: number, column: number, date: string, knownAt: string) => Observation | null;

/**
 * The table's non-empty cells as observations (`readCell` decides each one), checked row by row;
 * knownAt from the row's date. Source `artemis`.
 */
export function wideTableFile(
  table: DatedTable,
  today: string,
  knownAtOf: (date: string) => string,
  readCell: CellReader,
  warnings: readonly string[],
): ParsedFile {
  const out = new CheckedRows(today);
  for (const row of table.rows) {
    const knownAt = knownAtOf(row.date);
    const cells: CellObservation[] = [];
    row.values.forEach((value, i) => {
      if (value === null) return;
      const observation = readCell(value, i, row.date, knownAt);
      if (observation) cells.push({ column: table.columns[i]!, observation });
    });
    out.addRow(row.line, cells);
  }
  return {
    source: 'artemis',
    observations: out.observations,
    rejects: [...table.rejects, ...out.rejects].sort((a, b) => a.line - b.line),
    warnings: [...warnings],
  };
}
