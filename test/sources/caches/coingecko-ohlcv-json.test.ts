import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetOfFileName, coingeckoOhlcvJson } from '../../../src/sources/caches/coingecko-ohlcv-json.js';

const FIXTURE = resolve('test/fixtures/caches/btc-history.json');

describe('coingecko-ohlcv-json', () => {
  it('stores OHLC and USD volume under spot/coingecko, known the next day 00:00 UTC', () => {
    const result = coingeckoOhlcvJson.parse({ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') });
    expect(result.source).toBe('coingecko');
    expect(result.rejects).toEqual([]);
    expect(result.observations).toHaveLength(15);
    expect(result.observations.filter((o) => o.date === '2025-10-10')).toEqual(
      [
        ['open', 121500],
        ['high', 122500],
        ['low', 104800],
        ['close', 113200],
        ['volumeUsd', 98_500_000_000],
      ].map(([field, value]) => ({
        dataset: 'spot',
        field,
        asset: 'BTC',
        key: 'coingecko',
        date: '2025-10-10',
        value,
        knownAt: '2025-10-11T00:00:00.000Z',
      })),
    );
  });

  it('takes the coin from the file name and refuses a name it cannot read', () => {
    expect(assetOfFileName('btc-history.json')).toBe('BTC');
    expect(assetOfFileName('ETH_daily.json')).toBe('ETH');
    expect(assetOfFileName('history.json')).toBeNull();
    expect(assetOfFileName('doge-history.json')).toBeNull();
    const eth = coingeckoOhlcvJson.parse({ path: '/x/eth-history.json', text: readFileSync(FIXTURE, 'utf8') });
    expect(new Set(eth.observations.map((o) => o.asset))).toEqual(new Set(['ETH']));
    expect(() => coingeckoOhlcvJson.parse({ path: '/x/prices.json', text: '[]' })).toThrow(
      /coingecko-ohlcv-json: \/x\/prices\.json: cannot tell the coin from the file name "prices\.json"/,
    );
  });

  it('rejects bars with missing, non-numeric, negative or duplicate values by index', () => {
    const text = `[
{"date":"2025-10-09","open":1,"high":2,"low":0.5,"close":1.5,"volume":10},
{"date":"2025-10-10","open":1,"high":2,"low":0.5,"close":"1.5","volume":10},
{"date":"2025-10-11","open":1,"high":2,"low":0.5,"volume":10},
{"date":"2025-10-12","open":1,"high":2,"low":-0.5,"close":1,"volume":10},
{"date":"2025-10-09","open":9,"high":9,"low":9,"close":9,"volume":9},
{"date":"2025-10-13","open":1,"high":2,"low":0.5,"close":NaN,"volume":10},
{"date":"2025-10-14","open":1,"high":2,"low":3,"close":1,"volume":10}
]`;
    const result = coingeckoOhlcvJson.parse({ path: 'btc-bad.json', text });
    expect(result.rejects).toEqual([
      { line: 3, field: '[1].close', message: 'expected a number, found string "1.5"' },
      { line: 4, field: '[2].close', message: 'missing' },
      { line: 5, field: '[3].low', message: '-0.5 is negative' },
      { line: 6, field: '[4].date', message: 'duplicate date 2025-10-09: the first bar is kept' },
      { line: 7, field: '[5].close', message: 'NaN is not a finite number' },
      { line: 8, field: '[6].high', message: 'high 2 is below low 3' },
    ]);
    expect(result.observations.map((o) => o.date)).toEqual(Array(5).fill('2025-10-09'));
  });
});
