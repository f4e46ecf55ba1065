// Binance USD-M perpetual history kept as a JSON cache (`derivatives-history.json`, one symbol such
// as BTCUSDT): daily funding (raw fraction per 8h), premium index close and open interest. Open
// interest only exists for the last month (Binance serves no more), so absent metrics are skipped.
import { isAsset, type Asset } from '../../domain/assets.js';
import { todayUtc } from '../../domain/dates.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { jsonNumber, looksLikeCache, readJsonCache } from './cache-rows.js';

const ID = 'binance-derivatives-json-cache';

/** Cache metric → stored `perp` field. fundingRateDailyAvg is the mean of the day's 8h settlements. */
const METRIC_FIELDS = {
  fundingRateDailyAvg: 'fundingRate8h',
  openInterestUSD: 'openInterestUsd',
  openInterestBTC: 'openInterestCoins',
  premiumClose: 'premiumClose',
} as const;

export const binanceDerivativesJsonCache: FileLayout = {
  id: ID,
  description:
    'Binance USD-M perp JSON cache { metadata.symbol, rows[].metrics.fundingRateDailyAvg, premiumClose, openInterestUSD/BTC }',
  detect({ head }) {
    return looksLikeCache(head, ['"fundingRateDailyAvg"']);
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const cache = readJsonCache(ID, path, text, today);
    const symbol = cache.metadata['symbol'] ?? cache.rows[0]?.raw['symbol'];
    const asset = assetOfSymbol(symbol);
    if (!asset)
      throw new ImportError(
        `${ID}: ${path}: metadata.symbol ${JSON.stringify(symbol)} is not a USDT-margined perp of a known coin (e.g. "BTCUSDT")`,
      );
    const out = new CheckedRows(today);
    const missing = new Map<string, number>();
    let absentFunding = 0;
    for (const row of cache.rows) {
      for (const m of Array.isArray(row.raw['missingMetrics']) ? row.raw['missingMetrics'] : []) {
        if (typeof m === 'string') missing.set(m, (missing.get(m) ?? 0) + 1);
      }
      if (row.raw['symbol'] !== undefined && row.raw['symbol'] !== symbol) {
        cache.reject(
          row.index,
          'symbol',
          `row symbol ${JSON.stringify(row.raw['symbol'])} differs from the file's ${String(symbol)}`,
        );
        continue;
      }
      const cells: CellObservation[] = [];
      let bad = false;
      for (const [metric, field] of Object.entries(METRIC_FIELDS)) {
        const raw = row.metrics[metric];
        if (raw === undefined || raw === null) {
          if (metric === 'fundingRateDailyAvg') absentFunding++;
          continue;
        }
        const n = jsonNumber(raw);
        if (!n.ok) {
          cache.reject(row.index, `metrics.${metric}`, n.message);
          bad = true;
          continue;
        }
        cells.push({
          column: `rows[${row.index}].metrics.${metric}`,
          observation: {
            dataset: 'perp',
            field,
            asset,
            key: 'binance',
            date: row.date,
            value: n.value,
            knownAt: row.availableAfter,
          },
        });
      }
      if (!bad)
        out.addRow(cache.lineOf(row.index), cells, {
          date: `rows[${row.index}].date`,
          knownAt: `rows[${row.index}].availableAfter`,
        });
    }
    const warnings: string[] = [];
    if (missing.size > 0) {
      warnings.push(
        `metrics the cache lists as missing (rows): ${[...missing].map(([m, n]) => `${m} ${n}`).join(', ')}`,
      );
    }
    if (absentFunding > 0) warnings.push(`${absentFunding} row(s) without fundingRateDailyAvg`);
    cache.addRejects(out.rejects);
    return {
      source: 'binance',
      observedAt: cache.fetchedAt,
      observations: out.observations,
      rejects: cache.sortedRejects(),
      warnings,
    };
  },
};

/** "BTCUSDT" → "BTC"; null when the symbol is not a USDT/USDC/USD perp of a known coin. */
function assetOfSymbol(symbol: unknown): Asset | null {
  if (typeof symbol !== 'string') return null;
  const base = /^([A-Z]+?)(USDT|USDC|USD)$/.exec(symbol.toUpperCase())?.[1];
  return base && isAsset(base) && base !== 'MULTI' && base !== 'EQUITY' ? base : null;
}
