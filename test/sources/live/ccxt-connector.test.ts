import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/observation.js';
import { perpVenueConnector } from '../../../src/sources/live/ccxt-connector.js';
import { SourceError } from '../../../src/sources/errors.js';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.js';
import { testContext } from '../../helpers/connector-context.js';
import { binanceRoutes, bybitRoutes, okxRoutes } from '../../helpers/venue-routes.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pick = (obs: readonly Observation[], dataset: string, field: string): Record<string, number> =>
  Object.fromEntries(obs.filter((o) => o.dataset === dataset && o.field === field).map((o) => [o.date, o.value]));

describe('binance connector (ccxt against a local server)', () => {
  it('reads daily funding per 8h, OI and spot bars; drops the incomplete day', async () => {
    server = await startFixtureServer(binanceRoutes());
    const context = await testContext(server.url, { since: '2026-01-05' });
    const result = await perpVenueConnector('binance').run(context);
    const obs = result.batches.flatMap((b) => b.observations);
    const funding = pick(obs, 'perp', 'fundingRate8h');
    expect(Object.keys(funding)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09']);
    expect(funding['2026-01-05']).toBeCloseTo(0.0002, 12);
    // The duplicated 2026-01-06 00:00 record (0.00095) is dropped: the first copy wins.
    expect(funding['2026-01-06']).toBeCloseTo(0.00005, 12);
    expect(funding['2026-01-07']).toBeCloseTo(-0.00004, 12);
    // The OI snapshot at 00:00 of D+1 closes day D.
    expect(pick(obs, 'perp', 'openInterestUsd')).toEqual({
      '2026-01-05': 7560047250,
      '2026-01-06': 7759800000,
      '2026-01-07': 6405522876.25,
      '2026-01-08': 6532100000,
      '2026-01-09': 6703200000,
    });
    expect(pick(obs, 'perp', 'openInterestCoins')['2026-01-05']).toBe(80000.5);
    expect(pick(obs, 'spot', 'close')).toEqual({
      '2026-01-05': 94500.25,
      '2026-01-06': 95800,
      '2026-01-07': 91500.75,
      '2026-01-08': 92000,
      '2026-01-09': 93100.1,
    });
    expect(pick(obs, 'spot', 'volumeCoins')['2026-01-05']).toBe(15234.12345);
    const spot = obs.find((o) => o.dataset === 'spot' && o.date === '2026-01-09')!;
    expect(spot).toMatchObject({ asset: 'BTC', key: 'binance', knownAt: '2026-01-10T00:00:00.000Z' });
    expect(obs.every((o) => o.key === 'binance' && o.date < '2026-01-10')).toBe(true);
  });

  it('pages by time with small limits and gets the same rows', async () => {
    server = await startFixtureServer(binanceRoutes());
    const context = await testContext(server.url, { since: '2026-01-05' });
    const result = await perpVenueConnector('binance', { limits: { ohlcv: 2, funding: 4, openInterest: 2 } }).run(
      context,
    );
    const obs = result.batches.flatMap((b) => b.observations);
    expect(server.requestsTo('/api/v3/klines').length).toBeGreaterThanOrEqual(3);
    expect(server.requestsTo('/fapi/v1/fundingRate').length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(pick(obs, 'spot', 'close'))).toHaveLength(5);
    expect(Object.keys(pick(obs, 'perp', 'openInterestUsd'))).toHaveLength(5);
    expect(pick(obs, 'perp', 'fundingRate8h')['2026-01-06']).toBeCloseTo(0.00005, 12);
  });

  it('retries a 429 and succeeds', async () => {
    server = await startFixtureServer(binanceRoutes());
    server.fail(
      '/fapi/v1/fundingRate',
      { status: 429, body: { code: -1003, msg: 'Too many requests; current limit is 2400 requests per minute.' } },
      1,
    );
    const context = await testContext(server.url, { since: '2026-01-05' });
    const result = await perpVenueConnector('binance').run(context);
    expect(server.requestsTo('/fapi/v1/fundingRate')).toHaveLength(2);
    expect(result.batches.flatMap((b) => b.observations).some((o) => o.field === 'fundingRate8h')).toBe(true);
  });

  it('gives up on a 500 after the allowed attempts with a SourceError', async () => {
    server = await startFixtureServer(binanceRoutes());
    server.fail('/futures/data/openInterestHist', { status: 500, body: 'Internal Server Error' }, Infinity);
    const context = await testContext(server.url, { since: '2026-01-05' });
    const error = await perpVenueConnector('binance')
      .run(context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(
      /^binance: fetchOpenInterestHistory\(BTC\/USDT:USDT\) failed after 3 attempts/,
    );
    expect((error as SourceError).message).toContain('/futures/data/openInterestHist');
    expect((error as SourceError).status).toBe(500);
    expect(server.requestsTo('/futures/data/openInterestHist')).toHaveLength(3);
  });

  it('malformed JSON is a SourceError naming the URL', async () => {
    server = await startFixtureServer(binanceRoutes());
    server.fail('/api/v3/klines', { status: 200, body: '{"truncated": [1, 2' }, Infinity);
    const context = await testContext(server.url, { since: '2026-01-05' });
    const error = await perpVenueConnector('binance')
      .run(context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toContain('/api/v3/klines');
  });

  it('incremental: a second sync asks from the stored last date minus the restated days', async () => {
    server = await startFixtureServer(binanceRoutes());
    const context = await testContext(server.url, { since: '2026-01-05' });
    const first = await perpVenueConnector('binance').run(context);
    await context.store.ingest(first.batches);
    const before = server.requests.length;
    await perpVenueConnector('binance').run({ ...context, since: undefined });
    const second = server.requests
      .slice(before)
      .filter((r) => r.startsWith('/fapi/v1/fundingRate'))
      .map((r) => new URL(r, 'http://x'));
    // Stored last perp date 2026-01-09 → restart 3 days earlier, 2026-01-06 00:00 UTC.
    expect(Number(second[0]!.searchParams.get('startTime'))).toBe(Date.parse('2026-01-06T00:00:00Z'));
  });
});

describe('bybit connector', () => {
  it('normalises 4-hourly funding to per 8h and values coin OI at the perp close', async () => {
    server = await startFixtureServer(bybitRoutes());
    const context = await testContext(server.url, { since: '2026-01-05' });
    const result = await perpVenueConnector('bybit').run(context);
    const obs = result.batches.flatMap((b) => b.observations);
    const funding = pick(obs, 'perp', 'fundingRate8h');
    expect(Object.keys(funding)).toEqual(['2026-01-08', '2026-01-09']);
    expect(funding['2026-01-08']).toBeCloseTo(0.0001, 12);
    expect(funding['2026-01-09']).toBeCloseTo(0.00004, 12);
    expect(pick(obs, 'perp', 'openInterestCoins')).toEqual({ '2026-01-08': 52000, '2026-01-09': 50500.5 });
    expect(pick(obs, 'perp', 'openInterestUsd')).toEqual({ '2026-01-08': 4784520000, '2026-01-09': 4701091545 });
    expect(obs.every((o) => o.key === 'bybit' && o.dataset === 'perp')).toBe(true);
  });
});

describe('okx connector', () => {
  it('reads realized funding and USD open interest', async () => {
    server = await startFixtureServer(okxRoutes());
    const context = await testContext(server.url, { since: '2026-01-05' });
    const result = await perpVenueConnector('okx', { limits: { funding: 2 } }).run(context);
    const obs = result.batches.flatMap((b) => b.observations);
    const funding = pick(obs, 'perp', 'fundingRate8h');
    expect(funding['2026-01-08']).toBeCloseTo(0.0002, 12);
    expect(funding['2026-01-09']).toBeCloseTo(-0.0001, 12);
    expect(pick(obs, 'perp', 'openInterestUsd')).toEqual({ '2026-01-08': 3000000000, '2026-01-09': 3100000000.5 });
    expect(server.requestsTo('/api/v5/public/funding-rate-history').length).toBeGreaterThanOrEqual(3);
  });
});
