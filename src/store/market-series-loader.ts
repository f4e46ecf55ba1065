// Reads what the signal engine needs for one asset out of a Store, as known at a date, and turns
// it into typed MarketSeries (preferred source per field, aggregates across venues, dollar volume).
import type { AnalysedAsset } from '../domain/assets.js';
import { coinsPerContract as contractSize } from '../domain/cme-contracts.js';
import { CME_CONTRACT, dollarVolumeUsd, perpVenuesFor } from '../domain/series-sources.js';
import { addDays, asOfCutoff, daysBetween, todayUtc } from '../domain/dates.js';
import type { DatasetName } from '../domain/datasets.js';
import type { MarketEvent } from '../domain/events.js';
import type {
  CmeDay,
  CotWeek,
  DailyBar,
  DatedValue,
  FundFlow,
  MarketSeries,
  TreasuryCompany,
} from '../domain/market-series.js';
import { findFund } from '../domain/etf-funds.js';
import { DEFAULT_LOOKBACK_DAYS } from '../domain/slice-market-series.js';
import { cachedSeries, seriesCacheKey } from './market-series-cache.js';
import type { Store, StoredObservation } from './store.js';
import { MAX_AGE_DAYS } from '../domain/freshness.js';

export interface LoadOptions {
  readonly asset: AnalysedAsset;
  /** Only what was known by the end of this UTC date. Default: see `defaultAsOf`. */
  readonly asOf?: string;
  /** How far back to read, in calendar days (default: the whole history, FULL_HISTORY_DAYS). */
  readonly lookbackDays?: number;
  /** Events that ship with Tidemark (the calendar), merged with stored events for real data. */
  readonly shippedEvents?: readonly MarketEvent[];
  /** Reuse a series loaded before for the same inputs while the store is unchanged (default true). */
  readonly cache?: boolean;
  /** Read spot bars from this source (default: freshestSpotSource). */
  readonly spotSource?: string;
}

const SIM_SOURCE = 'tidemark-sim';
/** Preferred spot venues, best first: CryptoQuant's aggregate has coin volume; CoinGecko has USD volume. */
const SPOT_PREFERENCE = ['cryptoquant', 'coingecko', 'sim', 'binance'];

/**
 * One spot series per asset, the whole history from one source (never spliced, so volumes keep one
 * scale): among the sources whose latest bar is within the spot freshness allowance (MAX_AGE_DAYS,
 * 3 days) of the freshest one, the first in SPOT_PREFERENCE. CryptoQuant until its export stops,
 * then a fresher source (CoinGecko) — chosen, and labelled in the analysis's freshness.
 */
export function freshestSpotSource(spotByVenue: ReadonlyMap<string, readonly StoredObservation[]>): string | undefined {
  const lastDate = new Map<string, string>();
  for (const [venue, rows] of spotByVenue) {
    let last = '';
    for (const r of rows) if (r.field === 'close' && r.date > last) last = r.date;
    if (last !== '') lastDate.set(venue, last);
  }
  return chooseSpotSource(lastDate) ?? [...spotByVenue.keys()][0];
}

/** The rule of freshestSpotSource on each source's latest close date (undefined without any). */
export function chooseSpotSource(lastDate: ReadonlyMap<string, string>): string | undefined {
  const freshest = [...lastDate.values()].sort().at(-1);
  if (freshest === undefined) return undefined;
  const current = [...lastDate].filter(([, d]) => daysBetween(d, freshest) <= MAX_AGE_DAYS.spot.days).map(([v]) => v);
  const rank = (v: string): number => {
    const i = SPOT_PREFERENCE.indexOf(v);
    return i < 0 ? SPOT_PREFERENCE.length : i;
  };
  return current.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
}

/**
 * The spot source a load at each of `dates` (ascending) would choose, as runs of consecutive dates:
 * the replay reads each run from a history of that source, so it matches single-date analyses.
 */
