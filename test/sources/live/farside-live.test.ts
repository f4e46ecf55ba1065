import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/sources/errors.js';
import { farsideConnector } from '../../../src/sources/live/farside-live.js';
import { startFixtureServer, type FixtureServer } from '../../helpers/fixture-server.js';
import { testContext } from '../../helpers/connector-context.js';

const html = (name: string): string => readFileSync(resolve(process.cwd(), 'test/fixtures/farside-html', name), 'utf8');
const BTC_PATH = '/bitcoin-etf-flow-all-data/';
const ETH_PATH = '/ethereum-etf-flow-all-data/';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('farside live connector', () => {
  it('reads the BTC and ETH pages over HTTP into etf-flows', async () => {
    server = await startFixtureServer({
      [BTC_PATH]: () => ({ body: html('btc-all-data.html') }),
      [ETH_PATH]: () => ({ body: html('eth-all-data.html') }),
    });
    const context = await testContext(server.url, { assets: ['BTC', 'ETH'] });
    const result = await farsideConnector.run(context);
    expect(result.batches.map((b) => b.provenance.origin)).toEqual([
      `${server.url}${BTC_PATH}`,
      `${server.url}${ETH_PATH}`,
    ]);
    const obs = result.batches.flatMap((b) => b.observations);
    expect(obs.find((o) => o.asset === 'BTC' && o.key === 'IBIT' && o.date === '2026-01-05')?.value).toBe(-243_200_000);
    expect(obs.find((o) => o.asset === 'ETH' && o.key === 'ETHA' && o.date === '2026-01-06')?.value).toBe(55_500_000);
    expect(result.batches[0]!.provenance.observedAt).toBe('2026-01-10T12:00:00.000Z');
  });

  it('a 403 is the bot-protection error telling to save the page and import it', async () => {
    server = await startFixtureServer({ [BTC_PATH]: () => ({ status: 403, body: 'Forbidden' }) });
    const context = await testContext(server.url);
    const error = await farsideConnector.run(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).status).toBe(403);
    expect((error as SourceError).message).toMatch(
      /bot protection \(HTTP 403\).*save the page.*`tidemark import page\.html`/,
    );
    expect(server.requestsTo(BTC_PATH)).toHaveLength(1); // not retried
  });

  it('one blocked page: the other asset is kept and the failure reported', async () => {
    server = await startFixtureServer({
      [BTC_PATH]: () => ({ body: html('btc-all-data.html') }),
      [ETH_PATH]: () => ({ status: 403, body: html('challenge.html') }),
    });
    const result = await farsideConnector.run(await testContext(server.url, { assets: ['BTC', 'ETH'] }));
    expect(result.batches).toHaveLength(1);
    expect(result.batches[0]!.observations.every((o) => o.asset === 'BTC')).toBe(true);
    expect(result.failures).toHaveLength(1);
    expect(result.failures![0]).toMatch(
      /ethereum-etf-flow-all-data\/ was blocked by bot protection .*tidemark import page\.html/,
    );
  });

  it('a challenge page served with 200 is the same error, never an empty result', async () => {
    server = await startFixtureServer({ [BTC_PATH]: () => ({ status: 200, body: html('challenge.html') }) });
    const error = await farsideConnector.run(await testContext(server.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toContain('challenge page');
    expect((error as SourceError).message).toContain(`${server.url}${BTC_PATH}`);
  });

  it('a page without the table is a layout-change SourceError naming the URL', async () => {
    server = await startFixtureServer({ [BTC_PATH]: () => ({ body: html('btc-layout-changed.html') }) });
    const error = await farsideConnector.run(await testContext(server.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toContain(`${server.url}${BTC_PATH}: expected Farside's flow table`);
  });

  it('retries 5xx and fails after the allowed attempts', async () => {
    server = await startFixtureServer({ [BTC_PATH]: () => ({ status: 502, body: 'Bad gateway' }) });
    const error = await farsideConnector.run(await testContext(server.url)).catch((e: unknown) => e);
    expect((error as SourceError).message).toMatch(/HTTP 502 after 3 of 3 attempts/);
    expect(server.requestsTo(BTC_PATH)).toHaveLength(3);
  });

  it('incremental: keeps only rows from the stored last date minus the restated days', async () => {
    server = await startFixtureServer({ [BTC_PATH]: () => ({ body: html('btc-all-data.html') }) });
    const context = await testContext(server.url);
    await context.store.ingest([
      {
        provenance: { source: 'farside', origin: 'seed' },
        observations: [
          {
            dataset: 'etf-flows',
            field: 'netFlowUsd',
            asset: 'BTC',
            key: 'IBIT',
            date: '2026-01-15',
            value: 1,
            knownAt: '2026-01-16T02:00:00.000Z',
          },
        ],
      },
    ]);
    const result = await farsideConnector.run(context);
    // last 2026-01-15 − 10 days = 2026-01-05: the 2026-01-02 row is not re-sent.
    expect(Math.min(...result.batches[0]!.observations.map((o) => Date.parse(o.date)))).toBe(Date.parse('2026-01-05'));
  });
});
