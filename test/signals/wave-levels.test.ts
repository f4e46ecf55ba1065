// The level series de-risking waves are read from, and the per-day ETF threshold.
import { describe, expect, it } from 'vitest';
import { etfThresholdsUsd, segmentWavesAt, waveLevels, wavesAt } from '../../src/signals/wave-levels.js';
import { barsFromCloses, daily, emptyMarketSeries } from '../helpers/market-series.js';

describe('etfThresholdsUsd', () => {
  it('is 1.5 % of the latest AUM known by each day, else $1.5B', () => {
    const dates = daily('2025-11-01', [0, 0, 0, 0]);
    const aum = [
      { date: '2025-11-02', value: 100e9 },
      { date: '2025-11-04', value: 120e9 },
    ];
    expect(etfThresholdsUsd(dates, aum)).toEqual([1.5e9, 1.5e9, 1.5e9, 1.8e9]);
  });

  it('reads only AUM published by the time the level of the day was: a figure dated earlier but published later is not used', () => {
    const dates = [
      { date: '2025-11-03', value: 0, knownAt: '2025-11-04T00:00:00.000Z' },
      { date: '2025-11-04', value: 0, knownAt: '2025-11-05T00:00:00.000Z' },
      { date: '2025-11-05', value: 0, knownAt: '2025-11-06T00:00:00.000Z' },
    ];
    const aum = [
      { date: '2025-11-01', value: 100e9, knownAt: '2025-11-02T00:00:00.000Z' },
      // Dated 11-03 but published 11-05: the 11-03 level (known 11-04) cannot have used it.
      { date: '2025-11-03', value: 200e9, knownAt: '2025-11-05T00:00:00.000Z' },
      { date: '2025-11-04', value: 0, knownAt: '2025-11-05T00:00:00.000Z' }, // zero: not an AUM
    ];
    expect(etfThresholdsUsd(dates, aum)).toEqual([1.5e9, 3e9, 3e9]);
  });
});

describe('waveLevels and wavesAt', () => {
  // perp OI 100 → 80 USD-bn over 5 days with spot flat at 100: −20 % in coins (threshold −15 %)
  const oi = daily('2025-11-01', [100e9, 100e9, 95e9, 90e9, 85e9, 80e9, 80e9]);
  const m = emptyMarketSeries({
    asOf: '2025-11-07',
    openInterestUsd: oi,
    spot: barsFromCloses('2025-11-01', Array(7).fill(100)),
  });

  it('counts perp OI in coins when spot prices it, sized in USD at the trough', () => {
    const levels = waveLevels(m);
    expect(levels.perpsInCoins).toBe(true);
    expect(levels.perps.levels.map((l) => l.value)).toEqual([1e9, 1e9, 0.95e9, 0.9e9, 0.85e9, 0.8e9, 0.8e9]);
    const waves = segmentWavesAt(levels.perps, 7);
    expect(waves).toHaveLength(1);
    expect(waves[0]!.start).toBe('2025-11-02');
    expect(waves[0]!.confirmedOn).toBe('2025-11-05'); // 0.85e9 is the first −15 %
    expect(waves[0]!.size).toBeCloseTo(20e9, 0); // 0.2e9 coins × 100
    expect(levels.cmeLevelSource).toBeNull();
  });

  it('reads only the levels known: four levels hold no −15 % fall yet', () => {
    const levels = waveLevels(m);
    expect(wavesAt(levels, { perps: 4, etf: 0, cme: 0 })).toEqual([]);
    expect(wavesAt(levels, { perps: 7, etf: 0, cme: 0 }).map((w) => w.segment)).toEqual(['perps']);
    // without spot, OI is read in USD
    const usd = waveLevels(emptyMarketSeries({ asOf: '2025-11-07', openInterestUsd: oi }));
    expect(usd.perpsInCoins).toBe(false);
    expect(segmentWavesAt(usd.perps, 7)[0]!.size).toBe(20e9);
  });
});