export async function spotSourceRuns(
  store: Store,
  asset: AnalysedAsset,
  dates: readonly string[],
): Promise<{ source: string | undefined; dates: string[] }[]> {
  const last = dates.at(-1);
  if (last === undefined) return [];
  const rows = await store.read({ dataset: 'spot', asset, fields: ['close'], asOf: last });
  const byVenue = new Map<string, { date: string; knownAt: string }[]>();
  for (const r of rows) {
    const list = byVenue.get(r.key) ?? [];
    list.push({ date: r.date, knownAt: r.knownAt });
    byVenue.set(r.key, list);
  }
  // Per venue: latest date known at each cut-off, by scanning the rows in publication order.
  const venues = [...byVenue].map(([venue, list]) => ({
    venue,
    list: list.sort((a, b) => (a.knownAt < b.knownAt ? -1 : a.knownAt > b.knownAt ? 1 : 0)),
    next: 0,
    lastDate: '',
  }));
  const runs: { source: string | undefined; dates: string[] }[] = [];
  for (const date of dates) {
    const cutoff = asOfCutoff(date);
    const known = new Map<string, string>();
    for (const v of venues) {
      while (v.next < v.list.length && v.list[v.next]!.knownAt < cutoff) {
        const d = v.list[v.next]!.date;
        if (d <= date && d > v.lastDate) v.lastDate = d;
        v.next += 1;
      }
      if (v.lastDate !== '') known.set(v.venue, v.lastDate);
    }
    const source = chooseSpotSource(known);
    const run = runs.at(-1);
    if (run && run.source === source) run.dates.push(date);
    else runs.push({ source, dates: [date] });
  }
  return runs;
}

/** Fields of the perp, CME and COT datasets that the MarketSeries carries. */
const PERP_FIELDS = [
  'openInterestUsd',
  'fundingRate8h',
  'leverageRatio',
  'longLiquidationsUsd',
  'shortLiquidationsUsd',
];
const CME_FIELDS = [
  'open',
  'high',
  'low',
  'close',
  'volumeUsd',
  'volumeCoins',
  'volumeShares',
  'volumeContracts',
  'openInterestContracts',
];
const COT_FIELDS = ['openInterestCoins', 'leveragedFundsNetCoins', 'assetManagersNetCoins', 'dealersNetCoins'];

type Rows = readonly StoredObservation[];

function groupByKey(rows: Rows): Map<string, StoredObservation[]> {
  const out = new Map<string, StoredObservation[]>();
  for (const r of rows) {
    const list = out.get(r.key);
    if (list) list.push(r);
    else out.set(r.key, [r]);
  }
  return out;
}

function values(rows: Rows, field: string): DatedValue[] {
  return rows.filter((r) => r.field === field).map((r) => ({ date: r.date, value: r.value, knownAt: r.knownAt }));
}

/** Per date, the rows' fields as a record (rows of one key). */
function byDate(rows: Rows): Map<string, { fields: Record<string, number>; knownAt: string }> {
  const out = new Map<string, { fields: Record<string, number>; knownAt: string }>();
  for (const r of rows) {
    let day = out.get(r.date);
    if (!day) {
      day = { fields: {}, knownAt: r.knownAt };
      out.set(r.date, day);
    }
    day.fields[r.field] = r.value;
    if (r.knownAt > day.knownAt) day.knownAt = r.knownAt;
  }
  return out;
}

/** Calendar days a key's last value stands in for a missing day in a cross-key sum or mean. */
export const CARRY_FORWARD_DAYS = 5;

/**
 * Sums (or averages) one field across `keys` per date, over the keys present on each date: a date
 * that any key reports counts. A key missing on a date contributes its last earlier value when that
 * value is at most CARRY_FORWARD_DAYS (5) calendar days old and the date is not past the key's own
 * last date (a fund that closed or stopped reporting drops out); otherwise it is left out. So a
 * fund launched later joins the total from its first date instead of erasing the earlier totals.
 * The result's knownAt is the latest knownAt of the values used.
 */
