// CFTC Traders in Financial Futures (futures only) for CME Bitcoin + Micro Bitcoin, kept as a JSON
// cache (`cot-history.json`) with positions already converted to BTC. Dated by the report date
// (Tuesday); never known before the Friday publication.
import { dayOfWeek } from '../../domain/dates.js';
import { cotKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { jsonNumber, looksLikeCache, readJsonCache } from './cache-rows.js';

const ID = 'cftc-cot-json-cache';

/** The key stored observations carry: TFF report, CME Bitcoin plus Micro Bitcoin summed in BTC. */
export const COT_KEY = 'tff-btc+micro';

/** Cache metric (BTC) → stored `cot` field (coins). All are required in every row. */
const METRIC_FIELDS = {
  openInterestBtc: 'openInterestCoins',
  leveragedMoneyLongBtc: 'leveragedFundsLongCoins',
  leveragedMoneyShortBtc: 'leveragedFundsShortCoins',
  leveragedMoneyNetBtc: 'leveragedFundsNetCoins',
  assetManagerLongBtc: 'assetManagersLongCoins',
  assetManagerShortBtc: 'assetManagersShortCoins',
  assetManagerNetBtc: 'assetManagersNetCoins',
  dealerLongBtc: 'dealersLongCoins',
  dealerShortBtc: 'dealersShortCoins',
  dealerNetBtc: 'dealersNetCoins',
} as const;

/** Coins are rounded to 1e-8 (one satoshi) to drop float noise such as 11828.400000000001. */
const roundCoins = (v: number): number => Math.round(v * 1e8) / 1e8;

export const cftcCotJsonCache: FileLayout = {
  id: ID,
  description:
    'CFTC TFF futures-only JSON cache (CME Bitcoin + Micro, positions in BTC) { rows[].metrics.leveragedMoney*Btc, ... }',
  detect({ head }) {
    return looksLikeCache(head, ['"leveragedMoney']) || looksLikeCache(head, ['"openInterestBtc"']);
  },
  parse({ path, text }): ParsedFile {
    const cache = readJsonCache(ID, path, text);
    const observations: Observation[] = [];
    let notTuesday = 0;
    for (const row of cache.rows) {
      // Published Friday 15:30 New York: the later of the cache's own rule and ours.
      const official = cotKnownAt(row.date);
      const knownAt = row.availableAfter > official ? row.availableAfter : official;
      const rowObs: Observation[] = [];
      let bad = false;
      for (const [metric, field] of Object.entries(METRIC_FIELDS)) {
        const raw = row.metrics[metric];
        const n = jsonNumber(raw);
        if (!n.ok) {
          cache.reject(row.index, `metrics.${metric}`, raw === undefined ? 'missing' : n.message);
          bad = true;
          continue;
        }
        rowObs.push({
          dataset: 'cot',
          field,
          asset: 'BTC',
          key: COT_KEY,
          date: row.date,
          value: roundCoins(n.value),
          knownAt,
        });
      }
      if (bad) continue;
      if (dayOfWeek(row.date) !== 2) notTuesday++;
      observations.push(...rowObs);
    }
    const warnings =
      notTuesday > 0 ? [`${notTuesday} report date(s) not on a Tuesday (holiday weeks); kept as dated`] : [];
    return { source: 'cftc', observedAt: cache.fetchedAt, observations, rejects: cache.sortedRejects(), warnings };
  },
};
