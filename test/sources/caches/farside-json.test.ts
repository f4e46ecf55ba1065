import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import { farsideJsonCache } from '../../../src/sources/caches/farside-json.js';
import { importFiles } from '../../../src/sources/import-files.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';

const FIXTURE = resolve('test/fixtures/caches/etf-flow-history.json');
const parse = (text: string, path = 'etf-flow-history.json') => farsideJsonCache.parse({ path, text });

describe('farside-json-cache', () => {
  it('detects the cache by its metrics and not a plain JSON array', () => {
    const head = readFileSync(FIXTURE, 'utf8').slice(0, 4096);
    expect(farsideJsonCache.detect({ path: FIXTURE, name: 'etf-flow-history.json', head })).toBe(true);
    expect(farsideJsonCache.detect({ path: 'x.json', name: 'x.json', head: '[{"date":"2026-01-05","open":1}]' })).toBe(
      false,
    );
  });

  it('stores per-fund flows and the total in USD, known at the later of availableAfter and D+1 02:00 UTC, observed at fetchedAt', () => {
    const result = parse(readFileSync(FIXTURE, 'utf8'), FIXTURE);
    expect(result.source).toBe('farside');
    expect(result.observedAt).toBe('2026-02-01T00:10:00.000Z');
    expect(result.rejects).toEqual([]);
    // 2024-07-30 BTC (mini trust) is a 0 before its first flow: not listed yet, skipped.
    expect(result.observations).toHaveLength(19);
    const day = result.observations.filter((o) => o.date === '2026-01-05');
    expect(day).toEqual([
      {
        dataset: 'etf-flows',
        field: 'netFlowUsd',
        asset: 'BTC',
        key: 'IBIT',
        date: '2026-01-05',
        value: 372_500_000,
        knownAt: '2026-01-06T02:00:00.000Z',
      },
      {
        dataset: 'etf-flows',
        field: 'netFlowUsd',
        asset: 'BTC',
        key: 'FBTC',
        date: '2026-01-05',
        value: 191_200_000,
        knownAt: '2026-01-06T02:00:00.000Z',
      },
      {
        dataset: 'etf-flows',
        field: 'netFlowUsd',
        asset: 'BTC',
        key: 'GBTC',
        date: '2026-01-05',
        value: 101_900_000,
        knownAt: '2026-01-06T02:00:00.000Z',
      },
      {
        dataset: 'etf-flows',
        field: 'netFlowUsd',
        asset: 'BTC',
        key: 'BTC',
        date: '2026-01-05',
        value: 31_600_000,
        knownAt: '2026-01-06T02:00:00.000Z',
      },
      {
        dataset: 'etf-flows-total',
        field: 'netFlowUsd',
        asset: 'BTC',
        key: 'farside',
        date: '2026-01-05',
        value: 697_200_000,
        knownAt: '2026-01-06T02:00:00.000Z',
      },
    ]);
    expect(result.observations.filter((o) => o.key === 'BTC').map((o) => [o.date, o.value])).toEqual([
      ['2024-07-31', 18_000_000],
      ['2026-01-05', 31_600_000],
      ['2026-01-06', 0],
    ]);
    // availableAfter 00:00 UTC is earlier than Farside's D+1 02:00 UTC: every row takes the later one.
    expect(result.observations.every((o) => o.knownAt === `${addDays(o.date, 1)}T02:00:00.000Z`)).toBe(true);
    expect(result.warnings).toEqual([
      `zero cells before a fund's first flow skipped as "not listed yet": BTC 1 (before 2024-07-31)`,
    ]);
  });

  it('rejects bad rows by line and field and imports the rest', () => {
    const text = `{"metadata": {"fetchedAt": "2026-02-01T00:00:00Z"},
"rows": [
 {"date": "2026-01-05", "availableAfter": "2026-01-06T00:00:00.000Z", "metrics": {"totalFlowUSDm": 3, "fundFlowsUSDm": {"IBIT": 1, "FBTC": 2}}},
 {"date": "2026-01-06", "availableAfter": "2026-01-07T00:00:00.000Z", "metrics": {"totalFlowUSDm": 1, "fundFlowsUSDm": {"IBIT": "1", "FBTC": 0}}},
 {"date": "2026-01-07", "availableAfter": "2026-01-08T00:00:00.000Z", "metrics": {"totalFlowUSDm": NaN, "fundFlowsUSDm": {"IBIT": 1, "FBTC": 0}}},
 {"date": "2026-01-05", "availableAfter": "2026-01-06T00:00:00.000Z", "metrics": {"totalFlowUSDm": 9, "fundFlowsUSDm": {"IBIT": 9, "FBTC": 0}}},
 {"date": "2026-02-30", "availableAfter": "2026-03-01T00:00:00.000Z", "metrics": {}},
 {"date": "2026-01-08", "metrics": {"totalFlowUSDm": 1, "fundFlowsUSDm": {"IBIT": 1, "FBTC": 0}}},
 {"date": "2026-01-09", "availableAfter": "2026-01-10T00:00:00.000Z", "metrics": {"fundFlowsUSDm": {"IBIT": 1, "FBTC": 0}}},
 {"date": "2026-01-12", "availableAfter": "2026-01-13T00:00:00.000Z", "metrics": {"totalFlowUSDm": 5, "fundFlowsUSDm": {"IBIT": Infinity, "FBTC": 0}}}
]}`;
    const result = parse(text, 'bad.json');
    expect(result.rejects).toEqual([
      { line: 4, field: 'rows[1].metrics.fundFlowsUSDm.IBIT', message: 'expected a number, found string "1"' },
      { line: 5, field: 'rows[2].metrics.totalFlowUSDm', message: 'NaN is not a finite number' },
      { line: 6, field: 'rows[3].date', message: 'duplicate date 2026-01-05: the first row is kept' },
      { line: 7, field: 'rows[4].date', message: 'expected a YYYY-MM-DD date, found string "2026-02-30"' },
      { line: 8, field: 'rows[5].availableAfter', message: 'expected an ISO timestamp, found nothing (field missing)' },
      { line: 9, field: 'rows[6].metrics.totalFlowUSDm', message: 'missing' },
      { line: 10, field: 'rows[7].metrics.fundFlowsUSDm.IBIT', message: 'Infinity is not a finite number' },
    ]);
    expect(result.observations.map((o) => `${o.date} ${o.key} ${o.value}`)).toEqual([
      '2026-01-05 IBIT 1000000',
      '2026-01-05 FBTC 2000000',
      '2026-01-05 farside 3000000',
    ]);
  });

  it('keeps a cache availableAfter that is later than D+1 02:00 UTC', () => {
    const text = `{"metadata": {"fetchedAt": "2026-02-01T00:00:00Z"},
"rows": [
 {"date": "2026-01-05", "availableAfter": "2026-01-06T14:30:00.000Z", "metrics": {"totalFlowUSDm": 3, "fundFlowsUSDm": {"IBIT": 1, "FBTC": 2}}},
 {"date": "2026-01-06", "availableAfter": "2026-01-07T01:59:59.000Z", "metrics": {"totalFlowUSDm": 1, "fundFlowsUSDm": {"IBIT": 1, "FBTC": 0}}}
]}`;
    expect(parse(text).observations.map((o) => `${o.date} ${o.key} ${o.knownAt}`)).toEqual([
      '2026-01-05 IBIT 2026-01-06T14:30:00.000Z',
      '2026-01-05 FBTC 2026-01-06T14:30:00.000Z',
      '2026-01-05 farside 2026-01-06T14:30:00.000Z',
      '2026-01-06 IBIT 2026-01-07T02:00:00.000Z',
      '2026-01-06 FBTC 2026-01-07T02:00:00.000Z',
      '2026-01-06 farside 2026-01-07T02:00:00.000Z',
    ]);
  });

  it('fails clearly on malformed JSON, naming the file', () => {
    expect(() => parse('{"metadata": {}, "rows": [ {"date": ', 'broken.json')).toThrow(
      /farside-json-cache: broken\.json: malformed JSON/,
    );
    expect(() => parse('{"metadata": {}, "rows": {}}', 'wrong.json')).toThrow(
      /wrong\.json: expected an object \{ metadata, rows/,
    );
  });

  it('a later snapshot with a restated figure becomes a new version known from its fetchedAt', async () => {
    const store = await openDuckDbStore(':memory:');
    const first = await importFiles(store, [FIXTURE]);
    expect(first[0]?.counts).toEqual({ inserted: 19, revised: 0, unchanged: 0 });
    const again = await importFiles(store, [FIXTURE]);
    expect(again[0]?.counts).toEqual({ inserted: 0, revised: 0, unchanged: 19 });
    const restated = readFileSync(FIXTURE, 'utf8')
      .replace('"fetchedAt": "2026-02-01T00:10:00.000Z"', '"fetchedAt": "2026-03-01T00:00:00.000Z"')
      .replace('"totalFlowUSDm": -243.2', '"totalFlowUSDm": -250.1');
    const later = parse(restated, 'later.json');
    const counts = await store.ingest([
      {
        provenance: { source: later.source, origin: 'later.json', observedAt: later.observedAt },
        observations: later.observations,
      },
    ]);
    expect(counts[0]).toEqual({ inserted: 0, revised: 1, unchanged: 18 });
    const total = (asOf?: string) =>
      store.read({ dataset: 'etf-flows-total', asset: 'BTC', from: '2026-01-06', to: '2026-01-06', asOf });
    expect((await total()).map((o) => o.value)).toEqual([-250_100_000]);
    expect((await total('2026-02-15')).map((o) => o.value)).toEqual([-243_200_000]);
    await store.close();
  });
});
