// Series names of the generic long CSV: `<dataset>.<field>` from the catalog (datasets.ts), and the
// rule for which asset a row belongs to when the file does not say.
import type { Asset } from '../../domain/assets.js';
import { DATASETS, isDatasetName, isFieldOf, type DatasetName } from '../../domain/datasets.js';

/**
 * Datasets whose asset is implied, so a row may leave `asset` blank (or omit the column):
 * equity bars and equity-ETF flows are EQUITY, per-exchange OI over all coins is MULTI.
 * Every other dataset is per coin and needs an explicit asset.
 */
export const IMPLIED_ASSETS: Readonly<Partial<Record<DatasetName, Asset>>> = {
  equity: 'EQUITY',
  'equity-etf-flows': 'EQUITY',
  'exchange-oi': 'MULTI',
};

/** Every valid series name, e.g. "etf-flows.netFlowUsd", in catalog order. */
export const SERIES_NAMES: readonly string[] = Object.entries(DATASETS).flatMap(([dataset, spec]) =>
  Object.keys(spec.fields).map((field) => `${dataset}.${field}`),
);

export type SeriesResult = { ok: true; dataset: DatasetName; field: string } | { ok: false; message: string };

/**
 * Splits a series name at its last dot and checks it against the catalog. An unknown dataset lists
 * every valid series; a known dataset with an unknown field lists that dataset's series.
 * Example: resolveSeries("perp.fundingRate8h") → { ok: true, dataset: "perp", field: "fundingRate8h" }.
 */
export function resolveSeries(series: string): SeriesResult {
  const dot = series.lastIndexOf('.');
  const dataset = dot > 0 ? series.slice(0, dot) : series;
  const field = dot > 0 ? series.slice(dot + 1) : '';
  if (!isDatasetName(dataset)) {
    return { ok: false, message: `unknown series "${series}"; valid series: ${SERIES_NAMES.join(', ')}` };
  }
  if (!isFieldOf(dataset, field)) {
    const own = Object.keys(DATASETS[dataset].fields).map((f) => `${dataset}.${f}`);
    return { ok: false, message: `unknown series "${series}"; valid series of ${dataset}: ${own.join(', ')}` };
  }
  return { ok: true, dataset, field };
}
