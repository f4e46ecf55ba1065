import { describe, expect, it } from 'vitest';
import { tradingViewCsv } from '../../../src/sources/tradingview/tradingview-csv.js';
import { importFiles } from '../../../src/sources/import-files.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { fixturePath, parseFixture, rejectSites, rows } from '../../helpers/vendor-csv-fixture.js';

const HEADER =
  'date,open,high,low,close,Volume,Open Interest,Open Interest (Open),Open Interest (High,Open Interest (Low),Open Interest (Close)';

describe('tradingview-csv: CME daily', () => {
  it('shifts session-opening dates to the trade date and values OI at 5 BTC per contract', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/CME_BTC_front_month_futures__daily.csv');
    expect(parsed.source).toBe('tradingview');
    expect(rows(parsed.observations)).toEqual([
      'cme/close/BTC/front/2025-10-10=121500',
      'cme/close/BTC/front/2025-10-13=114000',
      'cme/high/BTC/front/2025-10-10=122000',
      'cme/high/BTC/front/2025-10-13=115000',
      'cme/low/BTC/front/2025-10-10=120000',
      'cme/low/BTC/front/2025-10-13=110000',
      'cme/open/BTC/front/2025-10-10=121000',
      'cme/open/BTC/front/2025-10-13=112000',
      // 20,000 contracts × 5 BTC × 121,500 USD; 18,000 × 5 × 114,000.
      'cme/openInterestContracts/BTC/front/2025-10-10=20000',
      'cme/openInterestContracts/BTC/front/2025-10-13=18000',
      'cme/openInterestUsd/BTC/front/2025-10-10=12150000000',
      'cme/openInterestUsd/BTC/front/2025-10-13=10260000000',
      'cme/volumeContracts/BTC/front/2025-10-10=10000',
      'cme/volumeContracts/BTC/front/2025-10-13=15000',
    ]);
    // File date 2025-10-09 (Thursday evening session) = trade date Friday 2025-10-10, settled 22:00 UTC;
    // its final volume and OI come out the next US trading day (Monday 2025-10-13) at 15:00 UTC.
    // Monday 2025-10-13 (Columbus Day: NYSE open) → Tuesday 2025-10-14 15:00 UTC.
    const knownAt = parsed.observations.map((o) => `${o.date} ${o.field} ${o.knownAt}`).sort();
    expect(knownAt).toEqual([
      '2025-10-10 close 2025-10-10T22:00:00.000Z',
      '2025-10-10 high 2025-10-10T22:00:00.000Z',
      '2025-10-10 low 2025-10-10T22:00:00.000Z',
      '2025-10-10 open 2025-10-10T22:00:00.000Z',
      '2025-10-10 openInterestContracts 2025-10-13T15:00:00.000Z',
      '2025-10-10 openInterestUsd 2025-10-13T15:00:00.000Z',
      '2025-10-10 volumeContracts 2025-10-13T15:00:00.000Z',
      '2025-10-13 close 2025-10-13T22:00:00.000Z',
      '2025-10-13 high 2025-10-13T22:00:00.000Z',
      '2025-10-13 low 2025-10-13T22:00:00.000Z',
      '2025-10-13 open 2025-10-13T22:00:00.000Z',
      '2025-10-13 openInterestContracts 2025-10-14T15:00:00.000Z',
      '2025-10-13 openInterestUsd 2025-10-14T15:00:00.000Z',
      '2025-10-13 volumeContracts 2025-10-14T15:00:00.000Z',
    ]);
    expect(rejectSites(parsed)).toEqual(['4 Volume', '5 -', '6 date']);
  });

  it('values ETH OI at 50 ETH per contract and skips OI when the cell is empty', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/CME_ETH_front_month_futures__daily.csv');
    const oi = parsed.observations.filter((o) => o.field.startsWith('openInterest'));
    expect(rows(oi)).toEqual([
      'cme/openInterestContracts/ETH/front/2025-10-10=4000',
      'cme/openInterestUsd/ETH/front/2025-10-10=870100000',
    ]);
    expect(parsed.observations.filter((o) => o.date === '2025-10-11')).toHaveLength(5);
    expect(parsed.rejects).toEqual([]);
  });

  it('drops micro BTC placeholder bars before the 2021-05-03 launch (0.1 BTC per contract)', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/CME_Micro_Bitcoin_futures__daily.csv');
    expect([...new Set(parsed.observations.map((o) => o.date))]).toEqual(['2021-05-03', '2021-05-04']);
    expect(parsed.observations.every((o) => o.asset === 'BTC' && o.key === 'micro' && o.dataset === 'cme')).toBe(true);
    const oiUsd = parsed.observations.find((o) => o.field === 'openInterestUsd' && o.date === '2021-05-03');
    expect(oiUsd?.value).toBeCloseTo(1328 * 0.1 * 57765, 6);
    expect(parsed.warnings).toEqual(["1 placeholder bar(s) before the contract's first trade date 2021-05-03 dropped"]);
    expect(rejectSites(parsed)).toEqual(['5 open']);
  });

  it('stores the basis close as basisUsd on the trade date', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/CME_BTC_futures_minus_SPOT_BTC_basis__daily.csv');
    expect(rows(parsed.observations)).toEqual([
      'cme-basis/basisUsd/BTC/front-minus-spot/2025-10-10=355.25',
      'cme-basis/basisUsd/BTC/front-minus-spot/2025-10-13=-80.75',
    ]);
    expect(parsed.observations[1]?.knownAt).toBe('2025-10-13T22:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 close']);
  });
});

