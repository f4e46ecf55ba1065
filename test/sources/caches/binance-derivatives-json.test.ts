import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binanceDerivativesJsonCache } from '../../../src/sources/caches/binance-derivatives-json.js';

const FIXTURE = resolve('test/fixtures/caches/derivatives-history.json');
const perp = (date: string, field: string, value: number) => ({
  dataset: 'perp',
  field,
  asset: 'BTC',
  key: 'binance',
  date,
  value,
  knownAt: `${nextDay(date)}T00:00:00.000Z`,
});
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('binance-derivatives-json-cache', () => {
  it('maps funding (raw fraction per 8h), premium close and OI, skipping absent metrics', () => {
    const result = binanceDerivativesJsonCache.parse({ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') });
    expect(result.source).toBe('binance');
    expect(result.observedAt).toBe('2026-08-16T05:12:17.603Z');
    expect(result.rejects).toEqual([]);
    expect(result.observations).toEqual([
      perp('2019-09-10', 'fundingRate8h', 0.0001),
      perp('2025-10-10', 'fundingRate8h', 0.00004),
      perp('2025-10-10', 'premiumClose', -0.0012),
      perp('2026-08-15', 'fundingRate8h', -0.00002),
      perp('2026-08-15', 'openInterestUsd', 7056991606.97),
      perp('2026-08-15', 'openInterestCoins', 111988.29),
      perp('2026-08-15', 'premiumClose', -0.00051742),
    ]);
    expect(result.warnings).toEqual([
      'metrics the cache lists as missing (rows): premiumClose 1, premiumRange 1, openInterestBTC 2, openInterestUSD 2',
    ]);
  });

  it('reads the coin from the symbol and refuses an unknown one', () => {
    const eth = readFileSync(FIXTURE, 'utf8').replaceAll('BTCUSDT', 'ETHUSDT');
    expect(
      new Set(binanceDerivativesJsonCache.parse({ path: 'eth.json', text: eth }).observations.map((o) => o.asset)),
    ).toEqual(new Set(['ETH']));
    const doge = readFileSync(FIXTURE, 'utf8').replaceAll('BTCUSDT', 'DOGEUSDT');
    expect(() => binanceDerivativesJsonCache.parse({ path: 'doge.json', text: doge })).toThrow(
      /doge\.json: metadata\.symbol "DOGEUSDT" is not/,
    );
  });

  it('rejects wrong types and null-free bad numbers per row, keeping other rows', () => {
    const text = `{"metadata": {"symbol": "BTCUSDT", "fetchedAt": "2026-08-16T00:00:00Z"}, "rows": [
{"date": "2026-08-01", "availableAfter": "2026-08-02T00:00:00Z", "metrics": {"fundingRateDailyAvg": 0.0001, "openInterestUSD": "7e9"}},
{"date": "2026-08-02", "availableAfter": "2026-08-03T00:00:00Z", "metrics": {"fundingRateDailyAvg": 0.0002, "openInterestUSD": null}},
{"date": "2026-08-03", "availableAfter": "2026-08-01T00:00:00Z", "metrics": {"fundingRateDailyAvg": 0.0003}}
]}`;
    const result = binanceDerivativesJsonCache.parse({ path: 'd.json', text });
    expect(result.rejects).toEqual([
      { line: 2, field: 'rows[0].metrics.openInterestUSD', message: 'expected a number, found string "7e9"' },
      { line: 4, field: 'rows[2].availableAfter', message: "2026-08-01T00:00:00Z is before the row's date 2026-08-03" },
    ]);
    expect(result.observations.map((o) => `${o.date} ${o.field} ${o.value}`)).toEqual([
      '2026-08-02 fundingRate8h 0.0002',
    ]);
  });
});
