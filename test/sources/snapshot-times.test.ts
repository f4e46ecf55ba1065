// Point-in-time rules shared by imports and syncs (issue 7, "Also"): one knownAt rule for COT reports
// whether imported from a cache or synced, and a value first seen in a later snapshot carries that
// snapshot's time, not the day's own publication time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cotKnownAt } from '../../src/domain/known-at.js';
import { cftcCotJsonCache } from '../../src/sources/caches/cftc-cot-json.js';
import { importFiles } from '../../src/sources/import-files.js';
import { cotObservations } from '../../src/sources/live/cftc-cot.js';
import { runSync } from '../../src/sources/live/sync-runner.js';
import { resolveEndpoints, SOURCE_NAMES } from '../../src/sources/live/endpoints.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { scratch, type Scratch } from '../helpers/regression-scratch.js';

const TODAY = '2026-06-30';

describe('COT: one knownAt rule for the imported cache and the synced report', () => {
  const cacheRow = (date: string, availableAfter: string): string =>
    `{"date": "${date}", "availableAfter": "${availableAfter}", "metrics": {"openInterestBtc": 100, "leveragedMoneyLongBtc": 10, "leveragedMoneyShortBtc": 20, "leveragedMoneyNetBtc": -10, "assetManagerLongBtc": 5, "assetManagerShortBtc": 1, "assetManagerNetBtc": 4, "dealerLongBtc": 3, "dealerShortBtc": 2, "dealerNetBtc": 1}}`;
  const socrataRow = (date: string): Record<string, string> => ({
    cftc_contract_market_code: '133741',
    report_date_as_yyyy_mm_dd: `${date}T00:00:00.000`,
    open_interest_all: '20',
    lev_money_positions_long: '2',
    lev_money_positions_short: '4',
    asset_mgr_positions_long: '1',
    asset_mgr_positions_short: '0',
    dealer_positions_long_all: '1',
    dealer_positions_short_all: '0',
  });

  // A normal week, a holiday week (Presidents' Day 2026-02-16) and a post-shutdown catch-up report.
  it.each([
    ['2026-02-24', '2026-02-28T00:00:00.000Z', '2026-02-27T20:30:00.000Z'],
    ['2026-02-17', '2026-02-21T00:00:00.000Z', '2026-02-23T20:30:00.000Z'],
    ['2025-10-07', '2025-10-11T00:00:00.000Z', '2025-11-21T20:30:00.000Z'],
  ])('report %s: the cache (availableAfter %s) and the sync both give %s', (date, availableAfter, expected) => {
    const text = `{"metadata": {"fetchedAt": "2026-07-16T04:51:06.606Z"}, "rows": [${cacheRow(date, availableAfter)}]}`;
    const cached = cftcCotJsonCache.parse({ path: 'cot.json', text, today: TODAY });
    const synced = cotObservations([socrataRow(date)], 'https://cftc.test');
    expect(new Set(cached.observations.map((o) => o.knownAt))).toEqual(new Set([expected]));
    expect(new Set(synced.map((o) => o.knownAt))).toEqual(new Set([expected]));
    expect(cotKnownAt(date)).toBe(expected);
    // Same coins, same rounding: an imported report and a synced one are the same stored rows.
    expect(cached.observations.find((o) => o.field === 'openInterestCoins')?.value).toBe(100);
    expect(synced.find((o) => o.field === 'openInterestCoins')?.value).toBe(100);
  });
});