describe('tradingview-csv: point-in-time in the store', () => {
  it("an as-of read on the trade date sees the settlement price but not that day's volume and OI", async () => {
    const store = await openDuckDbStore(':memory:');
    try {
      await importFiles(store, [fixturePath('tradingview/CME_BTC_front_month_futures__daily.csv')]);
      const seen = async (asOf: string): Promise<string[]> =>
        (
          await store.read({
            dataset: 'cme',
            asset: 'BTC',
            keys: ['front'],
            from: '2025-10-10',
            to: '2025-10-10',
            asOf,
          })
        )
          .map((o) => o.field)
          .sort();
      expect(await seen('2025-10-10')).toEqual(['close', 'high', 'low', 'open']);
      // Saturday and Sunday: still no OI (published Monday 15:00 UTC).
      expect(await seen('2025-10-12')).toEqual(['close', 'high', 'low', 'open']);
      expect(await seen('2025-10-13')).toEqual([
        'close',
        'high',
        'low',
        'open',
        'openInterestContracts',
        'openInterestUsd',
        'volumeContracts',
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('tradingview-csv: weekly and MSTR', () => {
  it('stores weekly bars on the Friday ending their week, moving a pre-holiday Thursday bar to the next week', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/CME_BTC1_continuous_futures__weekly.csv');
    const closes = parsed.observations.filter((o) => o.field === 'close').map((o) => [o.date, o.value, o.knownAt]);
    expect(closes).toEqual([
      ['2025-06-27', 107485, '2025-06-27T22:00:00.000Z'],
      ['2025-07-04', 110415, '2025-07-04T22:00:00.000Z'],
      ['2025-07-11', 118530, '2025-07-11T22:00:00.000Z'],
      ['2025-07-18', 117565, '2025-07-18T22:00:00.000Z'],
    ]);
    expect(parsed.observations.every((o) => o.dataset === 'cme-weekly' && o.key === 'continuous')).toBe(true);
    const oiUsd = parsed.observations.find((o) => o.field === 'openInterestUsd' && o.date === '2025-06-27');
    expect(oiUsd?.value).toBe(26928 * 5 * 107485);
    // The week's final OI is published the next US trading day, 15:00 UTC: Friday 2025-07-04 is a
    // holiday (the bar still ends that week), so its OI arrives Monday 2025-07-07.
    const oi = parsed.observations.filter((o) => o.field === 'openInterestContracts').map((o) => [o.date, o.knownAt]);
    expect(oi).toEqual([
      ['2025-06-27', '2025-06-30T15:00:00.000Z'],
      ['2025-07-04', '2025-07-07T15:00:00.000Z'],
      ['2025-07-11', '2025-07-14T15:00:00.000Z'],
      ['2025-07-18', '2025-07-21T15:00:00.000Z'],
    ]);
    expect(rejectSites(parsed)).toEqual(['6 date']);
  });

  it('stores MSTR bars on their own date (EQUITY/MSTR, volume in shares, known at the US close)', () => {
    const parsed = parseFixture(tradingViewCsv, 'tradingview/MSTR_microstrategy_stock__daily.csv');
    expect(rows(parsed.observations)).toEqual([
      'equity/close/EQUITY/MSTR/2025-10-09=352.5',
      'equity/close/EQUITY/MSTR/2025-10-10=312.25',
      'equity/high/EQUITY/MSTR/2025-10-09=355',
      'equity/high/EQUITY/MSTR/2025-10-10=353',
      'equity/low/EQUITY/MSTR/2025-10-09=340.2',
      'equity/low/EQUITY/MSTR/2025-10-10=310',
      'equity/open/EQUITY/MSTR/2025-10-09=350.1',
      'equity/open/EQUITY/MSTR/2025-10-10=352',
      'equity/volumeShares/EQUITY/MSTR/2025-10-09=12000000',
      'equity/volumeShares/EQUITY/MSTR/2025-10-10=30000000',
    ]);
    expect(parsed.observations[0]?.knownAt).toBe('2025-10-09T21:00:00.000Z');
    expect(rejectSites(parsed)).toEqual(['4 date', '5 close']);
  });

  it('throws on an unrecognised file name, naming the file and the known symbols', () => {
    const text = `${HEADER}\n2025-01-01,1,1,1,1,1,,,,,\n`;
    expect(tradingViewCsv.detect({ path: 'x', name: 'BINANCE_BTCUSDT__daily.csv', head: text })).toBe(true);
    expect(() => tradingViewCsv.parse({ path: '/tmp/BINANCE_BTCUSDT__daily.csv', text })).toThrow(
      /BINANCE_BTCUSDT__daily\.csv.*unrecognised TradingView export.*CME_BTC_front_month.*MSTR_microstrategy_stock/,
    );
  });
});
