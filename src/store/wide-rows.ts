// Pivoting stored observations (one number per row) into wide rows (one row per date and key,
// one column per field) for exports and the API.
import { DATASETS, type DatasetName } from '../domain/datasets.js';
import type { StoredObservation } from './store.js';

export interface WideTable {
  /** Column names: date, [asset,] the dataset's key name, then fields in snake_case. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** netFlowUsd → net_flow_usd. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The field of `dataset` that a column name or field name means, in any case: `net_flow_usd`,
 * `netFlowUsd` and `NET_FLOW_USD` all give `netFlowUsd` for etf-flows; undefined when none does.
 */
export function fieldForColumn(dataset: DatasetName, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return Object.keys(DATASETS[dataset].fields).find((f) => f.toLowerCase() === wanted || snakeCase(f) === wanted);
}

/** The CSV column names of a dataset's fields, in catalog order: ['net_flow_usd'] for etf-flows. */
export function fieldColumns(dataset: DatasetName): string[] {
  return Object.keys(DATASETS[dataset].fields).map(snakeCase);
}

/**
 * Pivots observations of one dataset into rows ordered by date then key. Fields present in no row
 * are left out; a field missing on one row is null. `withAsset` adds an asset column after date.
 */
export function toWideTable(
  dataset: DatasetName,
  observations: readonly StoredObservation[],
  withAsset: boolean,
): WideTable {
  const spec = DATASETS[dataset];
  const present = new Set(observations.map((o) => o.field));
  const fields = Object.keys(spec.fields).filter((f) => present.has(f));
  const byRow = new Map<string, { date: string; asset: string; key: string; values: (number | null)[] }>();
  for (const o of observations) {
    const id = `${o.date}|${o.asset}|${o.key}`;
    let row = byRow.get(id);
    if (!row) {
      row = { date: o.date, asset: o.asset, key: o.key, values: fields.map(() => null) };
      byRow.set(id, row);
    }
    row.values[fields.indexOf(o.field)] = o.value;
  }
  const ordered = [...byRow.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.asset.localeCompare(b.asset) || a.key.localeCompare(b.key),
  );
  return {
    columns: ['date', ...(withAsset ? ['asset'] : []), spec.keyName, ...fields.map(snakeCase)],
    rows: ordered.map((r) => [r.date, ...(withAsset ? [r.asset] : []), r.key, ...r.values]),
  };
}

/** Renders a wide table as CSV (RFC 4180 quoting where needed; null as an empty cell). */
export function wideTableToCsv(table: WideTable): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [table.columns.join(','), ...table.rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
