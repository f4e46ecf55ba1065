// Perp positioning (daily funding per 8 h, daily open interest) from Binance, Bybit and OKX via
// ccxt → `perp` key = venue; Binance also gives spot daily OHLCV → `spot` key "binance".
// Incremental: starts from the stored last date minus a few days, pages by time, de-duplicates.
import type { Exchange } from 'ccxt';
import type { AnalysedAsset } from '../../domain/assets.js';
import { addDays, dateToMs } from '../../domain/dates.js';
import type { IngestBatch } from '../../store/store.js';
import { SourceError } from '../errors.js';
import {
  eachPart,
  incrementalStart,
  todayUtc,
  type Connector,
  type ConnectorResult,
  type SyncContext,
} from './connector.js';
import { callVenue, VENUES, type VenueId, type VenueSpec } from './ccxt-venues.js';
import { pageByTime } from './page-by-time.js';
import {
  dailyCandles,
  dailyFundingRate8h,
  dailyObservations,
  dailyOpenInterest,
  type Candle,
  type FundingEvent,
  type OpenInterestPoint,
} from './perp-daily.js';

const DAY_MS = 86_400_000;
/** Venues revise the latest points rarely; re-read this many days before the stored last date. */
export const PERP_RESTATE_DAYS = 3;
/** Where history starts when nothing is stored and no --since is given. */
export const PERP_DEFAULT_START = '2024-01-01';

interface VenueRun {
  readonly context: SyncContext;
  readonly spec: VenueSpec;
  readonly exchange: Exchange;
  readonly hostUrl: string;
  readonly warnings: string[];
}

