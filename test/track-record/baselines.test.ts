import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { createRandom } from '../../src/signals/stats/seeded-random.js';
import { BASELINE_NAMES, baselineCalls } from '../../src/track-record/baselines.js';
import { dailyCloses } from '../helpers/price-paths.js';

describe('baselineCalls', () => {
  // 199 closes of 100 from 2024-01-01, then 300 on day 199 (2024-07-18).
  const closes = dailyCloses([...new Array<number>(199).fill(100), 300]);
  const day = (i: number): string => addDays('2024-01-01', i);

  it('uses only closes dated strictly before the as-of date and waits for 200 of them', () => {
    // As of day 199 only 199 closes are known (the bar dated 199 closes at the cut-off): no call.
    // As of day 200: sma200 = (199 × 100 + 300) / 200 = 101, sma50 = (49 × 100 + 300) / 50 = 104.
    const calls = baselineCalls(closes, [day(199), day(200)], 'sma200');
    expect(calls[0]).toEqual({
      date: day(199),
      label: null,
      confidence: null,
      previousClose: 100,
      sma50: null,
      sma200: null,
    });
    expect(calls[1]).toEqual({
      date: day(200),
      label: 'uptrend',
      confidence: null,
      previousClose: 300,
      sma50: 104,
      sma200: 101,
    });
    expect(baselineCalls(closes, [day(200)], 'sma50and200')[0]!.label).toBe('uptrend');
  });

  it('reads the last close before a date after the data, and has no call before any close', () => {
    const calls = baselineCalls(closes, ['2023-12-31', day(260)], 'sma200');
    expect(calls[0]!.previousClose).toBeNull();
    expect(calls[0]!.label).toBeNull();
    expect(calls[1]).toMatchObject({ previousClose: 300, sma200: 101, label: 'uptrend' });
  });

  it('separates the two rules: above the 200-day but below the 50-day average', () => {
    // 150 × 100, 49 × 200, then 150: sma200 = 24,950 / 200 = 124.75, sma50 = 9,950 / 50 = 199.
    const path = dailyCloses([...new Array<number>(150).fill(100), ...new Array<number>(49).fill(200), 150]);
    const asOf = [addDays('2024-01-01', 200)];
    const a = baselineCalls(path, asOf, 'sma200')[0]!;
    const b = baselineCalls(path, asOf, 'sma50and200')[0]!;
    expect(a.sma200).toBeCloseTo(124.75, 12);
    expect(a.sma50).toBeCloseTo(199, 12);
    expect(a.label).toBe('uptrend');
    expect(b.label).toBe('trend-decline');
  });

  it('calls trend-decline when the close equals its average (strictly above is required)', () => {
    const flat = dailyCloses(new Array<number>(210).fill(100));
    expect(baselineCalls(flat, [addDays('2024-01-01', 205)], 'sma200')[0]!.label).toBe('trend-decline');
  });

  it('matches a direct recomputation of the averages on a random walk (weekday as-of dates)', () => {
    const random = createRandom(11);
    let price = 30_000;
    const walk = dailyCloses(
      Array.from({ length: 700 }, () => (price *= Math.exp(0.03 * random.normal()))),
      '2020-01-01',
    );
    const asOf = walk.map((c) => c.date).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    for (const rule of ['sma200', 'sma50and200'] as const) {
      const calls = baselineCalls(walk, asOf, rule);
      calls.forEach((call) => {
        const known = walk.filter((c) => c.date < call.date).map((c) => c.close);
        if (known.length < 200) return expect(call.label).toBeNull();
        const avg = (k: number): number => known.slice(-k).reduce((a, b) => a + b, 0) / k;
        const last = known[known.length - 1]!;
        expect(call.sma200).toBeCloseTo(avg(200), 6);
        const up = rule === 'sma200' ? last > avg(200) : last > avg(50) && last > avg(200);
        expect(call.label).toBe(up ? 'uptrend' : 'trend-decline');
      });
    }
    expect(BASELINE_NAMES).toEqual({ sma200: '200-day rule', sma50and200: '50/200 rule' });
  });

  it('rejects descending as-of dates', () => {
    expect(() => baselineCalls(closes, [day(5), day(4)], 'sma200')).toThrow(/asOfDates\[1\] 2024-01-05 is not after/);
  });
});
