// CFTC Traders in Financial Futures (futures only) for CME Bitcoin + Micro Bitcoin, kept as a JSON
// cache (`cot-history.json`) with positions already converted to BTC. Dated by the report date
// (Tuesday); known at the same instant as the synced report (cotReportKnownAt), whatever the cache's
// availableAfter says.
import { dayOfWeek, todayUtc } from '../../domain/dates.js';
import { COT_KEY, cotCoins, cotReportKnownAt } from '../cftc/cot-report.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { jsonNumber, looksLikeCache, readJsonCache } from './cache-rows.js';

const ID = 'cftc-cot-json-cache';

export { COT_KEY };

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

export const cftcCotJsonCache: FileLayout = {
  id: ID,
  description:
    'CFTC TFF futures-only JSON cache (CME Bitcoin + Micro, positions in BTC) { rows[].metrics.leveragedMoney*Btc, ... }',
  detect({ head }) {
    return looksLikeCache(head, ['"leveragedMoney']) || looksLikeCache(head, ['"openInterestBtc"']);
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const cache = readJsonCache(ID, path, text, today);
    const out = new CheckedRows(today);
    let notTuesday = 0;
    let laterThanCache = 0;
    for (const row of cache.rows) {
      const knownAt = cotReportKnownAt(row.date);
      // The cache's conservative Saturday 00:00 UTC is ignored; a cache that knows of a later release
      // than our schedule (more than a day after it) is worth a look, so it is counted.
      if (Date.parse(row.availableAfter) - Date.parse(knownAt) > 86_400_000) laterThanCache++;
      const cells: CellObservation[] = [];
      let bad = false;
      for (const [metric, field] of Object.entries(METRIC_FIELDS)) {
        const raw = row.metrics[metric];
        const n = jsonNumber(raw);
        if (!n.ok) {
          cache.reject(row.index, `metrics.${metric}`, raw === undefined ? 'missing' : n.message);
          bad = true;
          continue;
        }
        cells.push({
          column: `rows[${row.index}].metrics.${metric}`,
          raw: String(n.value),
          observation: {
            dataset: 'cot',
            field,
            asset: 'BTC',
            key: COT_KEY,
            date: row.date,
            value: cotCoins(n.value),
            knownAt,
          },
        });
      }
      if (bad) continue;
      if (out.addRow(cache.lineOf(row.index), cells, { date: `rows[${row.index}].date` }) && dayOfWeek(row.date) !== 2)
        notTuesday++;
    }
    cache.addRejects(out.rejects);
    const warnings: string[] = [];
    if (notTuesday > 0) warnings.push(`${notTuesday} report date(s) not on a Tuesday (holiday weeks); kept as dated`);
    if (laterThanCache > 0)
      warnings.push(
        `${laterThanCache} row(s) whose availableAfter is more than a day after the CFTC schedule's release; the schedule is used`,
      );
    return {
      source: 'cftc',
      observedAt: cache.fetchedAt,
      observations: out.observations,
      rejects: cache.sortedRejects(),
      warnings,
    };
  },
};
