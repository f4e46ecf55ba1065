// CME de-risking waves are roll-robust: CFTC total OI when present, else front-month OI read once
// per contract cycle, so the front-month sawtooth (decay into expiry, jump at the switch) is no wave.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dayOfWeek } from '../../src/domain/dates.js';
import type { CmeDay, CotWeek } from '../../src/domain/market-series.js';
import { cmeFrontMonthExpiry } from '../../src/signals/annualised-basis.js';
import {
  cmeOpenInterestCoins,
  cmeOpenInterestCoinsPerCycle,
  cmeWaveLevels,
  cumulativeFlows,
  openInterestCoins,
  segmentWaves,
} from '../../src/signals/de-risking-waves.js';
import { drawdownEpisodes } from '../../src/signals/drawdown-episodes.js';
import { wavesSection } from '../../src/signals/sections/waves-section.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../helpers/market-series.js';

const weekdays = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6) out.push(d);
  return out;
};

/**
 * Front-month contracts shaped like the real chart exports: the chart switches to the next contract
 * 2 days before expiry; OI then decays from 26,000 to 19,000 until 10 days before the next switch and
 * drains to 6,000 in those last 10 days. `scale(date)` multiplies the level (real de-risking).
 */
function frontMonth(from: string, to: string, scale: (date: string) => number = () => 1): CmeDay[] {
  return weekdays(from, to).map((date) => {
    const expiry = cmeFrontMonthExpiry(date);
    const shown = date >= addDays(expiry, -2) ? cmeFrontMonthExpiry(addDays(expiry, 1)) : expiry;
    const daysLeft = daysBetween(date, addDays(shown, -2));
    const contracts =
      daysLeft > 10 ? Math.min(26_000, 19_000 + (7_000 * (daysLeft - 10)) / 20) : 6_000 + 1_300 * daysLeft;
    return {
      date,
      open: 1e5,
      high: 1e5,
      low: 1e5,
      close: 1e5,
      volumeUsd: null,
      volumeUnits: null,
      openInterestContracts: Math.round(contracts * scale(date)),
      coinsPerContract: 5,
    };
  });
}

describe('CME de-risking waves', () => {
  it('reads front-month OI on the first day after each roll window', () => {
    const cme = frontMonth('2025-09-01', '2025-12-31');
    // Roll windows (expiry week and the week before): Sep 15–28, Oct 20–Nov 2, Nov 17–30, Dec 15–28.
    expect(cmeOpenInterestCoinsPerCycle(cme).map((p) => p.date)).toEqual([
      '2025-09-29',
      '2025-11-03',
      '2025-12-01',
      '2025-12-29',
    ]);
    // 2025-11-03: the shown contract expires 2025-11-28, switch on 11-26 → 23 days left → 19,000 + 7,000 × 13/20 = 23,550 contracts
    expect(cmeOpenInterestCoinsPerCycle(cme)[1]).toEqual({ date: '2025-11-03', value: 23_550 * 5 });
  });

  it('finds no wave in a front-month series with roll drops but no de-risking', () => {
    const cme = frontMonth('2023-01-02', '2026-01-07');
    // The raw front-month series would show a "wave" at nearly every roll …
    expect(drawdownEpisodes(cmeOpenInterestCoins(cme), { minDropFraction: 0.2 }).length).toBeGreaterThan(12);
    // … the section reads it once per cycle and finds none.
    const s = wavesSection(emptyMarketSeries({ asOf: '2026-01-07', cme }));
    expect(s.cmeLevelSource).toBe('front-month-once-per-cycle');
    expect(s.waves.filter((w) => w.segment === 'cme')).toEqual([]);
    expect(s.availability.missing).not.toContain('cme');
  });

  it('still finds a real fall of the front-month level across cycles', () => {
    const cme = frontMonth('2025-01-02', '2026-01-07', (date) => (date >= '2025-10-06' ? 0.7 : 1));
    const waves = wavesSection(emptyMarketSeries({ asOf: '2026-01-07', cme })).waves.filter((w) => w.segment === 'cme');
    expect(waves).toHaveLength(1);
    expect(waves[0]!.start).toBe('2025-09-29'); // the last cycle point before the fall
    expect(waves[0]!.confirmedOn).toBe('2025-11-03'); // the first cycle point after it
  });

  it('prefers the CFTC total open interest: a flat total with a front-month sawtooth is no wave', () => {
    const cme = frontMonth('2025-01-02', '2026-01-07', (date) => (date >= '2025-10-06' ? 0.7 : 1));
    const cot: CotWeek[] = weekdays('2025-01-02', '2026-01-07')
      .filter((d) => dayOfWeek(d) === 2)
      .map((date) => ({
        date,
        openInterestCoins: 150_000,
        leveragedFundsNetCoins: 0,
        assetManagersNetCoins: 0,
        dealersNetCoins: 0,
      }));
    expect(cmeWaveLevels(cot, cme).source).toBe('cftc-total-open-interest');
    const s = wavesSection(emptyMarketSeries({ asOf: '2026-01-07', cme, cot }));
    expect(s.waves.filter((w) => w.segment === 'cme')).toEqual([]);
    // Reports after asOf are not used.
    expect(
      cmeWaveLevels(
        cot.filter((w) => w.date <= '2025-06-30'),
        cme,
      ).levels.at(-1)!.date,
    ).toBe('2025-06-24');
  });
});

const path = (start: string, values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: addDays(start, i), value }));

describe('cumulative ETF flow waves', () => {
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