function call<T>(run: VenueRun, method: string, fn: () => Promise<T>): Promise<T> {
  // Counted with the HTTP client's requests so that `tidemark sync` shows one total per source.
  run.context.http.requests++;
  return callVenue(run.spec.id, method, fn, {
    retry: run.context.retry,
    limiter: run.context.http.limiter,
    hostUrl: run.hostUrl,
    exchange: run.exchange,
  });
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

async function fetchCandles(
  run: VenueRun,
  symbol: string,
  from: string,
  today: string,
  label: string,
): Promise<Candle[]> {
  return pageByTime(
    async ({ since, until, limit }) => {
      const rows = await call(run, `fetchOHLCV(${symbol})`, () =>
        run.exchange.fetchOHLCV(symbol, '1d', since, limit, { until }),
      );
      return rows.flatMap((r) => {
        const [timestamp, open, high, low, close, volume] = r.map(num);
        return timestamp !== undefined &&
          open !== undefined &&
          high !== undefined &&
          low !== undefined &&
          close !== undefined &&
          volume !== undefined
          ? [{ timestamp, open, high, low, close, volume }]
          : [];
      });
    },
    {
      from: dateToMs(from),
      to: dateToMs(today),
      limit: run.spec.limits.ohlcv,
      periodMs: DAY_MS,
      onPage: (p, n) => run.context.progress?.(p, n, label),
    },
  );
}

async function fetchFunding(run: VenueRun, symbol: string, from: string, today: string): Promise<FundingEvent[]> {
  return pageByTime(
    async ({ since, until, limit }) => {
      const rows = await call(run, `fetchFundingRateHistory(${symbol})`, () =>
        run.exchange.fetchFundingRateHistory(symbol, since, limit, run.spec.fundingUntil(until)),
      );
      return rows.flatMap((r) => {
        const timestamp = num(r.timestamp);
        const fundingRate = num(r.fundingRate);
        return timestamp !== undefined && fundingRate !== undefined ? [{ timestamp, fundingRate }] : [];
      });
    },
    {
      from: dateToMs(from),
      to: dateToMs(today) + DAY_MS,
      limit: run.spec.limits.funding,
      periodMs: 8 * 3_600_000,
      onPage: (p, n) => run.context.progress?.(p, n, `${run.spec.id} funding ${symbol}`),
    },
  );
}

async function fetchOpenInterest(
  run: VenueRun,
  symbol: string,
  from: string,
  today: string,
): Promise<OpenInterestPoint[]> {
  return pageByTime(
    async ({ since, until, limit }) => {
      const rows = await call(run, `fetchOpenInterestHistory(${symbol})`, () =>
        run.exchange.fetchOpenInterestHistory(symbol, '1d', since, limit, { until }),
      );
      return rows.flatMap((r) => {
        const timestamp = num(r.timestamp);
        return timestamp === undefined
          ? []
          : [{ timestamp, coins: num(r.openInterestAmount), usd: num(r.openInterestValue) }];
      });
    },
    // Snapshots at 00:00 of D+1 close day D: read one day past the start and up to today 00:00.
    {
      from: dateToMs(from) + DAY_MS,
      to: dateToMs(today) + 1,
      limit: run.spec.limits.openInterest,
      periodMs: DAY_MS,
      onPage: (p, n) => run.context.progress?.(p, n, `${run.spec.id} OI ${symbol}`),
    },
  );
}

async function syncAsset(run: VenueRun, asset: AnalysedAsset): Promise<IngestBatch[]> {
  const { context, spec, exchange } = run;
  const venue = spec.id;
  const today = todayUtc(context);
  const symbol = spec.perpSymbol(asset);
  const batches: IngestBatch[] = [];
  if (!exchange.markets?.[symbol]) {
    run.warnings.push(`${venue}: no market ${symbol}; ${asset} perp skipped`);
  } else {
    const from = await incrementalStart(
      context,
      { dataset: 'perp', asset, key: venue, source: venue },
      { restateDays: PERP_RESTATE_DAYS, defaultStart: PERP_DEFAULT_START },
    );
    const byField: Record<string, Map<string, number>> = {};
    if (exchange.has['fetchFundingRateHistory']) {
      byField['fundingRate8h'] = dailyFundingRate8h(await fetchFunding(run, symbol, from, today), today);
    } else run.warnings.push(`${venue}: ccxt has no fetchFundingRateHistory; funding skipped`);
    if (exchange.has['fetchOpenInterestHistory']) {
      const oldest = addDays(today, -spec.openInterestDays);
      const oiFrom = from < oldest ? oldest : from;
      if (oiFrom !== from && !context.since)
        run.warnings.push(
          `${venue} ${asset}: open-interest history only reaches back ${spec.openInterestDays} days (from ${oiFrom})`,
        );
      const oi = dailyOpenInterest(await fetchOpenInterest(run, symbol, oiFrom, today), today);
      const coins = new Map<string, number>();
      const usd = new Map<string, number>();
      let closes: Map<string, Candle> | null = null;
      for (const [date, p] of oi) {
        if (p.coins !== undefined) coins.set(date, p.coins);
        if (p.usd !== undefined) usd.set(date, p.usd);
        else if (p.coins !== undefined) {
          // The venue gives coins only (Bybit linear): value them at the perp's daily close.
          closes ??= dailyCandles(await fetchCandles(run, symbol, oiFrom, today, `${venue} ${symbol} closes`), today);
          const close = closes.get(date)?.close;
          if (close !== undefined) usd.set(date, Math.round(p.coins * close * 100) / 100);
        }
      }
      byField['openInterestCoins'] = coins;
      byField['openInterestUsd'] = usd;
    } else run.warnings.push(`${venue}: ccxt has no fetchOpenInterestHistory; open interest skipped`);
    batches.push({
      provenance: { source: venue, origin: `${venue} ${symbol}`, observedAt: context.now.toISOString() },
      observations: dailyObservations('perp', asset, venue, byField),
    });
  }
  if (venue === 'binance') {
    const spotSymbol = `${asset}/USDT`;
    if (!exchange.markets?.[spotSymbol]) run.warnings.push(`binance: no spot market ${spotSymbol}; spot bars skipped`);
    else {
      const from = await incrementalStart(
        context,
        { dataset: 'spot', asset, key: venue, source: venue },
        { restateDays: PERP_RESTATE_DAYS, defaultStart: PERP_DEFAULT_START },
      );
      const candles = dailyCandles(
        await fetchCandles(run, spotSymbol, from, today, `binance spot ${spotSymbol}`),
        today,
      );
      const pick = (f: (c: Candle) => number): Map<string, number> => new Map([...candles].map(([d, c]) => [d, f(c)]));
      batches.push({
        provenance: {
          source: venue,
          origin: `binance ${spotSymbol} (USDT taken as USD)`,
          observedAt: context.now.toISOString(),
        },
        observations: dailyObservations('spot', asset, venue, {
          open: pick((c) => c.open),
          high: pick((c) => c.high),
          low: pick((c) => c.low),
          close: pick((c) => c.close),
          volumeCoins: pick((c) => c.volume),
        }),
      });
    }
  }
  return batches;
}

/**
 * The connector of one ccxt venue (`binance`, `bybit` or `okx`). `options.limits` overrides the
 * page sizes (tests use tiny pages to exercise paging).
 */
export function perpVenueConnector(venue: VenueId, options: { limits?: Partial<VenueSpec['limits']> } = {}): Connector {
  const spec: VenueSpec = { ...VENUES[venue], limits: { ...VENUES[venue].limits, ...options.limits } };
  return {
    name: venue,
    description: `${venue} USDT perp daily funding (per 8h) and open interest${venue === 'binance' ? ', spot daily OHLCV' : ''} via ccxt`,
    async run(context: SyncContext): Promise<ConnectorResult> {
      const base = context.endpoints[venue];
      const exchange = await spec.create(base);
      const run: VenueRun = { context, spec, exchange, hostUrl: base ?? `https://${venue}.ccxt.invalid`, warnings: [] };
      await call(run, 'loadMarkets', () => exchange.loadMarkets());
      if (!exchange.markets || Object.keys(exchange.markets).length === 0)
        throw new SourceError(`${venue}: loadMarkets returned no markets`, venue);
      const failures: string[] = [];
      const batches: IngestBatch[] = (
        await eachPart(context.assets, (asset) => syncAsset(run, asset), failures)
      ).flat();
      const rows = batches.reduce((n, b) => n + b.observations.length, 0);
      if (rows === 0) run.warnings.push(`${venue}: no complete days returned for ${context.assets.join(', ')}`);
      return { batches, warnings: run.warnings, failures };
    },
  };
}
