// Reads what the signal engine needs for one asset out of a Store, as known at a date, and turns
// it into typed MarketSeries (preferred source per field, aggregates across venues, dollar volume).
import type { AnalysedAsset } from '../domain/assets.js';
import { coinsPerContract as contractSize } from '../domain/cme-contracts.js';
import { CME_CONTRACT, perpVenuesFor } from '../domain/series-sources.js';
import { addDays, asOfCutoff, daysBetween, todayUtc } from '../domain/dates.js';
import type { DatasetName } from '../domain/datasets.js';
import type { MarketEvent } from '../domain/events.js';
import type { CmeDay, CotWeek, DatedValue, FundFlow, MarketSeries, TreasuryCompany } from '../domain/market-series.js';
import { findFund } from '../domain/etf-funds.js';
import { compareText } from '../domain/compare-text.js';
import { DEFAULT_LOOKBACK_DAYS } from '../domain/slice-market-series.js';
import { cachedSeries, seriesCacheKey } from './market-series-cache.js';
import type { ObservationQuery, Store } from './store.js';
import { ObservationText, type ObservationColumns } from './observation-columns.js';
import {
  acrossKeys,
  anySeries,
  dailyBars,
  fieldsByDate,
  fieldValues,
  keysInRowOrder,
  seriesMask,
} from './series-from-columns.js';
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
 * then a fresher source (CoinGecko) — chosen, and labelled in the analysis's freshness. `spot`: the
 * spot rows of every venue (keyed by venue); without any close, the venue of the first row.
 */
