// Regression tests for issue 10, findings A–D (importers): each reproduces the probe's input and
// asserts the fixed behaviour. A: an out-of-range date never aborts a run; B: overflow to ±Infinity
// after unit scaling is rejected; C: fund headers resolve to the catalog; D: Farside HTML dates and
// decoy tables.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { artemisAumCsv } from '../../../src/sources/artemis/artemis-aum-csv.js';
import { cftcCotJsonCache } from '../../../src/sources/caches/cftc-cot-json.js';
import { parseFarsideHtml } from '../../../src/sources/farside/farside-html.js';
import { importFiles } from '../../../src/sources/import-files.js';
import { tradingViewCsv } from '../../../src/sources/tradingview/tradingview-csv.js';
import { rowsOf, scratch, TODAY, type Scratch } from '../../helpers/regression-scratch.js';

const FIXTURES = resolve(process.cwd(), 'test/fixtures');
const fixture = (p: string): string => readFileSync(resolve(FIXTURES, p), 'utf8');
const TV_HEADER =
  'date,open,high,low,close,Volume,Open Interest,Open Interest (Open),Open Interest (High,Open Interest (Low),Open Interest (Close)';

let s: Scratch;
afterEach(() => s?.remove());

describe('issue 10 A: a row dated 9999-12-31 is one rejected row, not an aborted run', () => {
  it('A: imports the good rows of the file and every other file, naming file, line, field and value', async () => {
    s = scratch();
    const funding = s.write(
      'Bitcoin Funding Rates - All Exchanges - Day.csv',
      'date,Funding Rates\n2025-01-01,0.01\n9999-12-31,0.02\n2025-01-02,0.03\n',
    );
    const eth = s.write(
      'CME_ETH_front_month_futures__daily.csv',
      `${TV_HEADER}\n2025-10-09,4400,4450,4300,4350.5,800,4000,,,,\n9999-12-31,1,1,1,1,1,1,,,,\n`,
    );
    const farside = s.write('farside.csv', fixture('farside/farside_btc_etf_flows__daily.csv'));
    const store = await s.openStore();
    try {
      const summaries = await importFiles(store, [funding, eth, farside], { today: TODAY });
      expect(summaries.map((x) => x.skipped)).toEqual([undefined, undefined, undefined]);
      const [f, e, g] = summaries;
      expect(f!.rejects).toEqual([`${funding}:3 date: date 9999-12-31 is after 2026-07-31 (today + 31 days)`]);
      // The CME ETH layout maps a file date to its trade date (+1 day): 9999-12-31 used to raise a RangeError.
      expect(e!.rejects).toEqual([`${eth}:3 date: date 9999-12-31 is after 2026-07-31 (today + 31 days)`]);
      expect(f!.counts.inserted).toBe(2);
      expect(e!.counts.inserted).toBe(7);
      expect(g!.counts.inserted).toBe(36);
      expect((await store.read({ dataset: 'perp', asset: 'BTC' })).map((o) => o.date)).toEqual([
        '2025-01-01',
        '2025-01-02',
      ]);
    } finally {
      await store.close();
    }
  });

  it('A: a date past today + the dataset’s own lag is rejected by the dataset’s rule', () => {
    // CME rows may run one day ahead (a session opened this evening trades tomorrow), not two.
    const text = `${TV_HEADER}\n2026-06-30,1,1,1,1,1,1,,,,\n2026-07-01,1,1,1,1,1,1,,,,\n`;
    const parsed = tradingViewCsv.parse({ path: 'CME_BTC_front_month_futures__daily.csv', text, today: TODAY });
    expect(new Set(parsed.observations.map((o) => o.date))).toEqual(new Set(['2026-07-01']));
    expect(parsed.rejects).toEqual([
      {
        line: 3,
        field: 'date',
        message:
          'date 2026-07-02 is after 2026-07-01 (today + 1 day: a session opened this evening is stored on tomorrow’s trade date)',
      },
    ]);
  });
});

describe('issue 10 B: values that overflow to ±Infinity after unit scaling are rejected', () => {
  it('B: a Farside cell of -1e308 US$ millions is rejected, not stored as -Infinity', async () => {
    s = scratch();
    const text = fixture('farside/farside_btc_etf_flows__daily.csv').replace('228.7,-312.2', '228.7,-1e308');
    const file = s.write('farside.csv', text);
    const store = await s.openStore();
    try {
      const [summary] = await importFiles(store, [file], { today: TODAY });
      expect(summary!.rejects).toEqual([`${file}:3 FBTC: "-1e308 (US$ millions)" → -Infinity is not a finite number`]);
      const stored = await store.read({ dataset: 'etf-flows', asset: 'BTC' });
      expect(stored.every((o) => Number.isFinite(o.value))).toBe(true);
      expect(stored.some((o) => o.date === '2026-01-06')).toBe(false);
      expect(new Set(stored.map((o) => o.date))).toEqual(new Set(['2026-01-05', '2026-01-07']));
    } finally {
      await store.close();
    }
  });

  it('B: TradingView open interest × price and the CFTC cache cannot overflow into the store', () => {
    const tv = tradingViewCsv.parse({
      path: 'CME_BTC_front_month_futures__daily.csv',
      text: `${TV_HEADER}\n2025-10-09,1,1,1,1e300,1,1e10,,,,\n2025-10-10,1,1,1,1,1,1,,,,\n`,
      today: TODAY,
    });
    expect(tv.observations.every((o) => Number.isFinite(o.value) && o.date === '2025-10-11')).toBe(true);
    expect(tv.rejects.map((r) => `${r.line} ${r.field}`)).toEqual([
      '2 close',
      '2 Open Interest',
      '2 Open Interest × close',
    ]);
    expect(tv.rejects.at(-1)?.message).toBe(
      '"10000000000 contracts × 5 coins × close 1e+300" → Infinity is not a finite number',
    );
    const cot = fixture('caches/cot-history.json').replace('"openInterestBtc": 90000', '"openInterestBtc": 1e308');
    const parsed = cftcCotJsonCache.parse({ path: 'cot.json', text: cot, today: TODAY });
    expect(parsed.rejects).toEqual([
      { line: 26, field: 'rows[1].metrics.openInterestBtc', message: '"1e+308" → Infinity is not a finite number' },
    ]);
    expect(parsed.observations.every((o) => o.date === '2025-12-30')).toBe(true);
  });
});

