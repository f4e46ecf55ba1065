// readMany and lastDatesByKey: several point-in-time queries answered in one pass, each exactly as `read` answers it —
// revised values, a revision from another source, overlapping queries and an empty one included.
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/domain/observation.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { ObservationQuery } from '../../src/store/store.js';
import { observationRows } from '../../src/store/observation-columns.js';

const flow = (key: string, date: string, value: number, knownAt: string): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key,
  date,
  value,
  knownAt,
});
const close = (key: string, date: string, value: number): Observation => ({
  dataset: 'spot',
  field: 'close',
  asset: 'BTC',
  key,
  date,
  value,
  knownAt: `${date}T23:59:00.000Z`,
});

describe('store readMany', () => {
  it('returns, per query in order, the rows read returns (latest version by the cut-off, its source)', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      {
        provenance: { source: 'farside', origin: 'a.csv' },
        observations: [
          flow('IBIT', '2026-01-05', 1e6, '2026-01-06T02:00:00.000Z'),
          flow('FBTC', '2026-01-05', -2e6, '2026-01-06T02:00:00.000Z'),
          flow('IBIT', '2026-01-06', 3e6, '2026-01-07T02:00:00.000Z'),
        ],
      },
      {
        provenance: { source: 'coingecko', origin: 'b.csv' },
        observations: [close('coingecko', '2026-01-05', 90_000), close('coingecko', '2026-01-06', 91_000)],
      },
    ]);
    // IBIT's 2026-01-05 flow restated by another source (a new version, known from its import).
    await store.ingest([
      {
        provenance: { source: 'artemis', origin: 'c.csv' },
        observations: [flow('IBIT', '2026-01-05', 1.5e6, '2026-01-09T00:00:00.000Z')],
      },
    ]);
    const queries: ObservationQuery[] = [
      { dataset: 'etf-flows', asset: 'BTC', asOf: '2026-01-08' },
      { dataset: 'etf-flows', asset: 'BTC' },
      { dataset: 'spot', asset: 'BTC', fields: ['close'], from: '2026-01-06' },
      { dataset: 'etf-flows', keys: ['ibit'] },
      { dataset: 'cme', asset: 'BTC' },
    ];
    const many = (await store.readColumns(queries)).map((columns) => observationRows(columns));
    expect(many).toEqual(await Promise.all(queries.map((q) => store.read(q))));
    expect(many.map((rows) => rows.length)).toEqual([3, 3, 1, 2, 0]);
    expect(many[0]!.find((r) => r.key === 'IBIT' && r.date === '2026-01-05')).toMatchObject({
      value: 1e6,
      source: 'farside',
    });
    expect(many[1]!.find((r) => r.key === 'IBIT' && r.date === '2026-01-05')).toMatchObject({
      value: 1.5e6,
      source: 'artemis',
    });
    // Ordered by date, then key, then field.
    expect(many[1]!.map((r) => `${r.date} ${r.key}`)).toEqual([
      '2026-01-05 FBTC',
      '2026-01-05 IBIT',
      '2026-01-06 IBIT',
    ]);
    expect(await store.readColumns([])).toEqual([]);
    // Per key, the last date of what read returns: point in time, field and key filters applied.
    expect(await store.lastDatesByKey({ dataset: 'etf-flows', asset: 'BTC', asOf: '2026-01-06' })).toEqual(
      new Map([
        ['IBIT', '2026-01-05'],
        ['FBTC', '2026-01-05'],
      ]),
    );
    expect(await store.lastDatesByKey({ dataset: 'etf-flows', asset: 'BTC' })).toEqual(
      new Map([
        ['IBIT', '2026-01-06'],
        ['FBTC', '2026-01-05'],
      ]),
    );
    expect(await store.lastDatesByKey({ dataset: 'spot', fields: ['close'], to: '2026-01-05' })).toEqual(
      new Map([['coingecko', '2026-01-05']]),
    );
    expect(await store.lastDatesByKey({ dataset: 'cme' })).toEqual(new Map());
    await store.close();
  });
});