export function freshestSpotSource(spot: ObservationColumns): string | undefined {
  const lastDay = new Map<string, number>();
  const isClose = seriesMask(spot, (s) => s.field === 'close');
  for (let i = 0; i < spot.days.length; i++) {
    const s = spot.seriesOf[i]!;
    if (!isClose[s]) continue;
    const venue = spot.series[s]!.key;
    const last = lastDay.get(venue);
    if (last === undefined || spot.days[i]! > last) lastDay.set(venue, spot.days[i]!);
  }
  const text = new ObservationText();
  const lastDate = new Map([...lastDay].map(([venue, day]) => [venue, text.date(day)]));
  return chooseSpotSource(lastDate) ?? keysInRowOrder(spot)[0];
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
  // All in one store call: one pass over the store instead of one per dataset.
  const query = (
    dataset: DatasetName,
    narrow: { fields?: readonly string[]; keys?: readonly string[] } = {},
  ): ObservationQuery => ({ dataset, asset, from, asOf, ...narrow });
  // The spot venue is chosen from each venue's last close (freshestSpotSource's rule) before reading,
  // so that only its rows are read: on the real data the other venue is ~30,000 of ~136,000 rows.
  // Without any close the venue is chosen from all spot rows afterwards, as before.
  const chosenVenue =
    options.spotSource ?? chooseSpotSource(await store.lastDatesByKey(query('spot', { fields: ['close'] })));
  const queries = {
    flows: query('etf-flows'),
    aum: query('etf-aum'),
    holdings: query('etf-holdings'),
    spotRows: chosenVenue === undefined ? query('spot') : query('spot', { keys: [chosenVenue] }),
    perpRows: query('perp', { fields: PERP_FIELDS }),
    cmeRows: query('cme', { keys: [CME_CONTRACT], fields: CME_FIELDS }),
    basisRows: query('cme-basis'),
    cotRows: query('cot', { fields: COT_FIELDS }),
    treasuryRows: query('treasury'),
    equityFlowRows: { dataset: 'equity-etf-flows', from, asOf },
    equityRows: { dataset: 'equity', asset: 'EQUITY', keys: ['MSTR'], from, asOf },
  } satisfies Record<string, ObservationQuery>;
  const names = Object.keys(queries) as (keyof typeof queries)[];
  const sets = await store.readColumns(names.map((name) => queries[name]));
  const read = Object.fromEntries(names.map((name, i) => [name, sets[i]!])) as Record<
    keyof typeof queries,
    ObservationColumns
  >;
  const { flows, aum, holdings, spotRows, perpRows, cmeRows, basisRows, cotRows, treasuryRows } = read;
  const { equityFlowRows, equityRows } = read;
  // One text cache for the whole load: every item of one date holds the same string.
  const text = new ObservationText();
  const all = [flows, aum, spotRows, perpRows, cmeRows];
  // Simulated is a property of the store's data for the asset, not of the date: a date before the
  // simulated history is still an analysis of simulated data (and merges no real calendar events),
  // so a series sliced to an earlier date from a later load says the same (slice-market-series.ts).
  const simulated =
    all.some((columns) => anySeries(columns, (s) => s.source === SIM_SOURCE)) ||
    (await holdsSimulatedData(store, asset));

  const etfFlows: FundFlow[] = [];
  {
    const issuerOf = flows.series.map((s) =>
      s.field === 'netFlowUsd' ? (findFund(asset, s.key)?.issuer ?? 'unknown') : null,
    );
    const { series, seriesOf, days, values: netFlows, knownAtMs } = flows;
    for (let i = 0; i < seriesOf.length; i++) {
      const issuer = issuerOf[seriesOf[i]!];
      if (issuer === null || issuer === undefined) continue;
      etfFlows.push({
        date: text.date(days[i]!),
        fund: series[seriesOf[i]!]!.key,
        issuer,
        netFlowUsd: netFlows[i]!,
        knownAt: text.instant(knownAtMs[i]!),
      });
    }
  }

  const spotVenue = chosenVenue ?? freshestSpotSource(spotRows);
  const spot = spotVenue
    ? dailyBars(
        spotRows,
        seriesMask(spotRows, (s) => s.key === spotVenue),
        text,
      )
    : [];

  const perpField = (field: string, how: 'sum' | 'mean'): DatedValue[] => {
    const venues = perpVenuesFor(new Set(perpRows.series.filter((s) => s.field === field).map((s) => s.key)));
    if (venues.length === 1) return fieldValues(perpRows, field, text, venues[0]!);
    return venues.length > 0 ? acrossKeys(perpRows, field, venues, how, text) : [];
  };

  const coinsPerContract = contractSize(asset, 'front') ?? 1;
  // Open interest is published after the day's prices: it keeps its own knownAt so a slice to an
  // earlier as-of date can show the bar without it, exactly as a load at that date does.
  const cmeOi = new Map(
    fieldsByDate(
      cmeRows,
      seriesMask(cmeRows, (s) => s.key === CME_CONTRACT && s.field === 'openInterestContracts'),
    ).map((d) => [text.date(d.day), d]),
  );
  const cmeBars = dailyBars(
    cmeRows,
    seriesMask(cmeRows, (s) => s.key === CME_CONTRACT && s.field !== 'openInterestContracts'),
    text,
  );
  // Each day is the bar, its volume in USD from contracts, then the open interest: keys added in the
  // order a spread of the bar would give them.
  const cme: CmeDay[] = cmeBars.map((bar) => {
    const oi = cmeOi.get(bar.date);
    const oiKnownAt = oi === undefined ? undefined : text.instant(oi.knownAtMs);
    const oiLater = oiKnownAt !== undefined && bar.knownAt !== undefined && oiKnownAt > bar.knownAt;
    const day: { -readonly [K in keyof CmeDay]?: CmeDay[K] } = {
      date: bar.date,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volumeUsd: bar.volumeUnits !== null ? bar.volumeUnits * coinsPerContract * bar.close : null,
      volumeUnits: bar.volumeUnits,
      knownAt: bar.knownAt,
    };
    if (bar.volumeKnownAt !== undefined) day.volumeKnownAt = bar.volumeKnownAt;
    day.openInterestContracts = oi?.fields['openInterestContracts'] ?? null;
    if (oiLater) day.openInterestKnownAt = oiKnownAt;
    day.coinsPerContract = coinsPerContract;
    return day as CmeDay;
  });

  const cot: CotWeek[] = fieldsByDate(
    cotRows,
    seriesMask(cotRows, () => true),
  ).flatMap(({ day, fields, knownAtMs }) => {
    const { openInterestCoins, leveragedFundsNetCoins, assetManagersNetCoins, dealersNetCoins } = fields;
    if (openInterestCoins === undefined || leveragedFundsNetCoins === undefined || assetManagersNetCoins === undefined)
      return [];
    return [
      {
        date: text.date(day),
        openInterestCoins,
        leveragedFundsNetCoins,
        assetManagersNetCoins,
        dealersNetCoins: dealersNetCoins ?? 0,
        knownAt: text.instant(knownAtMs),
      },
    ];
  });

  const treasuries: TreasuryCompany[] = keysInRowOrder(treasuryRows).map((company) => ({
    company,
    coinsHeld: fieldValues(treasuryRows, 'coinsHeld', text, company),
    mnav: fieldValues(treasuryRows, 'mnav', text, company),
  }));

  const equityScopes = keysInRowOrder(equityFlowRows);
  const scope = equityScopes.includes('global') ? 'global' : equityScopes[0];
  const events = mergeEvents(storedEvents, simulated ? [] : (options.shippedEvents ?? []), asOf, from);

  return {
    asset,
    asOf,
    simulated,
    etfFlows,
    etfAumUsd: acrossKeys(aum, 'aumUsd', keysInRowOrder(aum), 'sum', text),
    etfHoldingsCoins: fieldValues(holdings, 'holdingsCoins', text),
    spot,
    ...(spotVenue ? { spotSource: spotVenue } : {}),
    openInterestUsd: perpField('openInterestUsd', 'sum'),
    fundingRate8h: perpField('fundingRate8h', 'mean'),
    leverageRatio: perpField('leverageRatio', 'mean'),
    longLiquidationsUsd: perpField('longLiquidationsUsd', 'sum'),
    shortLiquidationsUsd: perpField('shortLiquidationsUsd', 'sum'),
    cme,
    cmeBasisUsd: fieldValues(basisRows, 'basisUsd', text),
    cot,
    treasuries,
    equityEtfFlowsUsd: scope !== undefined ? fieldValues(equityFlowRows, 'netFlowUsd', text, scope) : [],
    treasuryStock: dailyBars(
      equityRows,
      seriesMask(equityRows, () => true),
      text,
    ),
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
  return [...byId.values()].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
}
