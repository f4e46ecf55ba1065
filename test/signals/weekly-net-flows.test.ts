// Weekly flows flag the current, partial week and the positive-week streak counts complete weeks only.
import { describe, expect, it } from 'vitest';
import type { FundFlow, DatedValue } from '../../src/domain/market-series.js';
import { etfFlowsSection } from '../../src/signals/sections/etf-flows-section.js';
import {
  consecutivePositiveWeeks,
  lastUsTradingDayOfWeek,
  weeklyNetFlows,
  fridayOnOrAfter,
} from '../../src/signals/weekly-net-flows.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../helpers/market-series.js';
import { dailyFlowTotals } from '../../src/signals/daily-flow-totals.js';
import { addDays, dayOfWeek } from '../../src/domain/dates.js';
import { seededNormal } from '../helpers/seeded-normal.js';

const day = (date: string, value: number): { date: string; value: number } => ({ date, value });
// Week ending 2026-01-02: outflow; weeks ending 01-09 and 01-16 (01-16 holds only its Monday): inflows.
const daily = [day('2025-12-31', -80e6), day('2026-01-05', 30e6), day('2026-01-08', 20e6), day('2026-01-12', 50e6)];

describe('weeklyNetFlows completeness', () => {
  it('flags the week holding the as-of date as partial and keeps it visible', () => {
    const weeks = weeklyNetFlows(daily, { asOf: '2026-01-13' });
    expect(weeks.map((w) => [w.weekEnding, w.netFlowUsd, w.days, w.complete])).toEqual([
      ['2026-01-02', -80e6, 1, true],
      ['2026-01-09', 50e6, 2, true],
      ['2026-01-16', 50e6, 1, false],
    ]);
    // The Monday inflow does not extend the streak: only the week ending 01-09 counts.
    expect(consecutivePositiveWeeks(weeks)).toBe(1);
  });

  it('does not count a lone Monday inflow after an outflow week as a positive week', () => {
    const weeks = weeklyNetFlows([day('2026-01-08', -10e6), day('2026-01-12', 50e6)], { asOf: '2026-01-13' });
    expect(weeks.at(-1)!.complete).toBe(false);
    expect(consecutivePositiveWeeks(weeks)).toBe(0);
  });

  it('completes a week only after its last US trading day', () => {
    expect(weeklyNetFlows(daily, { asOf: '2026-01-16' }).at(-1)!.complete).toBe(false); // Friday itself
    expect(weeklyNetFlows(daily, { asOf: '2026-01-17' }).at(-1)!.complete).toBe(true);
    expect(consecutivePositiveWeeks(weeklyNetFlows(daily, { asOf: '2026-01-17' }))).toBe(2);
    // Good Friday 2026-04-03: the week's last trading day is Thursday, so Friday's as-of completes it.
    expect(lastUsTradingDayOfWeek('2026-04-03')).toBe('2026-04-02');
    expect(weeklyNetFlows([day('2026-03-30', 1e6)], { asOf: '2026-04-03' })[0]!.complete).toBe(true);
    expect(weeklyNetFlows([day('2026-03-30', 1e6)], { asOf: '2026-04-02' })[0]!.complete).toBe(false);
  });

  it('omits the flag without an as-of date (all weeks count)', () => {
    const weeks = weeklyNetFlows(daily);
    expect(weeks.every((w) => w.complete === undefined)).toBe(true);
    expect(consecutivePositiveWeeks(weeks)).toBe(2);
  });

  it('feeds the ETF section: partial week shown and flagged, streak and evidence on complete weeks', () => {
    const flows: FundFlow[] = daily.map((d) => ({
      date: d.date,
      fund: 'IBIT',
      issuer: 'BlackRock',
      netFlowUsd: d.value,
    }));
    const s = etfFlowsSection(emptyMarketSeries({ asOf: '2026-01-12', etfFlows: flows }));
    expect(s.weeklyNetFlowsUsd.at(-1)).toEqual({
      weekEnding: '2026-01-16',
      netFlowUsd: 50e6,
      days: 1,
      complete: false,
    });
    expect(s.consecutivePositiveWeeks).toBe(1);
    const text = s.evidence.find((e) => e.signal === 'etf-weekly-flows')!.text;
    expect(text).toContain('(1 day, partial)');
    expect(text).toContain('last complete week (ending 9 Jan 2026) +$50.0M');
    expect(text).toContain('1 consecutive positive complete week.');
  });
});

const flow = (date: string, fund: string, issuer: string, netFlowUsd: number) => ({ date, fund, issuer, netFlowUsd });

describe('weekly net flows from daily totals', () => {
  const flows = [
    flow('2026-01-05', 'IBIT', 'BlackRock', 600e6),
    flow('2026-01-05', 'FBTC', 'Fidelity', 97.2e6),
    flow('2026-01-06', 'IBIT', 'BlackRock', -100e6),
    flow('2026-01-06', 'GBTC', 'Grayscale', -143.2e6),
    flow('2026-01-12', 'IBIT', 'BlackRock', 50e6),
  ];

  it('groups weeks ending Friday and counts the positive streak', () => {
    expect(fridayOnOrAfter('2026-01-06')).toBe('2026-01-09');
    expect(fridayOnOrAfter('2026-01-09')).toBe('2026-01-09');
    expect(fridayOnOrAfter('2026-01-10')).toBe('2026-01-16');
    const weeks = weeklyNetFlows(dailyFlowTotals(flows));
    expect(weeks).toEqual([
      { weekEnding: '2026-01-09', netFlowUsd: 454e6, days: 2 },
      { weekEnding: '2026-01-16', netFlowUsd: 50e6, days: 1 },
    ]);
    expect(consecutivePositiveWeeks(weeks)).toBe(2);
    expect(consecutivePositiveWeeks([...weeks, { weekEnding: '2026-01-23', netFlowUsd: -1, days: 5 }])).toBe(0);
    expect(weeklyNetFlows(dailyFlowTotals(flows), { weeks: 1 })).toHaveLength(1);
  });
});

const days400 = (n: number, start = '2023-01-02'): string[] => Array.from({ length: n }, (_, i) => addDays(start, i));

describe('weeklyNetFlows equals its naive form', () => {
  it('weeklyNetFlows keys each day to its Friday, ascending or not', () => {
    const z = seededNormal(5);
    const daily: DatedValue[] = days400(400)
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
});
