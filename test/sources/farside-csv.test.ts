import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { farsideDailyCsv } from '../../src/sources/farside/farside-csv.js';
import { farsideRowsToObservations } from '../../src/sources/farside/farside-rows.js';
import { detectLayout } from '../../src/sources/import-files.js';

const FIXTURE = resolve(process.cwd(), 'test/fixtures/farside/farside_btc_etf_flows__daily.csv');

describe('farside-daily-csv', () => {
  it('is the layout detected for the fixture', () => {
    const layout = detectLayout(FIXTURE);
    expect(typeof layout === 'string' ? layout : layout.id).toBe('farside-daily-csv');
  });

  it('reads three days, skips the Total footer and the empty MSBT cells', () => {
    const parsed = farsideDailyCsv.parse({ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') });
    expect(parsed.source).toBe('farside');
    expect(parsed.rejects).toEqual([]);
    // 3 days × (11 funds with a figure + the total); MSBT is empty on every row.
    expect(parsed.observations).toHaveLength(36);
    expect(new Set(parsed.observations.map((o) => o.date))).toEqual(
      new Set(['2026-01-05', '2026-01-06', '2026-01-07']),
    );
    expect(parsed.observations.some((o) => o.key === 'MSBT')).toBe(false);
    const total = parsed.observations
      .filter((o) => o.dataset === 'etf-flows-total')
      .map((o) => [o.key, o.date, o.value, o.knownAt]);
    expect(total).toEqual([
      ['farside', '2026-01-05', 697_200_000, '2026-01-06T02:00:00.000Z'],
      ['farside', '2026-01-06', -243_200_000, '2026-01-07T02:00:00.000Z'],
      ['farside', '2026-01-07', -486_100_000, '2026-01-08T02:00:00.000Z'],
    ]);
    expect(parsed.observations.find((o) => o.key === 'FBTC' && o.date === '2026-01-06')?.value).toBe(-312_200_000);
  });
});

describe('farsideRowsToObservations', () => {
  const header = ['Date', 'IBIT', 'FBTC', 'Total'];
  const rows = [
    { line: 2, cells: ['Blackrock', 'Fidelity', '', ''] },
    { line: 3, cells: ['05 Jan 2026', '(243.2)', '-', '12.0'] },
    { line: 4, cells: ['', '', '', ''] },
    { line: 5, cells: ['not a day', '1', '1', '2'] },
    { line: 6, cells: ['06 Jan 2026', '1', 'x', '2'] },
    { line: 7, cells: ['05 Jan 2026', '1', '1', '2'] },
    { line: 8, cells: ['07 Jan 2026', '1', '2'] },
    { line: 9, cells: ['Average', '1', '1', '2'] },
  ];

  it('rejects every undated row unless skipPreamble, and whole rows with a bad cell, a repeated date or a wrong width', () => {
    const plain = farsideRowsToObservations(header, rows, 'BTC');
    expect(plain.observations.map((o) => `${o.dataset} ${o.key} ${o.date} ${o.value} ${o.knownAt}`)).toEqual([
      'etf-flows IBIT 2026-01-05 -243200000 2026-01-06T02:00:00.000Z',
      'etf-flows-total farside 2026-01-05 12000000 2026-01-06T02:00:00.000Z',
    ]);
    expect(plain.rejects.map((r) => `${r.line} ${r.field ?? '-'}`)).toEqual([
      '2 date',
      '4 date',
      '5 date',
      '6 FBTC',
      '7 date',
      '8 -',
    ]);
    // The issuer row before the first date and the blank row are skipped; "not a day" after data is still rejected.
    const html = farsideRowsToObservations(header, rows, 'BTC', { skipPreamble: true });
    expect(html.observations).toEqual(plain.observations);
    expect(html.rejects.map((r) => `${r.line} ${r.field ?? '-'}`)).toEqual(['5 date', '6 FBTC', '7 date', '8 -']);
  });
});
