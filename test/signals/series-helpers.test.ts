// Speed restructurings give the same numbers as the straightforward forms they replaced: scoring only
// the recent liquidation days, binary-searched sell-off windows, cached weekly keys, BOCPD's cached
// log-gamma ratios. Each check compares against a naive re-implementation on seeded random series.
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../src/domain/dates.js';
import type { DailyBar, DatedValue, FundFlow } from '../../src/domain/market-series.js';
import { liquidationDays, liquidationSpike } from '../../src/signals/liquidation-spike.js';
import { onlineChangePoints } from '../../src/signals/online-change-points.js';
import { classifySelloffs } from '../../src/signals/selloff-history.js';
import { isDateAscending, pointsInWindow, pointsInWindowSorted } from '../../src/signals/series-helpers.js';
import { fridayOnOrAfter, weeklyNetFlows } from '../../src/signals/weekly-net-flows.js';
import { seededNormal } from '../helpers/seeded-normal.js';

const days = (n: number, start = '2023-01-02'): string[] => Array.from({ length: n }, (_, i) => addDays(start, i));

describe('restructured signals equal their naive forms', () => {
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

  it('weeklyNetFlows keys each day to its Friday, ascending or not', () => {
    const z = seededNormal(5);
    const daily: DatedValue[] = days(400)
      .filter((d) => dayOfWeek(d) % 6 !== 0)
      .map((date) => ({ date, value: 1e8 * z() }));
    const naive = new Map<string, { netFlowUsd: number; days: number }>();
    for (const d of daily) {
      const w = naive.get(fridayOnOrAfter(d.date)) ?? { netFlowUsd: 0, days: 0 };
      w.netFlowUsd += d.value;
      w.days += 1;
      naive.set(fridayOnOrAfter(d.date), w);
    }
    const expected = [...naive].sort(([a], [b]) => (a < b ? -1 : 1)).map(([weekEnding, w]) => ({ weekEnding, ...w }));
    expect(weeklyNetFlows(daily, { weeks: 1000 })).toEqual(expected);
    const shuffled = [...daily].reverse();
    expect(weeklyNetFlows(shuffled, { weeks: 1000 }).map((w) => [w.weekEnding, w.days])).toEqual(
      expected.map((w) => [w.weekEnding, w.days]),
    );
  });

  it('pointsInWindowSorted returns what the filter returns on ascending series with ties', () => {
    const series = ['2025-01-01', '2025-01-02', '2025-01-02', '2025-01-05', '2025-01-09'].map((date, i) => ({
      date,
      value: i,
    }));
    expect(isDateAscending(series)).toBe(true);
    for (const [from, to] of [
      ['2025-01-01', '2025-01-05'],
      ['2024-12-31', '2025-01-02'],
      ['2025-01-02', '2025-01-09'],
      ['2025-01-09', '2025-02-01'],
      ['2025-01-03', '2025-01-04'],
    ] as const) {
      expect(pointsInWindowSorted(series, from, to)).toEqual(pointsInWindow(series, from, to));
    }
    expect(isDateAscending([...series].reverse())).toBe(false);
  });

  it('classifySelloffs gives the same labels with ETF flows ascending or shuffled', () => {
    const z = seededNormal(21);
    let close = 30_000;
    const spot: DailyBar[] = days(700).map((date, i) => {
      close *= Math.exp(0.035 * z() - (i % 97 > 88 ? 0.03 : 0));
      return {
        date,
        open: close,
        high: close * (1 + 0.02 * Math.abs(z())),
        low: close * (1 - 0.02 * Math.abs(z())),
        close,
        volumeUsd: 2e10 * Math.exp(0.3 * z()),
        volumeUnits: null,
      };
    });
    const flows: FundFlow[] = spot.flatMap((b) => [
      { date: b.date, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 1e8 * z() },
      { date: b.date, fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: 5e7 * z() },
    ]);
    const oi: DatedValue[] = spot.map((b) => ({ date: b.date, value: 3e10 * Math.exp(0.05 * z()) }));
    const inputs = {
      spot,
      openInterestUsd: oi,
      longLiquidationsUsd: [],
      cot: [],
      etfFlows: flows,
      etfAumUsd: [{ date: '2023-01-01', value: 5e10 }],
      etfHoldingsCoins: [],
    };
    const sorted = classifySelloffs(inputs);
    expect(sorted.length).toBeGreaterThan(3);
    expect(sorted.some((s) => s.measures.etfNetFlowUsd !== null)).toBe(true);
    const shuffled = classifySelloffs({ ...inputs, etfFlows: [...flows].reverse() });
    expect(shuffled).toEqual(sorted);
  });

  it('BOCPD gives the same run lengths on repeated calls (cached log-gamma ratios)', () => {
    const z = seededNormal(8);
    const values = Array.from({ length: 600 }, (_, i) => (i < 300 ? 0 : 2) + z());
    const first = onlineChangePoints(values);
    const second = onlineChangePoints(values, { alpha0: 2.5 });
    const third = onlineChangePoints(values);
    expect(third).toEqual(first);
    expect(first.changePoints.some((c) => c.startsAt >= 295 && c.startsAt <= 315)).toBe(true);
    expect(second.steps.length).toBe(600);
  });
});
