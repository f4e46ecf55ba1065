import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import {
  cmeOpenInterestCoins,
  cumulativeFlows,
  openInterestCoins,
  segmentWaves,
} from '../../../src/signals/de-risking-waves.js';
import { drawdownEpisodes, mergeEpisodes } from '../../../src/signals/drawdown-episodes.js';
import { waveOrder } from '../../../src/signals/wave-order.js';

const path = (start: string, values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: addDays(start, i), value }));

describe('drawdownEpisodes', () => {
  it('finds a synthetic OI flush with known start, end and size', () => {
    // flat 100 for 10 days, peak 110 on day 12, fall to 70 by day 16, then recovery to 95
    const values = [...Array(10).fill(100), 105, 108, 110, 100, 85, 75, 72, 70, 75, 80, 86, 90, 95];
    const oi = path('2025-10-01', values);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15 });
    expect(eps).toHaveLength(1);
    expect(eps[0]!.start).toBe('2025-10-13'); // day 12 = the 110 peak
    expect(eps[0]!.troughDate).toBe('2025-10-18'); // 70
    // recovery of half the 40 fall (to ≥ 90) on 2025-10-22 closes it at the trough date
    expect(eps[0]!.end).toBe('2025-10-18');
    expect(eps[0]!.size).toBe(40);
  });

  it('reports an ongoing wave with end null', () => {
    const oi = path('2025-11-01', [100, 100, 100, 95, 90, 84, 80, 79]);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15 });
    // 100 → 84 is the first −15 % (2025-11-06)
    expect(eps).toEqual([
      {
        start: '2025-11-03',
        confirmedOn: '2025-11-06',
        peak: 100,
        troughDate: '2025-11-08',
        trough: 79,
        end: null,
        size: 21,
      },
    ]);
  });

  it('ends a wave after quietObservations without a new low', () => {
    const oi = path('2025-11-01', [100, 80, 78, 79, 79, 79, 79]);
    const eps = drawdownEpisodes(oi, { minDropFraction: 0.15, quietObservations: 3 });
    expect(eps[0]!.end).toBe('2025-11-03');
  });

  it('uses an absolute threshold for cumulative ETF outflows, and ignores shallow dips', () => {
    const daily = path('2025-11-03', [1e8, -5e8, -6e8, -7e8, 1e8, -2e8, 3e8, 9e8, 9e8]);
    const cum = cumulativeFlows(daily);
    expect(cum.map((c) => c.value)).toEqual([1e8, -4e8, -10e8, -17e8, -16e8, -18e8, -15e8, -6e8, 3e8]);
    const waves = segmentWaves('etf', cum, { minDropAbsolute: 1.5e9 });
    expect(waves).toEqual([
      {
        segment: 'etf',
        start: '2025-11-03',
        confirmedOn: '2025-11-06',
        end: '2025-11-08',
        size: 1.9e9,
        unit: 'USD net outflow',
      },
    ]);
    expect(segmentWaves('etf', cum, { minDropAbsolute: 5e9 })).toEqual([]);
  });

  it('merges episodes separated by a short gap', () => {
    const merged = mergeEpisodes(
      [
        {
          start: '2025-10-01',
          confirmedOn: '2025-10-03',
          peak: 100,
          troughDate: '2025-10-05',
          trough: 80,
          end: '2025-10-05',
          size: 20,
        },
        {
          start: '2025-10-09',
          confirmedOn: '2025-10-11',
          peak: 95,
          troughDate: '2025-10-12',
          trough: 70,
          end: '2025-10-12',
          size: 25,
        },
        {
          start: '2025-12-01',
          confirmedOn: '2025-12-04',
          peak: 90,
          troughDate: '2025-12-05',
          trough: 60,
          end: null,
          size: 30,
        },
      ],
      10,
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      start: '2025-10-01',
      confirmedOn: '2025-10-03',
      peak: 100,
      troughDate: '2025-10-12',
      trough: 70,
      end: '2025-10-12',
      size: 30,
    });
    expect(merged[1]!.end).toBeNull();
  });

  it('throws without a threshold', () => {
    expect(() => drawdownEpisodes([], {})).toThrow(/minDropFraction or minDropAbsolute/);
  });
});

describe('waveOrder', () => {
  const w = (segment: 'perps' | 'etf' | 'cme', start: string, confirmedOn: string, end: string | null) => ({
    segment,
    start,
    confirmedOn,
    end,
    size: 1,
  });
  const waves = [
    w('cme', '2025-06-26', '2025-07-14', '2025-08-26'), // confirmed more than 120 days before asOf
    w('perps', '2025-09-11', '2025-10-10', '2025-10-11'),
    w('cme', '2025-10-06', '2025-10-17', '2025-10-28'),
    w('etf', '2025-10-09', '2025-11-03', null),
    w('perps', '2025-11-20', '2025-12-03', '2025-12-10'),
  ];

  it('orders the recent waves by confirmation and measures lags against the leader', () => {
    const r = waveOrder(waves, { asOf: '2026-01-09' });
    expect(r.order).toEqual(['perps', 'cme', 'etf']);
    expect(r.leadLagDays).toEqual([
      { leader: 'perps', follower: 'cme', days: 7 },
      { leader: 'perps', follower: 'etf', days: 24 },
    ]);
    expect(waveOrder([], { asOf: '2026-01-09' }).order).toEqual([]);
  });

  it('ignores waves confirmed after asOf and old finished ones, keeps old ongoing ones', () => {
    expect(waveOrder(waves, { asOf: '2025-10-20' }).order).toEqual(['cme', 'perps']); // July CME wave is within 120 days
    expect(waveOrder(waves, { asOf: '2025-10-20', lookbackDays: 60 }).order).toEqual(['perps', 'cme']);
    // by 2026-04-01 only the still-running ETF wave and the December perps wave are recent
    expect(waveOrder(waves, { asOf: '2026-04-01' }).order).toEqual(['etf', 'perps']);
  });
});

describe('OI in coins', () => {
  it('divides perp OI USD by the same-day close and skips days without a price', () => {
    const bar = (date: string, close: number) => ({
      date,
      open: close,
      high: close,
      low: close,
      close,
      volumeUsd: null,
      volumeUnits: null,
    });
    expect(
      openInterestCoins(
        [
          { date: '2025-10-09', value: 45.6e9 },
          { date: '2025-10-10', value: 34.2e9 },
          { date: '2025-10-11', value: 34e9 },
        ],
        [bar('2025-10-09', 120_000), bar('2025-10-10', 114_000)],
      ),
    ).toEqual([
      { date: '2025-10-09', value: 380_000 },
      { date: '2025-10-10', value: 300_000 },
    ]);
  });

  it('counts CME OI as contracts × coins per contract', () => {
    const day = {
      date: '2025-10-10',
      open: 1,
      high: 1,
      low: 1,
      close: 1e5,
      volumeUsd: null,
      volumeUnits: null,
      coinsPerContract: 5,
    };
    expect(
      cmeOpenInterestCoins([
        { ...day, openInterestContracts: 30_000 },
        { ...day, date: '2025-10-11', openInterestContracts: null },
      ]),
    ).toEqual([{ date: '2025-10-10', value: 150_000 }]);
  });
});
