import { describe, expect, it } from 'vitest';
import { artemisAumCsv } from '../../../src/sources/artemis/artemis-aum-csv.js';
import { artemisExchangeOiCsv } from '../../../src/sources/artemis/artemis-exchange-oi-csv.js';
import { artemisMonthlyFlowsCsv, artemisWeeklyFlowsCsv } from '../../../src/sources/artemis/artemis-flows-csv.js';
import { artemisTreasuryCsv } from '../../../src/sources/artemis/artemis-treasury-csv.js';
import { identicalColumns } from '../../../src/sources/artemis/identical-columns.js';
import { parseFixture, rejectSites, rows } from '../../helpers/vendor-csv-fixture.js';

describe('artemis-aum-csv', () => {
  it('stores AUM per fund, the "Bitcoin" column as the mini trust BTC, skipping pre-launch zeros', () => {
    const parsed = parseFixture(artemisAumCsv, 'artemis/Bitcoin ETFs AUM.csv');
    expect(parsed.source).toBe('artemis');
    expect(rows(parsed.observations)).toEqual([
      'etf-aum/aumUsd/BTC/ARKB/2024-07-30=100',
      'etf-aum/aumUsd/BTC/ARKB/2024-07-31=110',
      'etf-aum/aumUsd/BTC/ARKB/2024-08-03=130',
      'etf-aum/aumUsd/BTC/BTC/2024-07-31=50.5',
      // A zero after launch is the vendor's figure and is kept.
      'etf-aum/aumUsd/BTC/BTC/2024-08-03=0',
      'etf-aum/aumUsd/BTC/IBIT/2024-07-30=1000',
      'etf-aum/aumUsd/BTC/IBIT/2024-07-31=1100',
      'etf-aum/aumUsd/BTC/IBIT/2024-08-03=1300',
      'etf-aum/aumUsd/BTC/NEWX/2024-07-31=7',
      'etf-aum/aumUsd/BTC/NEWX/2024-08-03=9',
    ]);
    expect(parsed.observations[0]?.knownAt).toBe('2024-07-31T00:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 Bitcoin', '5 -']);
    expect(parsed.warnings).toEqual([
      'unknown BTC fund ticker "NEWX" (column "NEWX"): imported as is',
      "1 zero AUM cell(s) before a fund's first non-zero value (not yet launched) skipped",
    ]);
  });

  it('reads the Ethereum file with "Ethereum" as the mini trust ETH', () => {
    const text = 'date,Ethereum,ETHA\n2025-01-02,5,6\n';
    const parsed = artemisAumCsv.parse({ path: 'Ethereum ETFs AUM.csv', text });
    expect(rows(parsed.observations)).toEqual([
      'etf-aum/aumUsd/ETH/ETH/2025-01-02=5',
      'etf-aum/aumUsd/ETH/ETHA/2025-01-02=6',
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('artemis-weekly-flows-csv', () => {
  it('maps coin columns to assets under key artemis, known the day after the week ends', () => {
    const parsed = parseFixture(artemisWeeklyFlowsCsv, 'artemis/Crypto ETF Flows.csv');
    expect(rows(parsed.observations)).toEqual([
      'etf-flows-weekly/netFlowUsd/BTC/artemis/2025-11-16=-1000000',
      'etf-flows-weekly/netFlowUsd/BTC/artemis/2025-11-23=-2500000',
      'etf-flows-weekly/netFlowUsd/ETH/artemis/2025-11-16=-500000',
      'etf-flows-weekly/netFlowUsd/ETH/artemis/2025-11-23=1000000',
      'etf-flows-weekly/netFlowUsd/SOL/artemis/2025-11-16=20000',
      'etf-flows-weekly/netFlowUsd/SOL/artemis/2025-11-23=4',
      'etf-flows-weekly/netFlowUsd/XRP/artemis/2025-11-16=0',
      'etf-flows-weekly/netFlowUsd/XRP/artemis/2025-11-23=3',
    ]);
    expect(parsed.observations.find((o) => o.date === '2025-11-16')?.knownAt).toBe('2025-11-17T00:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 date']);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/"Dogecoin - ETF Flows": unknown coin "Dogecoin"/);
  });
});

describe('artemis-monthly-flows-csv', () => {
  it('stores per-fund monthly flows, "Bitcoin - ETF Flows" as BTC, unknown tickers with a warning', () => {
    const parsed = parseFixture(artemisMonthlyFlowsCsv, 'artemis/Monthly Bitcoin ETF flows.csv');
    expect(rows(parsed.observations)).toEqual([
      'etf-flows-monthly/netFlowUsd/BTC/BTC/2025-10-31=10',
      'etf-flows-monthly/netFlowUsd/BTC/BTC/2025-11-30=-20',
      'etf-flows-monthly/netFlowUsd/BTC/IBIT/2025-10-31=100',
      'etf-flows-monthly/netFlowUsd/BTC/IBIT/2025-11-30=-200',
      'etf-flows-monthly/netFlowUsd/BTC/ZZZZ/2025-10-31=1',
    ]);
    expect(parsed.observations[0]?.knownAt).toBe('2025-11-01T00:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 date', '5 IBIT - ETF Flows']);
    expect(parsed.warnings).toEqual(['unknown BTC fund ticker "ZZZZ" (column "ZZZZ - ETF Flows"): imported as is']);
  });

  it('is not confused with the weekly file', () => {
    const head = 'date,IBIT - ETF Flows\n';
    expect(artemisMonthlyFlowsCsv.detect({ path: 'x', name: 'Monthly Bitcoin ETF flows.csv', head })).toBe(true);
    expect(artemisWeeklyFlowsCsv.detect({ path: 'x', name: 'Monthly Bitcoin ETF flows.csv', head })).toBe(false);
    expect(artemisMonthlyFlowsCsv.detect({ path: 'x', name: 'Crypto ETF Flows.csv', head })).toBe(false);
  });
});

describe('artemis-exchange-oi-csv', () => {
  it('stores OI per exchange slug (asset MULTI) and skips columns that copy one another', () => {
    const parsed = parseFixture(artemisExchangeOiCsv, 'artemis/Centralized Exchanges - Open Interest.csv');
    expect(rows(parsed.observations)).toEqual([
      'exchange-oi/openInterestUsd/MULTI/binance/2025-10-09=42200000000',
      'exchange-oi/openInterestUsd/MULTI/binance/2025-10-10=29200000000',
      'exchange-oi/openInterestUsd/MULTI/binance/2025-10-11=30000000000',
      'exchange-oi/openInterestUsd/MULTI/binance/2025-10-12=31000000000',
      'exchange-oi/openInterestUsd/MULTI/bybit/2025-10-09=20000000000',
      'exchange-oi/openInterestUsd/MULTI/bybit/2025-10-10=14000000000',
      'exchange-oi/openInterestUsd/MULTI/bybit/2025-10-11=15000000000',
      'exchange-oi/openInterestUsd/MULTI/okx/2025-10-09=15000000000',
      'exchange-oi/openInterestUsd/MULTI/okx/2025-10-10=10000000000',
      'exchange-oi/openInterestUsd/MULTI/okx/2025-10-11=11000000000',
    ]);
    expect(rejectSites(parsed)).toEqual(['6 Binance']);
    expect(parsed.warnings).toEqual([
      '2 column(s) skipped, identical to one another on every row (export fault): Crypto.com, Gate.io',
    ]);
  });

  it('keeps a column whose slug is not hard-coded, e.g. crypto-com, when it is not a copy', () => {
    const text = 'date,Crypto.com,Gate.io\n2025-01-01,1,2\n2025-01-02,3,3\n';
    const parsed = artemisExchangeOiCsv.parse({ path: 'Centralized Exchanges - Open Interest.csv', text });
    expect(rows(parsed.observations)).toEqual([
      'exchange-oi/openInterestUsd/MULTI/crypto-com/2025-01-01=1',
      'exchange-oi/openInterestUsd/MULTI/crypto-com/2025-01-02=3',
      'exchange-oi/openInterestUsd/MULTI/gate-io/2025-01-01=2',
      'exchange-oi/openInterestUsd/MULTI/gate-io/2025-01-02=3',
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('identicalColumns', () => {
  const row = (values: (number | null)[]): { line: number; date: string; values: (number | null)[] } => ({
    line: 0,
    date: '2025-01-01',
    values,
  });
  it('flags columns equal on every row, filled in the same rows, with at least two shared values', () => {
    expect(identicalColumns([row([1, 5, 5, 7]), row([2, 6, 6, 6]), row([3, null, null, 8])], 4)).toEqual([1, 2]);
    // Different fill pattern: not identical.
    expect(identicalColumns([row([5, 5]), row([6, 6]), row([7, null])], 2)).toEqual([]);
    // One shared value is a coincidence, not a copy.
    expect(identicalColumns([row([5, 5]), row([null, null])], 2)).toEqual([]);
    expect(identicalColumns([row([null, null]), row([null, null])], 2)).toEqual([]);
  });
});

describe('artemis-treasury-csv', () => {
  it('stores coins held per company slug, asset BTC', () => {
    const parsed = parseFixture(artemisTreasuryCsv, 'artemis/BTC DATs - Bitcoin Count.csv');
    expect(rows(parsed.observations)).toEqual([
      'treasury/coinsHeld/BTC/metaplanet/2025-10-09=30823',
      'treasury/coinsHeld/BTC/metaplanet/2025-10-10=30823',
      'treasury/coinsHeld/BTC/strategy/2025-10-09=640031',
      'treasury/coinsHeld/BTC/strategy/2025-10-10=640031',
      'treasury/coinsHeld/BTC/twenty-one-capital/2025-10-10=43514',
    ]);
    expect(parsed.observations[0]?.knownAt).toBe('2025-10-10T00:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 -', '5 date']);
  });

  it('stores fully diluted EV / NAV as mnav', () => {
    const parsed = parseFixture(artemisTreasuryCsv, 'artemis/BTC DATs- Fully Diluted EV NAV.csv');
    expect(rows(parsed.observations)).toEqual([
      'treasury/mnav/BTC/metaplanet/2025-12-01=0.9',
      'treasury/mnav/BTC/strategy/2025-12-01=1.1',
      'treasury/mnav/BTC/strategy/2025-12-03=1.05',
    ]);
    expect(rejectSites(parsed)).toEqual(['3 Strategy - Fully Diluted EV / Nav']);
  });

  it('refuses headers mixing the two measures', () => {
    const head = 'date,Strategy - Number of Tokens Held,Strategy - Fully Diluted EV / Nav\n';
    expect(artemisTreasuryCsv.detect({ path: 'x', name: 'BTC DATs.csv', head })).toBe(false);
  });
});
