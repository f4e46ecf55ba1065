// Routes that behave like each venue's real endpoints over hand-written fixtures in the venue's
// own response format: time filters, page limits and the venue's sort order (Binance oldest
// first; Bybit and OKX newest first).
import { fixture, type Handler } from './fixture-server.js';

const int = (url: URL, name: string): number | undefined => {
  const v = url.searchParams.get(name);
  return v === null ? undefined : Number(v);
};

function window<T>(
  rows: readonly T[],
  time: (r: T) => number,
  from: number | undefined,
  to: number | undefined,
  limit: number,
  newestFirst: boolean,
  exclusive = false,
): T[] {
  const inRange = rows.filter((r) => {
    const t = time(r);
    return exclusive
      ? (from === undefined || t > from) && (to === undefined || t < to)
      : (from === undefined || t >= from) && (to === undefined || t <= to);
  });
  const sorted = [...inRange].sort((a, b) => (newestFirst ? time(b) - time(a) : time(a) - time(b)));
  return sorted.slice(0, limit);
}

/** Binance spot + USD-M routes for BTC. */
export function binanceRoutes(): Record<string, Handler> {
  const klines = fixture<unknown[][]>('binance-klines-BTCUSDT-1d.json');
  const funding = fixture<{ fundingTime: number }[]>('binance-funding-BTCUSDT.json');
  const oi = fixture<{ timestamp: number }[]>('binance-oi-hist-BTCUSDT-1d.json');
  return {
    '/api/v3/exchangeInfo': () => ({ body: fixture('binance-spot-exchange-info.json') }),
    '/fapi/v1/exchangeInfo': () => ({ body: fixture('binance-fapi-exchange-info.json') }),
    '/api/v3/klines': (u) => ({
      body:
        u.searchParams.get('symbol') === 'BTCUSDT'
          ? window(klines, (k) => Number(k[0]), int(u, 'startTime'), int(u, 'endTime'), int(u, 'limit') ?? 500, false)
          : [],
    }),
    '/fapi/v1/fundingRate': (u) => ({
      body: window(
        funding,
        (f) => f.fundingTime,
        int(u, 'startTime'),
        int(u, 'endTime'),
        int(u, 'limit') ?? 100,
        false,
      ),
    }),
    '/futures/data/openInterestHist': (u) => ({
      body: window(oi, (o) => o.timestamp, int(u, 'startTime'), int(u, 'endTime'), int(u, 'limit') ?? 30, false),
    }),
  };
}

/** Bybit linear routes for BTC (v5, newest first). */
export function bybitRoutes(): Record<string, Handler> {
  const instruments = fixture<{ result: { list: unknown[] } }>('bybit-instruments-linear.json');
  const funding = fixture<{ result: { list: { fundingRateTimestamp: string }[] } }>('bybit-funding-BTCUSDT.json');
  const oi = fixture<{ result: { list: { timestamp: string }[] } }>('bybit-oi-BTCUSDT-1d.json');
  const kline = fixture<{ result: { list: string[][] } }>('bybit-kline-BTCUSDT-D.json');
  const envelope = (result: object): object => ({
    retCode: 0,
    retMsg: 'OK',
    result,
    retExtInfo: {},
    time: 1768046400000,
  });
  return {
    '/v5/market/instruments-info': (u) => ({
      body:
        u.searchParams.get('status') === 'PreLaunch'
          ? envelope({ category: 'linear', list: [], nextPageCursor: '' })
          : instruments,
    }),
    '/v5/market/funding/history': (u) => ({
      body: envelope({
        category: 'linear',
        list: window(
          funding.result.list,
          (f) => Number(f.fundingRateTimestamp),
          int(u, 'startTime'),
          int(u, 'endTime'),
          int(u, 'limit') ?? 200,
          true,
        ),
      }),
    }),
    '/v5/market/open-interest': (u) => ({
      body: envelope({
        symbol: 'BTCUSDT',
        category: 'linear',
        list: window(
          oi.result.list,
          (o) => Number(o.timestamp),
          int(u, 'startTime'),
          int(u, 'endTime'),
          int(u, 'limit') ?? 50,
          true,
        ),
        nextPageCursor: '',
      }),
    }),
    '/v5/market/kline': (u) => ({
      body: envelope({
        symbol: 'BTCUSDT',
        category: 'linear',
        list: window(
          kline.result.list,
          (k) => Number(k[0]),
          int(u, 'start'),
          int(u, 'end'),
          int(u, 'limit') ?? 200,
          true,
        ),
      }),
    }),
  };
}

/** OKX swap routes for BTC (v5, newest first; `before`/`after` are exclusive bounds). */
export function okxRoutes(): Record<string, Handler> {
  const funding = fixture<{ data: { fundingTime: string }[] }>('okx-funding-BTC-USDT-SWAP.json');
  const oi = fixture<{ data: string[][] }>('okx-oi-volume-BTC-1D.json');
  return {
    '/api/v5/public/instruments': () => ({ body: fixture('okx-instruments-swap.json') }),
    '/api/v5/public/funding-rate-history': (u) => ({
      body: {
        code: '0',
        msg: '',
        data: window(
          funding.data,
          (f) => Number(f.fundingTime),
          int(u, 'before'),
          int(u, 'after'),
          int(u, 'limit') ?? 100,
          true,
          true,
        ),
      },
    }),
    '/api/v5/rubik/stat/contracts/open-interest-volume': (u) => ({
      body: {
        code: '0',
        msg: '',
        data: window(oi.data, (r) => Number(r[0]), int(u, 'begin'), int(u, 'end'), 100, true),
      },
    }),
  };
}