export function acrossKeys(rows: Rows, field: string, keys: readonly string[], how: 'sum' | 'mean'): DatedValue[] {
  const wanted = new Set(keys);
  const perKey = new Map<string, Map<string, { value: number; knownAt: string }>>();
  const dates = new Set<string>();
  for (const r of rows) {
    if (r.field !== field || !wanted.has(r.key)) continue;
    let series = perKey.get(r.key);
    if (!series) perKey.set(r.key, (series = new Map()));
    series.set(r.date, { value: r.value, knownAt: r.knownAt });
    dates.add(r.date);
  }
  const sortedDates = [...dates].sort();
  const keySeries = [...perKey.values()].map((series) => ({ series, last: [...series.keys()].sort().at(-1)! }));
  const carried: ({ date: string; value: number; knownAt: string } | null)[] = keySeries.map(() => null);
  const out: DatedValue[] = [];
  for (const date of sortedDates) {
    let total = 0;
    let n = 0;
    let knownAt = '';
    keySeries.forEach((k, i) => {
      const today = k.series.get(date);
      if (today) carried[i] = { date, ...today };
      const use = carried[i];
      if (!use || date > k.last || daysBetween(use.date, date) > CARRY_FORWARD_DAYS) return;
      total += use.value;
      n += 1;
      if (use.knownAt > knownAt) knownAt = use.knownAt;
    });
    if (n > 0) out.push({ date, value: how === 'sum' ? total : total / n, knownAt });
  }
  return out;
}

const PRICE_FIELDS = new Set(['open', 'high', 'low', 'close']);
const VOLUME_FIELDS = new Set(['volumeUsd', 'volumeCoins', 'volumeShares', 'volumeContracts']);

/**
 * Daily bars from rows of one key: a bar is known when its prices are; volume published later
 * keeps its own time in `volumeKnownAt` (so slicing to an earlier as-of can drop just the volume).
 */
function toBars(rows: Rows): DailyBar[] {
  const prices = byDate(rows.filter((r) => PRICE_FIELDS.has(r.field)));
  const volumes = byDate(rows.filter((r) => VOLUME_FIELDS.has(r.field)));
  const out: DailyBar[] = [];
  for (const [date, { fields, knownAt }] of [...prices].sort(([a], [b]) => a.localeCompare(b))) {
    const { open, high, low, close } = fields;
    if (open === undefined || high === undefined || low === undefined || close === undefined) continue;
    const volume = volumes.get(date);
    const v = volume?.fields ?? {};
    const units = v['volumeCoins'] ?? v['volumeShares'] ?? v['volumeContracts'] ?? null;
    const volumeUsd = dollarVolumeUsd(v['volumeUsd'] ?? null, units, close);
    const volumeLater = volume !== undefined && volume.knownAt > knownAt;
    out.push({
      date,
      open,
      high,
      low,
      close,
      volumeUsd,
      volumeUnits: units,
      knownAt,
      ...(volumeLater ? { volumeKnownAt: volume.knownAt } : {}),
    });
  }
  return out;
}

/** The default as-of date and why it was chosen (for the CLI to say). */
export interface DefaultAsOf {
  readonly asOf: string;
  readonly reason: string;
}

/**
 * The as-of date used when none is given: the latest date at which the core inputs — the spot price
 * and, where the asset has them, ETF flows — are both current (the day after the older of their
 * latest dates), capped at today. A later --as-of is allowed: the inputs that stop earlier are then
 * marked stale and left out of the judgment.
 */
export async function defaultAsOfWithReason(store: Store, asset: AnalysedAsset): Promise<DefaultAsOf> {
  const [spot, flows] = [
    await store.lastDate({ dataset: 'spot', asset }),
    await store.lastDate({ dataset: 'etf-flows', asset }),
  ];
  const today = todayUtc();
  const known = [spot, flows].filter((d): d is string => d !== null).sort();
  const core = known[0];
  if (core === undefined) return { asOf: today, reason: `no ${asset} spot or ETF-flow data: today` };
  const next = addDays(core, 1);
  const asOf = next < today ? next : today;
  const parts = [spot ? `spot price to ${spot}` : null, flows ? `ETF flows to ${flows}` : null].filter(Boolean);
  return {
    asOf,
    reason:
      known.length > 1
        ? `the latest date at which the core inputs are both current (${parts.join(', ')})`
        : `the day after the latest ${parts[0]}`,
  };
}