describe('a value first seen in a later snapshot carries that snapshot’s time', () => {
  let s: Scratch;
  afterEach(() => s?.remove());

  const CSV = 'date,IBIT,FBTC,MSBT,Total\n2026-04-09,269.3,53.3,14.9,337.5\n2026-04-10,137.6,78.0,,215.6\n';
  const cache = (fetchedAt: string): string =>
    JSON.stringify({
      metadata: { fetchedAt },
      rows: [
        {
          date: '2026-04-09',
          availableAfter: '2026-04-10T00:00:00.000Z',
          metrics: { totalFlowUSDm: 337.5, fundFlowsUSDm: { IBIT: 269.3, FBTC: 53.3, MSBT: 14.9 } },
        },
        {
          date: '2026-04-10',
          availableAfter: '2026-04-11T00:00:00.000Z',
          metrics: { totalFlowUSDm: 231.9, fundFlowsUSDm: { IBIT: 137.6, FBTC: 78.0, MSBT: 16.3 } },
        },
        {
          date: '2026-04-13',
          availableAfter: '2026-04-14T00:00:00.000Z',
          metrics: { totalFlowUSDm: 10, fundFlowsUSDm: { IBIT: 4, FBTC: 0, MSBT: 6 } },
        },
      ],
    });
  const msbt = async (
    store: Awaited<ReturnType<typeof openDuckDbStore>>,
    asOf?: string,
  ): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await store.read({ dataset: 'etf-flows', asset: 'BTC', keys: ['MSBT'], asOf })).map((o) => [o.date, o.knownAt]),
    );

  it('MSBT 2026-04-10: blank in the CSV, filled in the cache fetched later → known at the fetch, in one run or two', async () => {
    s = scratch();
    const csv = s.write('farside_btc.csv', CSV);
    const json = s.write('etf-flow-history.json', cache('2026-07-07T00:12:59.999Z'));
    for (const runs of [[[csv, json]], [[csv], [json]]]) {
      const store = await openDuckDbStore(':memory:');
      try {
        for (const paths of runs) await importFiles(store, paths, { today: TODAY });
        expect(await msbt(store)).toEqual({
          '2026-04-09': '2026-04-10T02:00:00.000Z', // in both snapshots: its own publication time
          '2026-04-10': '2026-07-07T00:12:59.999Z', // first seen in the later snapshot
          '2026-04-13': '2026-04-14T02:00:00.000Z', // a day the CSV never had: its own time
        });
        // As of 2026-04-11 the day's funds are the CSV's: no MSBT yet, and they sum to the CSV's total.
        expect(Object.keys(await msbt(store, '2026-04-11'))).toEqual(['2026-04-09']);
      } finally {
        await store.close();
      }
    }
  });

  it('the cache alone: every value keeps its own publication time', async () => {
    s = scratch();
    const json = s.write('etf-flow-history.json', cache('2026-07-07T00:12:59.999Z'));
    const store = await openDuckDbStore(':memory:');
    try {
      await importFiles(store, [json], { today: TODAY });
      expect((await msbt(store))['2026-04-10']).toBe('2026-04-11T02:00:00.000Z');
    } finally {
      await store.close();
    }
  });

  describe('sync', () => {
    let server: FixtureServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('a fund filled in on Farside’s page between two syncs is known from the second sync', async () => {
      const page = readFileSync(resolve(process.cwd(), 'test/fixtures/farside-html/btc-all-data.html'), 'utf8');
      // In the first snapshot MSBT has not reported for 06 Jan ("-"); in the second it shows 1.5.
      const early = page.replace(
        '<td><span class="tabletext">1.5</span></td>',
        '<td><span class="tabletext">-</span></td>',
      );
      let body = early;
      server = await startFixtureServer({ '/bitcoin-etf-flow-all-data/': () => ({ body }) });
      const endpoints = resolveEndpoints(Object.fromEntries(SOURCE_NAMES.map((n) => [n, server!.url])), {});
      const store = await openDuckDbStore(':memory:');
      try {
        const sync = (now: string) =>
          runSync(store, { sources: ['farside'], assets: ['BTC'], endpoints, now: new Date(now) });
        await sync('2026-01-07T12:00:00Z');
        body = page;
        const [second] = await sync('2026-01-09T12:00:00Z');
        expect(second!.status).toBe('ok');
        expect(await msbt(store)).toEqual({ '2026-01-06': '2026-01-09T12:00:00.000Z' });
        // Other funds of 06 Jan keep their publication time.
        const ibit = await store.read({
          dataset: 'etf-flows',
          asset: 'BTC',
          keys: ['IBIT'],
          from: '2026-01-06',
          to: '2026-01-06',
        });
        expect(ibit.map((o) => o.knownAt)).toEqual(['2026-01-07T02:00:00.000Z']);
      } finally {
        await store.close();
      }
    });
  });
});
