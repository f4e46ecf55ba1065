// CFTC Commitments of Traders, Traders in Financial Futures (futures only), from the CFTC's public
// Socrata API (dataset gpe5-46if): CME Bitcoin (code 133741, 5 BTC a contract) and Micro Bitcoin
// (133742, 0.1 BTC) converted to coins and summed per report date → `cot` (asset BTC).
import { addDays, isIsoDate } from '../../domain/dates.js';
import type { Observation } from '../../domain/observation.js';
import { COT_KEY, cotCoins, cotReportKnownAt } from '../cftc/cot-report.js';
import { SourceError } from '../errors.js';
import { incrementalStart, type Connector, type ConnectorResult, type SyncContext } from './connector.js';

export const COT_DATASET_PATH = '/resource/gpe5-46if.json';
export { COT_KEY };
/** CFTC contract market code → coins per contract. */
export const COT_CONTRACTS: Readonly<Record<string, number>> = { '133741': 5, '133742': 0.1 };
/** Rows per page (Socrata allows more; small pages keep responses light). */
export const COT_PAGE_SIZE = 1000;

/** Stored field → Socrata column names (first present wins; both spellings occur in CFTC datasets). */
const COLUMNS = {
  openInterestCoins: ['open_interest_all'],
  leveragedFundsLongCoins: ['lev_money_positions_long', 'lev_money_positions_long_all'],
  leveragedFundsShortCoins: ['lev_money_positions_short', 'lev_money_positions_short_all'],
  assetManagersLongCoins: ['asset_mgr_positions_long', 'asset_mgr_positions_long_all'],
  assetManagersShortCoins: ['asset_mgr_positions_short', 'asset_mgr_positions_short_all'],
  dealersLongCoins: ['dealer_positions_long_all', 'dealer_positions_long'],
  dealersShortCoins: ['dealer_positions_short_all', 'dealer_positions_short'],
} as const;
type CotField = keyof typeof COLUMNS;

/**
 * Turns Socrata TFF rows into `cot` observations: per report date, each contract's positions ×
 * coins per contract, summed across the bitcoin contracts, plus net = long − short per group.
 * Rows of other contract codes are ignored. A row with a bad report date or a missing or
 * non-numeric column is skipped, and so is its whole report date (a partial sum would be wrong):
 * each is named in `problems` (URL, date, code, column, value) when given, else thrown as a
 * SourceError. A non-object row is always a SourceError (not the CFTC's shape).
 */
export function cotObservations(rows: readonly unknown[], url: string, problems?: string[]): Observation[] {
  const byDate = new Map<string, Record<CotField, number>>();
  const broken = new Set<string>();
  const problem = (message: string): void => {
    if (!problems) throw new SourceError(message, 'cftc');
    problems.push(message);
  };
  for (const raw of rows) {
    if (typeof raw !== 'object' || raw === null) throw new SourceError(`cftc: ${url}: a row is not an object`, 'cftc');
    const row = raw as Record<string, unknown>;
    const code = String(row['cftc_contract_market_code'] ?? '').trim();
    const coins = COT_CONTRACTS[code];
    if (coins === undefined) continue;
    const date = /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(String(row['report_date_as_yyyy_mm_dd'] ?? ''))?.[1];
    if (!date || !isIsoDate(date)) {
      problem(
        `cftc: ${url}: row of contract ${code} has report_date_as_yyyy_mm_dd ${JSON.stringify(row['report_date_as_yyyy_mm_dd'])}, expected YYYY-MM-DD…`,
      );
      continue;
    }
    const sums =
      byDate.get(date) ?? (Object.fromEntries(Object.keys(COLUMNS).map((f) => [f, 0])) as Record<CotField, number>);
    for (const [field, names] of Object.entries(COLUMNS) as [CotField, readonly string[]][]) {
      const name = names.find((n) => row[n] !== undefined && row[n] !== null);
      const text = name === undefined ? undefined : row[name];
      const value = typeof text === 'number' || (typeof text === 'string' && text.trim() !== '') ? Number(text) : NaN;
      if (!Number.isFinite(value)) {
        problem(
          `cftc: ${url}: ${date} contract ${code}: column ${names[0]} is ${JSON.stringify(text)}, expected a number; report ${date} skipped`,
        );
        broken.add(date);
        break;
      }
      sums[field] += value * coins;
    }
    byDate.set(date, sums);
  }
  for (const date of broken) byDate.delete(date);
  const out: Observation[] = [];
  for (const [date, s] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const knownAt = cotReportKnownAt(date);
    const fields: Record<string, number> = {
      ...s,
      leveragedFundsNetCoins: s.leveragedFundsLongCoins - s.leveragedFundsShortCoins,
      assetManagersNetCoins: s.assetManagersLongCoins - s.assetManagersShortCoins,
      dealersNetCoins: s.dealersLongCoins - s.dealersShortCoins,
    };
    for (const [field, value] of Object.entries(fields)) {
      out.push({
        dataset: 'cot',
        field,
        asset: 'BTC',
        key: COT_KEY,
        date,
        value: cotCoins(value),
        knownAt,
      });
    }
  }
  return out;
}

