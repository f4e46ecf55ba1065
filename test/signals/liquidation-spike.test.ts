import { describe, expect, it } from 'vitest';
import { liquidationDays, liquidationSpike } from '../../src/signals/liquidation-spike.js';
import { daily } from '../helpers/market-series.js';
import { addDays } from '../../src/domain/dates.js';
import type { DatedValue } from '../../src/domain/market-series.js';
import { seededNormal } from '../helpers/seeded-normal.js';

describe('liquidationSpike', () => {
  const longs = daily('2025-10-01', [10, 20, 30, 40, 50, 60, 700]);
  const shorts = daily('2025-10-01', [10, 10, 10, 10, 10, 10, 100]);

  it('flags a day at ≥ 5× the trailing median', () => {
    // totals 20,30,40,50,60,70 → median 45; last 800 → 17.78×
    const r = liquidationSpike(longs, shorts);
    expect(r.multipleOfMedian).toBeCloseTo(800 / 45, 10);
    expect(r.spike).toBe(true);
    expect(r.longUsd).toBe(700);
    expect(r.shortUsd).toBe(100);
    expect(r.longShare).toBeCloseTo(0.875, 12);
    expect(r.recentSpikes.map((d) => d.date)).toEqual(['2025-10-07']);
  });

  it('does not flag a day below the multiple, nor days with under five trailing points', () => {
    const r = liquidationSpike(longs, shorts, { spikeMultiple: 20 });
    expect(r.spike).toBe(false);
    const days = liquidationDays(longs, shorts);
    expect(days[4]!.multipleOfMedian).toBeNull();
    expect(days[5]!.multipleOfMedian).toBeCloseTo(70 / 40, 12);
  });

  it('joins only dates present on both sides and is empty-safe', () => {
    expect(liquidationDays(longs, shorts.slice(0, 3))).toHaveLength(3);
    const r = liquidationSpike([], []);
    expect(r.longUsd).toBeNull();
    expect(r.spike).toBe(false);
  });
});

const days = (n: number, start = '2023-01-02'): string[] => Array.from({ length: n }, (_, i) => addDays(start, i));

describe('liquidationSpike equals its naive form', () => {
  it('liquidationSpike scores only the recent days, same figures as scoring every day', () => {
    const z = seededNormal(11);
    const dates = days(800);
    const long: DatedValue[] = dates.map((date) => ({ date, value: Math.exp(18 + 1.2 * z()) }));
    const short: DatedValue[] = dates.map((date) => ({ date, value: Math.exp(17.5 + 1.2 * z()) }));
    for (const recentDays of [14, 1, 0, 2000]) {
      const all = liquidationDays(long, short);
      const r = liquidationSpike(long, short, { recentDays });
      expect(r.recentSpikes).toEqual(all.slice(-recentDays).filter((d) => d.spike));
      expect(r.multipleOfMedian).toBe(all.at(-1)!.multipleOfMedian);
    }
  });
});
