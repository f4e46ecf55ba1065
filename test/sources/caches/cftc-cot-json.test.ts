import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cftcCotJsonCache, COT_KEY } from '../../../src/sources/caches/cftc-cot-json.js';

const FIXTURE = resolve('test/fixtures/caches/cot-history.json');

describe('cftc-cot-json-cache', () => {
  it('stores positions in coins by report date, known at the later of availableAfter and Friday 20:30 UTC', () => {
    const result = cftcCotJsonCache.parse({ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') });
    expect(result.source).toBe('cftc');
    expect(result.observedAt).toBe('2026-01-20T04:51:06.606Z');
    expect(result.rejects).toEqual([]);
    expect(result.observations).toHaveLength(20);
    const first = Object.fromEntries(
      result.observations.filter((o) => o.date === '2025-12-30').map((o) => [o.field, o.value]),
    );
    expect(first).toEqual({
      openInterestCoins: 96625.8,
      leveragedFundsLongCoins: 23327.9,
      leveragedFundsShortCoins: 56653.5,
      leveragedFundsNetCoins: -33325.6,
      assetManagersLongCoins: 23987.9,
      assetManagersShortCoins: 12159.5,
      assetManagersNetCoins: 11828.4,
      dealersLongCoins: 33675,
      dealersShortCoins: 10210.7,
      dealersNetCoins: 23464.3,
    });
    expect(new Set(result.observations.map((o) => `${o.asset} ${o.key} ${o.dataset}`))).toEqual(
      new Set([`BTC ${COT_KEY} cot`]),
    );
    // Tuesday 2025-12-30: Friday 2026-01-02 20:30 UTC is earlier than the cache's Saturday → Saturday.
    // 2025-12-30 was in the post-shutdown backlog: published 2026-01-13, later than the cache's availableAfter.
    expect(result.observations.find((o) => o.date === '2025-12-30')?.knownAt).toBe('2026-01-13T20:30:00.000Z');
    // A Monday report (holiday week) is dated as given and counted in a warning.
    expect(result.observations.find((o) => o.date === '2026-01-05')?.knownAt).toBe('2026-01-09T20:30:00.000Z');
    expect(result.warnings).toEqual(['1 report date(s) not on a Tuesday (holiday weeks); kept as dated']);
  });

  it('never makes a report known before its Friday publication, whatever availableAfter says', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace(
      '"availableAfter": "2026-01-03T00:00:00.000Z"',
      '"availableAfter": "2025-12-31T00:00:00.000Z"',
    );
    const result = cftcCotJsonCache.parse({ path: 'c.json', text });
    expect(result.observations.find((o) => o.date === '2025-12-30')?.knownAt).toBe('2026-01-13T20:30:00.000Z');
  });

  it('rejects a row missing a position, naming the metric', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('"dealerShortBtc": 9000,', '');
    const result = cftcCotJsonCache.parse({ path: 'c.json', text });
    expect(result.rejects).toEqual([{ line: 26, field: 'rows[1].metrics.dealerShortBtc', message: 'missing' }]);
    expect(result.observations.every((o) => o.date === '2025-12-30')).toBe(true);
  });
});
