import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/sources/errors.js';
import { cftcConnector, COT_DATASET_PATH, makeCftcConnector } from '../../../src/sources/live/cftc-cot.js';
import { quotesConnector } from '../../../src/sources/live/yahoo-quotes.js';
import { fixture, startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.js';
import { testContext } from '../../helpers/connector-context.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cot = (
  field: string,
  date: string,
  obs: readonly { field: string; date: string; value: number }[],
): number | undefined => obs.find((o) => o.field === field && o.date === date)?.value;

describe('cftc connector (Socrata TFF)', () => {
  it('converts contracts to coins (×5, ×0.1), sums them per report date, knownAt Friday 20:30 UTC', async () => {
    server = await startFixtureServer({ [COT_DATASET_PATH]: () => ({ body: fixture('cftc-tff-bitcoin.json') }) });
    const result = await cftcConnector.run(await testContext(server.url, { since: '2025-12-01' }));
    const obs = result.batches[0]!.observations;
    // 2026-01-06: 21000×5 + 50000×0.1 = 110000; the Coinbase nano row is ignored.
    expect(cot('openInterestCoins', '2026-01-06', obs)).toBe(110_000);
    expect(cot('leveragedFundsLongCoins', '2026-01-06', obs)).toBe(26_500); // 5000×5 + 15000×0.1
    expect(cot('leveragedFundsShortCoins', '2026-01-06', obs)).toBe(67_000); // 13000×5 + 20000×0.1
    expect(cot('leveragedFundsNetCoins', '2026-01-06', obs)).toBe(-40_500);
    expect(cot('assetManagersNetCoins', '2026-01-06', obs)).toBe(33_600); // (8200−1600)×5 + (10000−4000)×0.1
    expect(cot('dealersNetCoins', '2026-01-06', obs)).toBe(3_400); // (1100−400)×5 + (2000−3000)×0.1
    expect(cot('openInterestCoins', '2025-12-30', obs)).toBe(100_000);
    const row = obs.find((o) => o.date === '2026-01-06')!;
    // 2026-01-06 was in the post-shutdown backlog: published 2026-01-16, not on its usual Friday.
    expect(row).toMatchObject({
      dataset: 'cot',
      asset: 'BTC',
      key: 'tff-btc+micro',
      knownAt: '2026-01-16T20:30:00.000Z',
    });
    const url = new URL(server.requests[0]!, 'http://x');
    expect(url.searchParams.get('$where')).toBe(
      "cftc_contract_market_code in('133741','133742') AND report_date_as_yyyy_mm_dd >= '2025-12-01T00:00:00'",
    );
  });

  it('pages with $limit/$offset until a short page', async () => {
    const rows = fixture<unknown[]>('cftc-tff-bitcoin.json');
    server = await startFixtureServer({
      [COT_DATASET_PATH]: (u) => {
        const offset = Number(u.searchParams.get('$offset'));
        return { body: rows.slice(offset, offset + Number(u.searchParams.get('$limit'))) };
      },
    });
    const result = await makeCftcConnector({ pageSize: 2 }).run(await testContext(server.url, { since: '2025-12-01' }));
    expect(server.requestsTo(COT_DATASET_PATH).map((u) => u.searchParams.get('$offset'))).toEqual(['0', '2', '4']);
    expect(cot('openInterestCoins', '2026-01-06', result.batches[0]!.observations)).toBe(110_000);
  });

  it('malformed JSON is a SourceError naming the URL', async () => {
    server = await startFixtureServer({ [COT_DATASET_PATH]: () => ({ body: '[{"report_date' }) });
    const error = await cftcConnector
      .run(await testContext(server.url, { since: '2025-12-01' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toMatch(
      new RegExp(`cftc: GET ${server.url}/resource/gpe5-46if\\.json\\?.* is not valid JSON`),
    );
  });

  it('retries a 429 (Retry-After honoured, capped) then succeeds', async () => {
    server = await startFixtureServer({ [COT_DATASET_PATH]: () => ({ body: fixture('cftc-tff-bitcoin.json') }) });
    server.fail(COT_DATASET_PATH, { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } }, 2);
    const result = await cftcConnector.run(await testContext(server.url, { since: '2025-12-01' }));
    expect(server.requestsTo(COT_DATASET_PATH)).toHaveLength(3);
    expect(result.batches[0]!.observations.length).toBeGreaterThan(0);
  });

  it('incremental: asks from the stored last report date minus two weeks', async () => {
    server = await startFixtureServer({ [COT_DATASET_PATH]: () => ({ body: fixture('cftc-tff-bitcoin.json') }) });
    const context = await testContext(server.url, { since: '2025-12-01' });
    await context.store.ingest((await cftcConnector.run(context)).batches);
    await cftcConnector.run({ ...context, since: undefined });
    const second = new URL(server.requests[1]!, 'http://x');
    expect(second.searchParams.get('$where')).toContain(">= '2025-12-23T00:00:00'");
  });
});

describe('quotes connector (Yahoo v8 chart format)', () => {
  it('reads daily bars by New York date, skips nulls and the bar not yet closed', async () => {
    server = await startFixtureServer({ '/v8/finance/chart/IBIT': () => ({ body: fixture('yahoo-chart-IBIT.json') }) });
    const result = await quotesConnector(['IBIT']).run(await testContext(server.url, { since: '2026-01-05' }));
    const obs = result.batches[0]!.observations;
    const closes = Object.fromEntries(obs.filter((o) => o.field === 'close').map((o) => [o.date, o.value]));
    // 2026-01-10 is the run day at 12:00 UTC: not closed (16:00 New York) → dropped.
    expect(closes).toEqual({
      '2026-01-05': 53.5,
      '2026-01-06': 54.3,
      '2026-01-07': 51.7,
      '2026-01-08': 52.1,
      '2026-01-09': 52.7,
    });
    expect(
      obs
        .filter((o) => o.date === '2026-01-08')
        .map((o) => o.field)
        .sort(),
    ).toEqual(['close', 'high', 'low', 'open']); // volume null
    expect(obs.find((o) => o.field === 'volumeShares' && o.date === '2026-01-05')).toMatchObject({
      value: 41_234_567,
      asset: 'EQUITY',
      key: 'IBIT',
      knownAt: '2026-01-05T21:00:00.000Z',
    });
    const url = new URL(server.requests[0]!, 'http://x');
    expect(url.searchParams.get('period1')).toBe(String(Date.parse('2026-01-05T00:00:00Z') / 1000));
    expect(url.searchParams.get('interval')).toBe('1d');
  });

  it('a 500 forever fails after the allowed attempts naming the URL', async () => {
    server = await startFixtureServer({});
    server.fail(
      '/v8/finance/chart/SPY',
      { status: 500, body: { chart: { result: null, error: { code: 'Internal', description: 'boom' } } } },
      Infinity,
    );
    const error = await quotesConnector(['SPY'])
      .run(await testContext(server.url, { since: '2026-01-05' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).status).toBe(500);
    expect((error as Error).message).toContain(`${server.url}/v8/finance/chart/SPY?`);
    expect(server.requestsTo('/v8/finance/chart/SPY')).toHaveLength(3);
  });

  it('incremental: the second run asks from the stored last date minus 3 days', async () => {
    server = await startFixtureServer({ '/v8/finance/chart/IBIT': () => ({ body: fixture('yahoo-chart-IBIT.json') }) });
    const context = await testContext(server.url, { since: '2026-01-05' });
    await context.store.ingest((await quotesConnector(['IBIT']).run(context)).batches);
    await quotesConnector(['IBIT']).run({ ...context, since: undefined });
    const second = server.requestsTo('/v8/finance/chart/IBIT')[1]!;
    expect(second.searchParams.get('period1')).toBe(String(Date.parse('2026-01-06T00:00:00Z') / 1000));
  });

  it('chart.error is a SourceError', async () => {
    server = await startFixtureServer({
      '/v8/finance/chart/NOPE': () => ({
        body: {
          chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
        },
      }),
    });
    const error = await quotesConnector(['NOPE'])
      .run(await testContext(server.url, { since: '2026-01-05' }))
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/quotes: .*NOPE.*chart\.error .*delisted/);
  });
});
