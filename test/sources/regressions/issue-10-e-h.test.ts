// Regression tests for issue 10, findings E–H (importers): E strict ISO dates; F negative prices,
// liquidations, open interest and AUM; G a file cut mid-line; H results independent of row order,
// all-quoted Farside CSV and CR-only line ends.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../../src/sources/cells.js';
import { artemisAumCsv } from '../../../src/sources/artemis/artemis-aum-csv.js';
import { artemisExchangeOiCsv } from '../../../src/sources/artemis/artemis-exchange-oi-csv.js';
import { cryptoQuantMetricCsv } from '../../../src/sources/cryptoquant/cryptoquant-metric-csv.js';
import { cryptoQuantPriceCsv } from '../../../src/sources/cryptoquant/cryptoquant-price-csv.js';
import { farsideDailyCsv } from '../../../src/sources/farside/farside-csv.js';
import { parseFarsideHtml } from '../../../src/sources/farside/farside-html.js';
import { genericLongCsv } from '../../../src/sources/generic/generic-long-csv.js';
import { detectLayout } from '../../../src/sources/import-files.js';
import { tradingViewCsv } from '../../../src/sources/tradingview/tradingview-csv.js';
import { rowsOf, scratch, TODAY } from '../../helpers/regression-scratch.js';

const FIXTURES = resolve(process.cwd(), 'test/fixtures');
const fixture = (p: string): string => readFileSync(resolve(FIXTURES, p), 'utf8');
const FUNDING = 'Bitcoin Funding Rates - All Exchanges - Day.csv';

describe('issue 10 E: dates are strict ISO (or a known vendor form), within 2009-01-03 … today + lag', () => {
  it('E: trailing text, impossible times, year 0001 and 9999-12-31 are rejected, each with its reason', () => {
    const text = [
      'date,Funding Rates',
      '2025-01-02 garbage,0.01',
      '2025-01-02T25:00:00,0.01',
      '0001-01-01,0.01',
      '9999-12-31,0.01',
      '2025-01-03T00:00:00Z,0.02',
      '',
    ].join('\n');
    const parsed = cryptoQuantMetricCsv.parse({ path: FUNDING, text, today: TODAY });
    expect(parsed.rejects).toEqual([
      { line: 2, field: 'date', message: '"2025-01-02 garbage" is not a valid date' },
      { line: 3, field: 'date', message: '"2025-01-02T25:00:00" has an impossible time of day' },
      {
        line: 4,
        field: 'date',
        message: 'date 0001-01-01 is before 2009-01-03 (the bitcoin genesis block, the first market date)',
      },
      { line: 5, field: 'date', message: 'date 9999-12-31 is after 2026-07-31 (today + 31 days)' },
    ]);
    expect(rowsOf(parsed.observations)).toEqual(['perp/fundingRate8h/BTC/all/2025-01-03=0.0002']);
  });

  it('E: the date reader accepts the vendor forms it knows and nothing looser', () => {
    expect(readDateCell('05 Jan 2026')).toEqual({ ok: true, date: '2026-01-05' });
    expect(readDateCell('2026-01-05 00:00')).toEqual({ ok: true, date: '2026-01-05' });
    expect(readDateCell('05 Janxyz 2026').ok).toBe(false);
    expect(readDateCell('2026-1-5').ok).toBe(false);
    expect(readDateCell('05/01/26').ok).toBe(false);
  });
});

