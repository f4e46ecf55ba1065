// Farside BTC ETF flows kept as a JSON cache (`etf-flow-history.json`: metadata.fetchedAt, rows with
// metrics.fundFlowsUSDm per fund and totalFlowUSDm, US$ millions). Stores per-fund flows and
// Farside's total; the snapshot time (fetchedAt) lets a restated figure become a new version.
// Point-in-time: a row is known at the LATER of the cache's availableAfter (D+1 00:00 UTC) and our
// rule etfFlowKnownAt(D) (D+1 02:00 UTC), so the cache cannot make a flow visible earlier than the
// CSV/HTML importers do.
import type { Asset } from '../../domain/assets.js';
import { etfFlowKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { millionsToUsd } from '../cells.js';
import { findFund } from '../../domain/etf-funds.js';
import { assetOfFundColumns } from '../farside/asset-of-fund-columns.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { describeJsonValue, jsonNumber, looksLikeCache, readJsonCache } from './cache-rows.js';

const ID = 'farside-json-cache';

/** A row whose fund sum and total differ by more than this (US$m) is counted in a warning. */
const SUM_TOLERANCE_MILLIONS = 0.05;

export const farsideJsonCache: FileLayout = {
  id: ID,
  description:
    'Farside ETF flow JSON cache { metadata.fetchedAt, rows[].metrics.fundFlowsUSDm, totalFlowUSDm } (US$ millions)',
  detect({ head }) {
    return looksLikeCache(head, ['"totalFlowUSDm"']) || looksLikeCache(head, ['"fundFlowsUSDm"']);
  },
  parse({ path, text }): ParsedFile {
    const cache = readJsonCache(ID, path, text);
    const asset = assetOfCache(
      path,
      cache.rows.map((r) => r.metrics['fundFlowsUSDm']),
    );
    // Farside's "-" (fund not listed yet) is stored as 0 in this cache: a fund's zeros before its
    // first non-zero flow are dropped, so that they agree with the CSV/HTML tables (no figure).
    const firstFlow = new Map<string, string>();
    for (const row of cache.rows) {
      const funds = row.metrics['fundFlowsUSDm'];
      if (typeof funds !== 'object' || funds === null) continue;
      for (const [ticker, v] of Object.entries(funds))
        if (typeof v === 'number' && v !== 0 && !firstFlow.has(ticker)) firstFlow.set(ticker, row.date);
    }
    const observations: Observation[] = [];
    const leadingZeros = new Map<string, number>();
    const unknownTickers = new Set<string>();
    let sumMismatches = 0;
    for (const row of cache.rows) {
      const funds = row.metrics['fundFlowsUSDm'];
      if (typeof funds !== 'object' || funds === null || Array.isArray(funds)) {
        cache.reject(
          row.index,
          'metrics.fundFlowsUSDm',
          `expected an object of fund → US$m, found ${describeJsonValue(funds)}`,
        );
        continue;
      }
      const total = jsonNumber(row.metrics['totalFlowUSDm']);
      if (!total.ok) {
        cache.reject(
          row.index,
          'metrics.totalFlowUSDm',
          row.metrics['totalFlowUSDm'] === undefined ? 'missing' : total.message,
        );
        continue;
      }
      const official = etfFlowKnownAt(row.date);
      const knownAt = row.availableAfter > official ? row.availableAfter : official;
      const rowObs: Observation[] = [];
      let bad = false;
      let fundSum = 0;
      for (const [ticker, raw] of Object.entries(funds)) {
        const flow = jsonNumber(raw);
        if (!flow.ok) {
          cache.reject(row.index, `metrics.fundFlowsUSDm.${ticker}`, flow.message);
          bad = true;
          continue;
        }
        fundSum += flow.value;
        const first = firstFlow.get(ticker);
        if (flow.value === 0 && (first === undefined || row.date < first)) {
          leadingZeros.set(ticker, (leadingZeros.get(ticker) ?? 0) + 1);
          continue;
        }
        if (!findFund(asset, ticker)) unknownTickers.add(ticker);
        rowObs.push(flowObservation('etf-flows', asset, ticker, row.date, flow.value, knownAt));
      }
      if (bad) continue;
      if (Math.abs(fundSum - total.value) > SUM_TOLERANCE_MILLIONS) sumMismatches++;
      rowObs.push(flowObservation('etf-flows-total', asset, 'farside', row.date, total.value, knownAt));
      observations.push(...rowObs);
    }
    const warnings: string[] = [];
    if (!cache.fetchedAt)
      warnings.push('metadata.fetchedAt missing or not a timestamp: restated values are dated by import time');
    if (leadingZeros.size > 0) {
      const list = [...leadingZeros].map(
        ([t, n]) => `${t} ${n}${firstFlow.has(t) ? ` (before ${firstFlow.get(t)})` : ' (never non-zero)'}`,
      );
      warnings.push(`zero cells before a fund's first flow skipped as "not listed yet": ${list.join(', ')}`);
    }
    if (unknownTickers.size > 0)
      warnings.push(`funds not in the ${asset} line-up, imported as given: ${[...unknownTickers].join(', ')}`);
    if (sumMismatches > 0)
      warnings.push(
        `${sumMismatches} row(s) where the fund sum differs from totalFlowUSDm by more than ${SUM_TOLERANCE_MILLIONS} US$m`,
      );
    return { source: 'farside', observedAt: cache.fetchedAt, observations, rejects: cache.sortedRejects(), warnings };
  },
};

function flowObservation(
  dataset: 'etf-flows' | 'etf-flows-total',
  asset: Asset,
  key: string,
  date: string,
  millions: number,
  knownAt: string,
): Observation {
  return { dataset, field: 'netFlowUsd', asset, key, date, value: millionsToUsd(millions), knownAt };
}

/** The asset of the cache, voted from the fund tickers of its rows; throws when it cannot tell. */
function assetOfCache(path: string, fundObjects: readonly unknown[]): Asset {
  const tickers = new Set<string>();
  for (const f of fundObjects) if (typeof f === 'object' && f !== null) for (const t of Object.keys(f)) tickers.add(t);
  const asset = assetOfFundColumns([...tickers]);
  if (!asset)
    throw new ImportError(
      `${ID}: ${path}: cannot tell the asset from fund tickers ${[...tickers].join(', ') || '(none)'}`,
    );
  return asset;
}
