// The dashboard's charts read the series the analysis reads (issue 9): one venue rule for perp
// fields, the CME front month alone, and one spot source's dollar volume with its gaps — checked on
// small tables shaped like the real store's (an aggregate plus a venue with only some fields).
import { describe, expect, it } from 'vitest';
import { dollarVolumeUsd, perpSourceLabel, perpVenuesFor } from '../../src/domain/series-sources.js';
import type { SeriesTable } from '../../src/web/api.js';
import { onlyKey, perpSeries, spotDollarVolume, sumByDate } from '../../src/web/series.js';

// Funding: the aggregate −0.0007 %/8h, binance +0.0027 %/8h on the same day (the real store's shape).
const perp: SeriesTable = {
  columns: ['date', 'venue', 'open_interest_usd', 'funding_rate8h'],
  rows: [
    ['2026-04-10', 'all', 24_000_000_000, -0.0000117],
    ['2026-04-10', 'binance', null, 0.000027],
    ['2026-04-11', 'all', 24_600_000_000, -0.000007],
    ['2026-04-11', 'binance', null, 0.000043],
  ],
};

describe('perp venue rule (engine and charts)', () => {
  it('reads the aggregate alone when it carries the field, else the single venues that do', () => {
    expect(perpVenuesFor(new Set(['all', 'binance']))).toEqual(['all']);
    expect(perpVenuesFor(new Set(['okx', 'binance']))).toEqual(['binance', 'okx']);
    expect(perpVenuesFor(new Set(['deribit']))).toEqual([]);
    expect(perpSourceLabel(['all'], 'mean')).toBe('all-venue aggregate');
    expect(perpSourceLabel(['binance', 'okx'], 'mean')).toBe('mean of binance, okx');
  });

  it("draws the aggregate's funding, not the mean with binance", () => {
    const funding = perpSeries(perp, 'funding_rate8h', 'mean');
    expect(funding.source).toBe('all-venue aggregate');
    expect(funding.points).toEqual([
      { date: '2026-04-10', value: -0.0000117 },
      { date: '2026-04-11', value: -0.000007 },
    ]);
    const withoutAggregate: SeriesTable = { ...perp, rows: perp.rows.filter((r) => r[1] !== 'all') };
    expect(perpSeries(withoutAggregate, 'funding_rate8h', 'mean')).toEqual({
      points: [
        { date: '2026-04-10', value: 0.000027 },
        { date: '2026-04-11', value: 0.000043 },
      ],
      source: 'binance',
    });
  });
});

describe('CME front month and spot volume', () => {
  it('reads the front month alone: $6.04B, not $6.19B with the micro', () => {
    const cme: SeriesTable = {
      columns: ['date', 'contract', 'open_interest_usd'],
      rows: [
        ['2026-04-16', 'front', 6_043_430_625],
        ['2026-04-16', 'micro', 150_560_000],
      ],
    };
    expect(sumByDate(onlyKey(cme, 'contract', 'front'), 'open_interest_usd')).toEqual([
      { date: '2026-04-16', value: 6_043_430_625 },
    ]);
  });

  it("draws one source's dollar volume (coins × close where it has no USD volume), gaps as gaps", () => {
    expect(dollarVolumeUsd(null, 10, 90_000)).toBe(900_000);
    expect(dollarVolumeUsd(5, 10, 90_000)).toBe(5);
    expect(dollarVolumeUsd(null, null, 90_000)).toBeNull();
    const spot: SeriesTable = {
      columns: ['date', 'venue', 'close', 'volume_coins', 'volume_usd'],
      rows: [
        ['2026-01-10', 'coingecko', 90_372, null, 40_577_564_757],
        ['2026-01-10', 'cryptoquant', 90_441, 7_000, null],
        ['2026-01-11', 'coingecko', 90_459, null, 13_130_560_424],
        ['2026-01-11', 'cryptoquant', 90_891, null, null],
        ['2026-01-12', 'cryptoquant', 91_187, 33_000, null],
      ],
    };
    expect(spotDollarVolume(spot, 'cryptoquant')).toEqual([
      { date: '2026-01-10', value: 7_000 * 90_441 },
      { date: '2026-01-12', value: 33_000 * 91_187 },
    ]);
    expect(spotDollarVolume(spot, undefined)).toEqual([]);
  });
});

describe('evidence sentences read from a capital', () => {
  it("drops the judgment's 'against: ' tag and capitalises what follows", async () => {
    const { humanText } = await import('../../src/domain/labels.js');
    expect(humanText('against: the close 95,583 is below its 200-day average 106,013')).toBe(
      'The close 95,583 is below its 200-day average 106,013',
    );
  });
});