describe('issue 10 F: negative prices, liquidations, open interest and AUM are rejected', () => {
  it('F: each names its line, column and value, and the rest of the file imports', () => {
    const price = cryptoQuantPriceCsv.parse({
      path: 'Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv',
      text: 'date,Open,High,Low,Close,Volume\n2025-10-09,1,2,1,-5,10\n2025-10-10,1,2,1,2,10\n',
      today: TODAY,
    });
    expect(price.rejects).toEqual([
      {
        line: 2,
        field: 'Close',
        message:
          '-5 USD is below 0 (a price is never negative; 1e8 USD a unit is ~800× bitcoin’s record and far above any listed share)',
      },
    ]);
    expect(new Set(price.observations.map((o) => o.date))).toEqual(new Set(['2025-10-10']));
    const liq = cryptoQuantMetricCsv.parse({
      path: 'Bitcoin Long Liquidations USD - All Exchanges, All Symbol - Day.csv',
      text: 'date,Long Liquidations USD\n2025-10-09,-1\n2025-10-10,5\n',
      today: TODAY,
    });
    expect(liq.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['2 Long Liquidations USD']);
    expect(liq.rejects[0]!.message).toMatch(/^-1 USD is below 0 \(a liquidated value is never negative/);
    const oi = artemisExchangeOiCsv.parse({
      path: 'Centralized Exchanges - Open Interest.csv',
      text: 'date,Binance,OKX\n2025-10-09,-42200000000,1\n2025-10-10,1,2\n',
      today: TODAY,
    });
    expect(oi.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['2 Binance']);
    expect(oi.rejects[0]!.message).toMatch(/^-42200000000 USD is below 0/);
    const aum = artemisAumCsv.parse({
      path: 'Bitcoin ETFs AUM.csv',
      text: 'date,IBIT\n2025-01-02,-5\n2025-01-03,6\n',
      today: TODAY,
    });
    expect(aum.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['2 IBIT']);
    expect(rowsOf(aum.observations)).toEqual(['etf-aum/aumUsd/BTC/IBIT/2025-01-03=6']);
    const tvOi = tradingViewCsv.parse({
      path: 'CME_BTC_front_month_futures__daily.csv',
      text: 'date,open,high,low,close,Volume,Open Interest\n2025-10-09,1,1,1,1,1,-3\n',
      today: TODAY,
    });
    expect(tvOi.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['2 Open Interest', '2 Open Interest × close']);
  });
});

describe('issue 10 G: a file cut mid-line has its last line rejected', () => {
  it('G: no final line break and a value in the last cell → the line is rejected; with the break it imports', () => {
    const whole = 'date,Funding Rates\n2025-01-02,0.01\n2025-01-03,0.32464151\n';
    const cut = whole.slice(0, whole.indexOf('0.32464151') + 6);
    const parsed = cryptoQuantMetricCsv.parse({ path: FUNDING, text: cut, today: TODAY });
    expect(parsed.rejects).toEqual([
      {
        line: 3,
        message:
          'the file ends inside this line (no line break after it): it may have been cut short, so it is not used; end the file with a line break if the line is whole',
      },
    ]);
    expect(rowsOf(parsed.observations)).toEqual(['perp/fundingRate8h/BTC/all/2025-01-02=0.0001']);
    expect(cryptoQuantMetricCsv.parse({ path: FUNDING, text: whole, today: TODAY }).observations).toHaveLength(2);
    // A generic long CSV whose last cell is empty lost nothing: it imports without the final break.
    const generic = genericLongCsv.parse({
      path: 'g.csv',
      text: 'date,series,key,value,source\n2026-01-05,equity-etf-flows.netFlowUsd,SPY,5,',
      today: TODAY,
    });
    expect(generic.rejects).toEqual([]);
  });

  it('G: a Farside page cut inside the flow table loses its last row, not a truncated figure', () => {
    const html = fixture('farside-html/btc-all-data.html');
    const cutAt = html.indexOf('1,178.2') + 3; // "1,1" of the 06 Jan total
    const table = parseFarsideHtml(html.slice(0, cutAt), 'cut.html', { today: TODAY });
    expect(table.observations.some((o) => o.date === '2026-01-06')).toBe(false);
    expect(table.rejects).toEqual([expect.objectContaining({ line: 6, message: expect.stringMatching(/cut short/) })]);
    expect(new Set(table.observations.map((o) => o.date))).toEqual(new Set(['2026-01-02', '2026-01-05']));
  });
});

describe('issue 10 H: results do not depend on row order; quoted and CR-only files are read', () => {
  const shuffle = (text: string, order: (body: string[]) => string[]): string => {
    const [header, ...body] = text.trimEnd().split('\n');
    return [header, ...order(body), ''].join('\n');
  };

  it('H: shuffled Artemis AUM adds no zero rows; reversed CME weekly gives the same values', () => {
    const aum = 'date,IBIT,BTC\n2024-01-11,0,0\n2024-01-12,5,0\n2024-01-13,6,0\n2024-07-31,7,1\n2024-08-01,8,0\n';
    const parse = (text: string): string[] =>
      rowsOf(artemisAumCsv.parse({ path: 'Bitcoin ETFs AUM.csv', text, today: TODAY }).observations);
    const ordered = parse(aum);
    // IBIT 5, 6, 7, 8 and BTC 1 then its 0 after launch; no zero from before a fund's launch.
    expect(ordered).toHaveLength(6);
    expect(parse(shuffle(aum, (b) => [b[3]!, b[0]!, b[4]!, b[2]!, b[1]!]))).toEqual(ordered);
    expect(parse(shuffle(aum, (b) => [...b].reverse()))).toEqual(ordered);
    const weekly = fixture('vendor-csv/tradingview/CME_BTC1_continuous_futures__weekly.csv');
    const tv = (text: string): string[] =>
      rowsOf(
        tradingViewCsv.parse({ path: 'CME_BTC1_continuous_futures__weekly.csv', text, today: TODAY }).observations,
      );
    expect(tv(shuffle(weekly, (b) => [...b].reverse()))).toEqual(tv(weekly));
  });

  it('H: an all-quoted Farside CSV and CR-only line ends read like the plain file', async () => {
    const plain = fixture('farside/farside_btc_etf_flows__daily.csv');
    const quoted = plain
      .trimEnd()
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .map((c) => `"${c}"`)
          .join(','),
      )
      .join('\r\n')
      .concat('\r\n');
    const crOnly = plain.replace(/\n/g, '\r');
    const read = (text: string): string[] =>
      rowsOf(farsideDailyCsv.parse({ path: 'f.csv', text, today: TODAY }).observations);
    expect(read(quoted)).toEqual(read(plain));
    expect(read(crOnly)).toEqual(read(plain));
    expect(read(plain)).toHaveLength(36);
    const s = scratch();
    try {
      const file = s.write('farside_quoted.csv', quoted);
      const cr = s.write('farside_cr.csv', crOnly);
      expect([detectLayout(file), detectLayout(cr)].map((l) => (typeof l === 'string' ? l : l.id))).toEqual([
        'farside-daily-csv',
        'farside-daily-csv',
      ]);
    } finally {
      s.remove();
    }
  });
});
