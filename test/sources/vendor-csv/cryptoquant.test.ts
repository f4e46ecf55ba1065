import { describe, expect, it } from 'vitest';
import { cryptoQuantMetricCsv } from '../../../src/sources/cryptoquant/cryptoquant-metric-csv.js';
import { cryptoQuantPriceCsv } from '../../../src/sources/cryptoquant/cryptoquant-price-csv.js';
import { CRYPTOQUANT_METRICS } from '../../../src/sources/cryptoquant/metrics.js';
import { parseFixture, rejectSites, rows } from '../../helpers/vendor-csv-fixture.js';

describe('cryptoquant-metric-csv', () => {
  it('stores funding as a fraction per 8h (percent / 100), key all, known the next 00:00 UTC', () => {
    const parsed = parseFixture(cryptoQuantMetricCsv, 'cryptoquant/Bitcoin Funding Rates - All Exchanges - Day.csv');
    expect(parsed.source).toBe('cryptoquant');
    expect(parsed.observations.map((o) => [o.date, o.dataset, o.field, o.asset, o.key, o.knownAt])).toEqual([
      ['2024-03-11', 'perp', 'fundingRate8h', 'BTC', 'all', '2024-03-12T00:00:00.000Z'],
      ['2024-03-12', 'perp', 'fundingRate8h', 'BTC', 'all', '2024-03-13T00:00:00.000Z'],
      ['2024-03-16', 'perp', 'fundingRate8h', 'BTC', 'all', '2024-03-17T00:00:00.000Z'],
    ]);
    const values = parsed.observations.map((o) => o.value);
    expect(values[0]).toBeCloseTo(0.0005, 15);
    expect(values[1]).toBeCloseTo(0.000676, 15);
    expect(values[2]).toBeCloseTo(-0.000125, 15);
    expect(rejectSites(parsed)).toEqual(['4 Funding Rates', '5 date', '6 -', '7 date']);
    expect(parsed.rejects[0]?.message).toMatch(/"NaN"/);
    expect(parsed.rejects[1]?.message).toMatch(/"2024-13-01" is not a valid date/);
    expect(parsed.rejects[2]?.message).toMatch(/expected 2 cells, found 3/);
    expect(parsed.rejects[3]?.message).toMatch(/duplicate date 2024-03-12 \(first on line 3\)/);
    expect(parsed.warnings).toEqual(['1 row(s) with an empty "Funding Rates" cell (no figure) skipped']);
  });

  it('takes the asset from the file name and stores USD liquidations as they are', () => {
    const parsed = parseFixture(
      cryptoQuantMetricCsv,
      'cryptoquant/Ethereum Long Liquidations USD - All Exchanges, All Symbol - Day.csv',
    );
    expect(rows(parsed.observations)).toEqual([
      'perp/longLiquidationsUsd/ETH/all/2025-10-09=12500000.5',
      'perp/longLiquidationsUsd/ETH/all/2025-10-10=480000000',
    ]);
    expect(rejectSites(parsed)).toEqual(['4 Long Liquidations USD']);
    expect(parsed.rejects[0]?.message).toMatch(/Infinity/);
  });

  // Funding and leverage take values inside their physical ranges (domain/field-ranges.ts: funding
  // within ±5 % per 8 h, leverage ratio ≤ 100); 1234.5 % per 8 h would now be rejected, as it should.
  it.each([
    ['Fund Holdings', 'etf-holdings/holdingsCoins/BTC/cryptoquant-funds/2025-01-01=1234.5', '1234.5'],
    ['Funding Rates', 'perp/fundingRate8h/BTC/all/2025-01-01=0.012345', '1.2345'],
    ['Open Interest', 'perp/openInterestUsd/BTC/all/2025-01-01=1234.5', '1234.5'],
    ['Estimated Leverage Ratio', 'perp/leverageRatio/BTC/all/2025-01-01=12.345', '12.345'],
    ['Long Liquidations', 'perp/longLiquidationsCoins/BTC/all/2025-01-01=1234.5', '1234.5'],
    ['Short Liquidations', 'perp/shortLiquidationsCoins/BTC/all/2025-01-01=1234.5', '1234.5'],
    ['Long Liquidations USD', 'perp/longLiquidationsUsd/BTC/all/2025-01-01=1234.5', '1234.5'],
    ['Short Liquidations USD', 'perp/shortLiquidationsUsd/BTC/all/2025-01-01=1234.5', '1234.5'],
  ])('maps metric "%s"', (metric, expected, cell) => {
    const name = `Bitcoin ${metric} - All Exchanges - Day.csv`;
    expect(cryptoQuantMetricCsv.detect({ path: name, name, head: `date,${metric}\n` })).toBe(true);
    const parsed = cryptoQuantMetricCsv.parse({ path: name, text: `date,${metric}\n2025-01-01,${cell}\n` });
    expect(rows(parsed.observations)).toEqual([expected]);
  });

  it('covers every metric in its table and detects only known metrics with an asset in the name', () => {
    expect(Object.keys(CRYPTOQUANT_METRICS)).toHaveLength(8);
    expect(cryptoQuantMetricCsv.detect({ path: 'x', name: 'Bitcoin Foo - Day.csv', head: 'date,Foo\n' })).toBe(false);
    expect(
      cryptoQuantMetricCsv.detect({ path: 'x', name: 'Dogecoin Open Interest.csv', head: 'date,Open Interest\n' }),
    ).toBe(false);
    expect(
      cryptoQuantMetricCsv.detect({ path: 'x', name: 'Bitcoin Open Interest.csv', head: 'date,Open Interest,Other\n' }),
    ).toBe(false);
  });
});