/** The Socrata URL of one page of bitcoin TFF rows from `from` on. */
export function cotPageUrl(base: string, from: string, offset: number, limit = COT_PAGE_SIZE): string {
  const codes = Object.keys(COT_CONTRACTS)
    .map((c) => `'${c}'`)
    .join(',');
  const params = new URLSearchParams({
    $where: `cftc_contract_market_code in(${codes}) AND report_date_as_yyyy_mm_dd >= '${from}T00:00:00'`,
    $order: 'report_date_as_yyyy_mm_dd,cftc_contract_market_code',
    $limit: String(limit),
    $offset: String(offset),
  });
  return `${base}${COT_DATASET_PATH}?${params.toString()}`;
}

/** The CFTC connector; `pageSize` (default COT_PAGE_SIZE) is the Socrata $limit per request. */
export function makeCftcConnector(options: { pageSize?: number } = {}): Connector {
  const pageSize = options.pageSize ?? COT_PAGE_SIZE;
  return {
    name: 'cftc',
    description: 'CFTC Traders in Financial Futures, CME bitcoin contracts (weekly, coins)',
    async run(context: SyncContext): Promise<ConnectorResult> {
      const base = context.endpoints.cftc;
      if (!base) throw new SourceError('cftc: no endpoint configured', 'cftc');
      const warnings: string[] = [];
      if (!context.assets.includes('BTC'))
        return {
          batches: [],
          warnings: ['cftc: only CME bitcoin contracts are read; nothing to do for ' + context.assets.join(', ')],
        };
      // Reports are sometimes corrected the week after: re-read two weeks.
      const from = await incrementalStart(
        context,
        { dataset: 'cot', asset: 'BTC', key: COT_KEY, source: 'cftc' },
        { restateDays: 14, defaultStart: '2024-01-01' },
      );
      const rows: unknown[] = [];
      let url = cotPageUrl(base, from, 0, pageSize);
      for (let page = 0; ; page++) {
        url = cotPageUrl(base, from, page * pageSize, pageSize);
        const body = await context.http.getJson(url, {
          source: 'cftc',
          hint: 'The CFTC API may be down; retry later.',
        });
        if (!Array.isArray(body))
          throw new SourceError(`cftc: GET ${url}: expected a JSON array of rows, got ${typeof body}`, 'cftc');
        rows.push(...(body as unknown[]));
        context.progress?.(page + 1, page + 2, 'cftc');
        if (body.length < pageSize) break;
      }
      const observations = cotObservations(rows, url, warnings);
      if (observations.length === 0 && from < addDays(context.now.toISOString().slice(0, 10), -10)) {
        throw new SourceError(
          `cftc: ${base}${COT_DATASET_PATH} returned no bitcoin rows (codes ${Object.keys(COT_CONTRACTS).join(', ')}) since ${from}`,
          'cftc',
        );
      }
      return {
        batches: [
          {
            provenance: { source: 'cftc', origin: `${base}${COT_DATASET_PATH}`, observedAt: context.now.toISOString() },
            observations,
          },
        ],
        warnings,
      };
    },
  };
}

export const cftcConnector: Connector = makeCftcConnector();
