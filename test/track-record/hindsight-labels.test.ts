import { describe, expect, it } from 'vitest';
import { hindsightDating } from '../../src/track-record/hindsight-dating.js';
import { HINDSIGHT_LABEL_DEFAULTS, hindsightLabels } from '../../src/track-record/hindsight-labels.js';
import { dailyCloses } from '../helpers/price-paths.js';

describe('hindsightLabels', () => {
  // Trough 100 (day 0), peak 130 (day 2), trough 95 (day 5), pending high 150 (day 9).
  const closes = dailyCloses([100, 108, 130, 121, 100, 95, 103, 115, 125, 150, 140]);
  const dating = hindsightDating(closes);

  it('gives each day its acceptable labels and a primary label (zones within 10 % of the extreme)', () => {
    const l = hindsightLabels(closes, dating);
    expect(l.acceptable).toEqual([
      null, // day 0: the first turning point, unsettled
      ['bottoming', 'uptrend'], // 108 ≤ 110: after the trough, in its zone
      ['topping', 'uptrend'], // the peak itself
      ['topping', 'trend-decline'], // 121 ≥ 117: after the peak, in its zone
      ['bottoming', 'trend-decline'], // 100 ≤ 104.5: before the trough 95
      ['bottoming', 'trend-decline'], // the trough itself
      ['bottoming', 'uptrend'], // 103 ≤ 104.5
      ['uptrend'], // bull outside zones
      ['uptrend'], // 125 < 135: outside the pending high's band
      null, // 150: the pending high — its zone depends on whether it becomes a peak
      null, // after the pending high: unsettled
    ]);
    expect(l.primary).toEqual([
      null,
      'bottoming',
      'topping',
      'topping',
      'bottoming',
      'bottoming',
      'bottoming',
      'uptrend',
      'uptrend',
      null,
      null,
    ]);
    expect(l.zone.slice(1, 8)).toEqual([
      'bottoming',
      'topping',
      'topping',
      'bottoming',
      'bottoming',
      'bottoming',
      null,
    ]);
    expect(HINDSIGHT_LABEL_DEFAULTS.zoneBand).toBe(0.1);
  });

  it('labels bear days outside zones trend-decline, and a zero band leaves only the extremes in zones', () => {
    // Peak 200 (day 1): 150 (−25 %) dates it; the slide continues to 100, then +30 % dates the trough.
    const path = dailyCloses([150, 200, 185, 150, 130, 112, 100, 104, 130, 135]);
    const d = hindsightDating(path);
    expect(d.turningPoints.map((t) => [t.kind, t.index])).toEqual([
      ['trough', 0],
      ['peak', 1],
      ['trough', 6],
    ]);
    const l = hindsightLabels(path, d);
    expect(l.primary).toEqual([
      null,
      'topping',
      'topping', // 185 ≥ 180
      'trend-decline',
      'trend-decline',
      'trend-decline', // 112 > 110
      'bottoming',
      'bottoming', // 104
      null, // 130 ≥ 121.5: in the band of the pending high 135, which may become a peak
      null, // the pending high
    ]);
    const none = hindsightLabels(path, d, { zoneBand: 0 });
    expect(none.primary.slice(1, 9)).toEqual([
      'topping',
      'trend-decline',
      'trend-decline',
      'trend-decline',
      'trend-decline',
      'bottoming',
      'uptrend',
      'uptrend',
    ]);
  });

  it('gives a day claimed by two zones to the nearer extreme', () => {
    // Wide band 0.3: after the peak 130 (day 2) the bottoming zone of 95 (day 5) reaches 123.5 and
    // the topping zone 91; day 3 (121) is one day from the peak, two from the trough.
    const l = hindsightLabels(closes, dating, { zoneBand: 0.3 });
    expect(l.zone[3]).toBe('topping');
    expect(l.zone[4]).toBe('bottoming'); // 100: two days from the peak, one from the trough
    expect(l.acceptable[4]).toEqual(['bottoming', 'trend-decline']);
  });

  it('rejects a band outside [0, 1) and a dating of other closes', () => {
    expect(() => hindsightLabels(closes, dating, { zoneBand: 1 })).toThrow(/zoneBand is 1/);
    expect(() => hindsightLabels(closes.slice(1), dating)).toThrow(/10 closes but a dating of 11 days/);
  });
});
