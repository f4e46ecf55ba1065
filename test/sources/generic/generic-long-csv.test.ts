import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericLongCsv } from '../../../src/sources/generic/generic-long-csv.js';
import { resolveSeries, SERIES_NAMES } from '../../../src/sources/generic/series.js';

const fixture = (name: string) => {
  const path = resolve('test/fixtures/generic', name);
  return { path, text: readFileSync(path, 'utf8') };
};
const detect = (head: string): boolean => genericLongCsv.detect({ path: 'x.csv', name: 'x.csv', head });

describe('generic-long-csv', () => {
  it('detects the long header with optional columns in any order, and nothing else', () => {
    expect(detect('date,series,key,value\n')).toBe(true);
    expect(detect('date,series,asset,key,value,known_at,source\r\n')).toBe(true);
    expect(detect('series,date,value,key\n')).toBe(true);
    expect(detect('date,series,key\n')).toBe(false);
    expect(detect('date,series,key,value,comment\n')).toBe(false);
    expect(detect('date,IBIT,FBTC,Total\n')).toBe(false);
  });

  it('imports equity series without an asset column (EQUITY is implied), known the next day', () => {
    const result = genericLongCsv.parse(fixture('equity-etf-flows.csv'));
    expect(result.source).toBe('generic');
    expect(result.rejects).toEqual([]);
    expect(result.observations).toEqual([
      {
        dataset: 'equity-etf-flows',
        field: 'netFlowUsd',
        asset: 'EQUITY',
        key: 'us-equity-etfs',
        date: '2025-11-30',
        value: 96e9,
        knownAt: '2025-12-01T00:00:00.000Z',
      },
      {
        dataset: 'equity-etf-flows',
        field: 'netFlowUsd',
        asset: 'EQUITY',
        key: 'global-equity-etfs',
        date: '2025-12-31',
        value: 235e9,
        knownAt: '2026-01-01T00:00:00.000Z',
      },
      {
        dataset: 'equity',
        field: 'close',
        asset: 'EQUITY',
        key: 'MSTR',
        date: '2026-01-05',
        value: 157.2,
        knownAt: '2026-01-06T00:00:00.000Z',
      },
    ]);
  });

  it('reads asset, known_at (timestamp or date) and source columns', () => {
    const result = genericLongCsv.parse(fixture('perp-funding-long.csv'));
    expect(result.source).toBe('bybit-export');
    expect(result.rejects).toEqual([]);
    expect(result.observations).toEqual([
      {
        dataset: 'perp',
        field: 'fundingRate8h',
        asset: 'BTC',
        key: 'bybit',
        date: '2025-10-09',
        value: 0.0001,
        knownAt: '2025-10-10T00:00:00.000Z',
      },
      {
        dataset: 'perp',
        field: 'fundingRate8h',
        asset: 'BTC',
        key: 'bybit',
        date: '2025-10-10',
        value: -0.00035,
        knownAt: '2025-10-11T08:00:00.000Z',
      },
      {
        dataset: 'perp',
        field: 'openInterestUsd',
        asset: 'ETH',
        key: 'bybit',
        date: '2025-10-10',
        value: 7.25e9,
        knownAt: '2025-10-12T00:00:00.000Z',
      },
      {
        dataset: 'exchange-oi',
        field: 'openInterestUsd',
        asset: 'MULTI',
        key: 'bybit',
        date: '2025-10-10',
        value: 2.91e10,
        knownAt: '2025-10-11T00:00:00.000Z',
      },
    ]);
  });

  it('rejects bad rows naming line and field; the rest imports', () => {
    const text = [
      'date,series,asset,key,value,known_at,source',
      '2026-01-05,etf-flows.netFlowUsd,BTC,IBIT,1000000,,',
      '2026-01-05,etf-flows.netFlowUSD,BTC,IBIT,1,,',
      '2026-01-05,etf-flow.netFlowUsd,BTC,IBIT,1,,',
      '2026-01-06,etf-flows.netFlowUsd,,IBIT,1,,',
      '2026-01-06,etf-flows.netFlowUsd,DOGE,IBIT,1,,',
      '2026-01-06,etf-flows.netFlowUsd,BTC,IBIT,NaN,,',
      '2026-01-06,etf-flows.netFlowUsd,BTC,IBIT,,,',
      '2026-01-06,etf-flows.netFlowUsd,BTC,IBIT,1,2026-01-05,',
      '2026-01-06,etf-flows.netFlowUsd,BTC,IBIT,1,soon,',
      '2026-02-30,etf-flows.netFlowUsd,BTC,IBIT,1,,',
      '2026-01-05,etf-flows.netFlowUsd,BTC,IBIT,2000000,,',
      '2026-01-07,etf-flows.netFlowUsd,BTC,,1,,',
      '2026-01-07,etf-flows.netFlowUsd,BTC,IBIT,1,,other',
      '2026-01-07,etf-flows.netFlowUsd,BTC,FBTC,1,',
      '2026-01-08,etf-flows.netFlowUsd,BTC,IBIT,-2500000,,',
    ].join('\n');
    const result = genericLongCsv.parse({ path: 'g.csv', text });
    const fields = result.rejects.map((r) => `${r.line} ${r.field ?? '-'}`);
    expect(fields).toEqual([
      '3 series',
      '4 series',
      '5 asset',
      '6 asset',
      '7 value',
      '8 value',
      '9 known_at',
      '10 known_at',
      '11 date',
      '12 date',
      '13 key',
      '15 -',
    ]);
    const msg = (line: number) => result.rejects.find((r) => r.line === line)?.message;
    expect(msg(3)).toBe('unknown series "etf-flows.netFlowUSD"; valid series of etf-flows: etf-flows.netFlowUsd');
    expect(msg(4)).toMatch(
      /^unknown series "etf-flow.netFlowUsd"; valid series: etf-flows.netFlowUsd, etf-flows-total.netFlowUsd, /,
    );
    expect(msg(5)).toMatch(/asset is required for etf-flows/);
    expect(msg(7)).toBe('"NaN" is not a number');
    expect(msg(9)).toBe("2026-01-05T00:00:00.000Z is before the row's date 2026-01-06");
    expect(msg(12)).toBe('duplicate of line 2 (etf-flows.netFlowUsd BTC IBIT 2026-01-05): the first row is kept');
    expect(result.source).toBe('other');
    expect(result.observations.map((o) => `${o.date} ${o.key} ${o.value}`)).toEqual([
      '2026-01-05 IBIT 1000000',
      '2026-01-07 IBIT 1',
      '2026-01-08 IBIT -2500000',
    ]);
  });

  it('rejects a second source within a file', () => {
    const text =
      'date,series,asset,key,value,source\n2026-01-05,perp.fundingRate8h,BTC,okx,0.0001,okx\n2026-01-06,perp.fundingRate8h,BTC,okx,0.0001,bybit\n';
    const result = genericLongCsv.parse({ path: 'g.csv', text });
    expect(result.rejects).toEqual([
      { line: 3, field: 'source', message: '"bybit" differs from the file\'s source "okx": one source per file' },
    ]);
  });

  it('lists every catalog series and resolves dataset names containing dashes', () => {
    expect(SERIES_NAMES).toContain('equity-etf-flows.netFlowUsd');
    expect(SERIES_NAMES).toContain('cot.leveragedFundsNetCoins');
    expect(resolveSeries('etf-flows-total.netFlowUsd')).toEqual({
      ok: true,
      dataset: 'etf-flows-total',
      field: 'netFlowUsd',
    });
    expect(resolveSeries('perp').ok).toBe(false);
  });
});