/** The default as-of date (see defaultAsOfWithReason). */
export async function defaultAsOf(store: Store, asset: AnalysedAsset): Promise<string> {
  return (await defaultAsOfWithReason(store, asset)).asOf;
}

/**
 * Loads the MarketSeries of `asset` as known at `asOf` from the store (default as-of: see
 * `defaultAsOf`; lookback DEFAULT_LOOKBACK_DAYS). Unless `cache: false`, the last few series per
 * store are kept and handed out again (the same object; treat it as read-only) while the store's
 * revision is unchanged (see market-series-cache.ts).
 */
export async function loadMarketSeries(store: Store, options: LoadOptions): Promise<MarketSeries> {
  const asOf = options.asOf ?? (await defaultAsOf(store, options.asset));
  const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  const from = addDays(asOf, -lookbackDays);
  const read = async (): Promise<MarketSeries> =>
    readMarketSeries(store, options, asOf, from, await store.readEvents({ from, asOf }));
  if (options.cache === false) return read();
  const key = `${seriesCacheKey(options.asset, asOf, lookbackDays, options.shippedEvents)}|spot=${options.spotSource ?? ''}`;
  return cachedSeries(store, key, read);
}

async function readMarketSeries(
  store: Store,
  options: LoadOptions,
  asOf: string,
  from: string,
  storedEvents: readonly MarketEvent[],
): Promise<MarketSeries> {
  const { asset } = options;
  // Only the fields (and CME contract) the series use are read: fewer rows to window and convert.
  const read = (
    dataset: DatasetName,
    narrow: { fields?: readonly string[]; keys?: readonly string[] } = {},
  ): Promise<StoredObservation[]> => store.read({ dataset, asset, from, asOf, ...narrow });
  const [
    flows,
    aum,
    holdings,
    spotRows,
    perpRows,
    cmeRows,
    basisRows,
    cotRows,
    treasuryRows,
    equityFlowRows,
    equityRows,
  ] = await Promise.all([
    read('etf-flows'),
    read('etf-aum'),
    read('etf-holdings'),
    read('spot'),
    read('perp', { fields: PERP_FIELDS }),
    read('cme', { keys: [CME_CONTRACT], fields: CME_FIELDS }),
    read('cme-basis'),
    read('cot', { fields: COT_FIELDS }),
    read('treasury'),
    store.read({ dataset: 'equity-etf-flows', from, asOf }),
    store.read({ dataset: 'equity', asset: 'EQUITY', keys: ['MSTR'], from, asOf }),
  ]);
  const all = [flows, aum, spotRows, perpRows, cmeRows];
  // Simulated is a property of the store's data for the asset, not of the date: a date before the
  // simulated history is still an analysis of simulated data (and merges no real calendar events),
  // so a series sliced to an earlier date from a later load says the same (slice-market-series.ts).
  const simulated =
    all.some((rows) => rows.some((r) => r.source === SIM_SOURCE)) || (await holdsSimulatedData(store, asset));

  const etfFlows: FundFlow[] = flows
    .filter((r) => r.field === 'netFlowUsd')
    .map((r) => ({
      date: r.date,
      fund: r.key,
      issuer: findFund(asset, r.key)?.issuer ?? 'unknown',
      netFlowUsd: r.value,
      knownAt: r.knownAt,
    }));

  const spotByVenue = groupByKey(spotRows);
  const spotVenue = options.spotSource ?? freshestSpotSource(spotByVenue);
  const spot = spotVenue && spotByVenue.has(spotVenue) ? toBars(spotByVenue.get(spotVenue)!) : [];

  const perpByVenue = groupByKey(perpRows);
  const perpField = (field: string, how: 'sum' | 'mean'): DatedValue[] => {
    const carrying = new Set(
      [...perpByVenue].filter(([, rows]) => rows.some((r) => r.field === field)).map(([v]) => v),
    );
    const venues = perpVenuesFor(carrying);
    if (venues.length === 1) return values(perpByVenue.get(venues[0]!) ?? [], field);
    return venues.length > 0 ? acrossKeys(perpRows, field, venues, how) : [];
  };

  const cmeFront = cmeRows.filter((r) => r.key === CME_CONTRACT);
  const coinsPerContract = contractSize(asset, 'front') ?? 1;
  // Open interest is published after the day's prices: it keeps its own knownAt so a slice to an
  // earlier as-of date can show the bar without it, exactly as a load at that date does.
  const cmeOi = byDate(cmeFront.filter((r) => r.field === 'openInterestContracts'));
  const cme: CmeDay[] = toBars(cmeFront.filter((r) => r.field !== 'openInterestContracts')).map((bar) => {
    const oi = cmeOi.get(bar.date);
    const oiLater = oi !== undefined && bar.knownAt !== undefined && oi.knownAt > bar.knownAt;
    return {
      ...bar,
      volumeUsd: bar.volumeUnits !== null ? bar.volumeUnits * coinsPerContract * bar.close : null,
      openInterestContracts: oi?.fields['openInterestContracts'] ?? null,
      ...(oiLater ? { openInterestKnownAt: oi.knownAt } : {}),
      coinsPerContract,
    };
  });

  const cot: CotWeek[] = [...byDate(cotRows)]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([date, { fields, knownAt }]) => {
      const { openInterestCoins, leveragedFundsNetCoins, assetManagersNetCoins, dealersNetCoins } = fields;
      if (
        openInterestCoins === undefined ||
        leveragedFundsNetCoins === undefined ||
        assetManagersNetCoins === undefined
      )
        return [];
      return [
        {
          date,
          openInterestCoins,
          leveragedFundsNetCoins,
          assetManagersNetCoins,
          dealersNetCoins: dealersNetCoins ?? 0,
          knownAt,
        },
      ];
    });

  const treasuries: TreasuryCompany[] = [...groupByKey(treasuryRows)].map(([company, rows]) => ({
    company,
    coinsHeld: values(rows, 'coinsHeld'),
    mnav: values(rows, 'mnav'),
  }));

  const equityByScope = groupByKey(equityFlowRows);
  const scope = equityByScope.has('global') ? 'global' : [...equityByScope.keys()][0];
  const events = mergeEvents(storedEvents, simulated ? [] : (options.shippedEvents ?? []), asOf, from);

  return {
    asset,
    asOf,
    simulated,
    etfFlows,
    etfAumUsd: acrossKeys(aum, 'aumUsd', [...new Set(aum.map((r) => r.key))], 'sum'),
    etfHoldingsCoins: values(holdings, 'holdingsCoins'),
    spot,
    ...(spotVenue ? { spotSource: spotVenue } : {}),
    openInterestUsd: perpField('openInterestUsd', 'sum'),
    fundingRate8h: perpField('fundingRate8h', 'mean'),
    leverageRatio: perpField('leverageRatio', 'mean'),
    longLiquidationsUsd: perpField('longLiquidationsUsd', 'sum'),
    shortLiquidationsUsd: perpField('shortLiquidationsUsd', 'sum'),
    cme,
    cmeBasisUsd: values(basisRows, 'basisUsd'),
    cot,
    treasuries,
    equityEtfFlowsUsd: scope ? values(equityByScope.get(scope)!, 'netFlowUsd') : [],
    treasuryStock: toBars(equityRows),
    events,
  };
}

/** Whether the store holds simulated spot or ETF-flow rows for `asset` at any date (the simulator writes both). */
async function holdsSimulatedData(store: Store, asset: AnalysedAsset): Promise<boolean> {
  const [spot, flows] = await Promise.all([
    store.lastDate({ dataset: 'spot', asset, source: SIM_SOURCE }),
    store.lastDate({ dataset: 'etf-flows', asset, source: SIM_SOURCE }),
  ]);
  return spot !== null || flows !== null;
}

/** Stored events plus the shipped ones known by asOf and dated from `from` (the window stored events are read in). */
function mergeEvents(
  stored: readonly MarketEvent[],
  shipped: readonly MarketEvent[],
  asOf: string,
  from: string,
): MarketEvent[] {
  const cutoff = asOfCutoff(asOf);
  const byId = new Map<string, MarketEvent>();
  for (const e of shipped) if (e.knownAt < cutoff && e.date >= from) byId.set(e.id, e);
  for (const e of stored) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