describe('issue 10 C: fund headers are normalised to the catalog or skipped with a warning', () => {
  it('C: a lower-case or stray-byte Farside header stores the catalog ticker', () => {
    const html = fixture('farside-html/btc-all-data.html')
      .replace('<span class="tabletext">IBIT</span>', '<span class="tabletext">ibit</span>')
      .replace('<span class="tabletext">ARKB</span>', '<span class="tabletext">\uFFFDARKB</span>')
      .replace('<span class="tabletext">HODL</span>', '<span class="tabletext">h0dl?</span>');
    const table = parseFarsideHtml(html, 'page.html', { today: TODAY });
    const keys = new Set(table.observations.map((o) => o.key));
    expect(keys.has('IBIT') && keys.has('ARKB')).toBe(true);
    expect([...keys].filter((k) => !/^[A-Z]{3,4}$/.test(k) && k !== 'farside')).toEqual([]);
    expect(keys.has('HODL')).toBe(false);
    expect(table.warnings).toEqual(['column "h0dl?" names no BTC fund of the catalog (read as "H0DL"): skipped']);
  });

  it('C: an upper-case Artemis mini-trust header is the mini trust, not a fund "BITCOIN"', () => {
    const parsed = artemisAumCsv.parse({
      path: 'Bitcoin ETFs AUM.csv',
      text: 'date,IBIT,BITCOIN\n2025-01-02,5,6\n',
      today: TODAY,
    });
    expect(rowsOf(parsed.observations)).toEqual([
      'etf-aum/aumUsd/BTC/BTC/2025-01-02=6',
      'etf-aum/aumUsd/BTC/IBIT/2025-01-02=5',
    ]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('issue 10 D: Farside HTML dates and tables', () => {
  const page = (rows: string, before = ''): string =>
    fixture('farside-html/btc-all-data.html')
      .replace(/<tbody>[^]*<\/tbody>/, `<tbody>${rows}</tbody>`)
      .replace('<figure class="wp-block-table">', `${before}<figure class="wp-block-table">`);
  const row = (date: string, ibit = '1.0', total = '1.0'): string =>
    `<tr><td>${date}</td><td>${ibit}</td>${'<td>-</td>'.repeat(11)}<td>${total}</td></tr>`;

  it('D: a bad-date row before the first good row is rejected with a reason', () => {
    const table = parseFarsideHtml(page(row('32 Jan 2026') + row('05 Jan 2026')), 'p.html', { today: TODAY });
    expect(table.rejects).toEqual([{ line: 4, field: 'date', message: '"32 Jan 2026" is not a valid date' }]);
    expect(table.observations.map((o) => o.date)).toEqual(['2026-01-05', '2026-01-05']);
  });

  it('D: US-format dates are read when the table shows their order, otherwise rejected loudly', async () => {
    const spelled = parseFarsideHtml(page(row('Jan 5, 2026') + row('Jan 6, 2026')), 'p.html', { today: TODAY });
    expect(new Set(spelled.observations.map((o) => o.date))).toEqual(new Set(['2026-01-05', '2026-01-06']));
    const slashed = parseFarsideHtml(page(row('01/05/2026') + row('01/13/2026')), 'p.html', { today: TODAY });
    expect(new Set(slashed.observations.map((o) => o.date))).toEqual(new Set(['2026-01-05', '2026-01-13']));
    s = scratch();
    const ambiguous = s.write('farside.html', page(row('01/05/2026') + row('01/06/2026')));
    const store = await s.openStore();
    try {
      const [summary] = await importFiles(store, [ambiguous], { today: TODAY });
      // Never "0 rows, exit 0": every row is rejected as ambiguous and the file is reported as failed.
      expect(summary!.rejects).toHaveLength(2);
      expect(summary!.rejects[0]).toMatch(
        /farside\.html:4 date: "01\/05\/2026" is ambiguous: month\/day \(US\) or day\/month/,
      );
      expect(summary!.skipped).toMatch(/^no row could be read: all 2 rejected/);
    } finally {
      await store.close();
    }
  });

  it('D: the table with the expected header wins over a decoy table above it', () => {
    const decoy = `<table><tr><th>Top</th><th>IBIT</th><th>FBTC</th><th>BITB</th><th>Total</th></tr><tr><td>05 Jan 2026</td><td>999</td><td>999</td><td>999</td><td>999</td></tr></table>`;
    const table = parseFarsideHtml(page(row('05 Jan 2026', '7.0', '7.0') + row('06 Jan 2026'), decoy), 'p.html', {
      today: TODAY,
    });
    expect(table.observations.find((o) => o.key === 'IBIT' && o.date === '2026-01-05')?.value).toBe(7_000_000);
    expect(table.funds).toHaveLength(12);
  });
});