describe('cryptoquant-price-csv', () => {
  it('stores OHLC and volume in coins under spot/cryptoquant, skips empty-price rows with a warning', () => {
    const parsed = parseFixture(
      cryptoQuantPriceCsv,
      'cryptoquant/Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv',
    );
    expect(rows(parsed.observations)).toEqual([
      'spot/close/BTC/cryptoquant/2025-10-09=121300.25',
      'spot/close/BTC/cryptoquant/2025-10-10=113200',
      'spot/high/BTC/cryptoquant/2025-10-09=123000',
      'spot/high/BTC/cryptoquant/2025-10-10=122500',
      'spot/low/BTC/cryptoquant/2025-10-09=119300',
      'spot/low/BTC/cryptoquant/2025-10-10=102000',
      'spot/open/BTC/cryptoquant/2025-10-09=121700.5',
      'spot/open/BTC/cryptoquant/2025-10-10=121300.25',
      'spot/volumeCoins/BTC/cryptoquant/2025-10-09=25000.5',
      'spot/volumeCoins/BTC/cryptoquant/2025-10-10=90000',
    ]);
    expect(
      parsed.observations.every(
        (o) => o.knownAt === `${o.date === '2025-10-09' ? '2025-10-10' : '2025-10-11'}T00:00:00.000Z`,
      ),
    ).toBe(true);
    expect(rejectSites(parsed)).toEqual(['6 High', '7 date', '8 Low', '9 -']);
    expect(parsed.warnings).toEqual(['2 "no data" row(s) with empty prices skipped']);
  });

  it('is told apart from TradingView exports (lower-case ohlc) and needs an asset in the file name', () => {
    const head = 'date,Open,High,Low,Close,Volume\n';
    expect(cryptoQuantPriceCsv.detect({ path: 'x', name: 'Ethereum Price & Volume.csv', head })).toBe(true);
    expect(cryptoQuantPriceCsv.detect({ path: 'x', name: 'prices.csv', head })).toBe(false);
    expect(
      cryptoQuantPriceCsv.detect({
        path: 'x',
        name: 'Bitcoin.csv',
        head: 'date,open,high,low,close,Volume,Open Interest\n',
      }),
    ).toBe(false);
  });
});
