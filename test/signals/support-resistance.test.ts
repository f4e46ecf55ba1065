import { describe, expect, it } from 'vitest';
import { clusterLevels, consolidationBoxes, supportResistance } from '../../src/signals/support-resistance.js';
import { barsFromCloses } from '../helpers/market-series.js';

const repeat = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('support and resistance', () => {
  // a range 100–104 for 20 days, a rally, a range 120–124 for 20 days, a fall to 110
  const closes = [...repeat(20, (i) => 100 + (i % 5)), 108, 114, ...repeat(20, (i) => 120 + (i % 5)), 116, 112, 110];
  const bars = barsFromCloses('2025-01-01', closes);

  it('finds the consolidation boxes', () => {
    // the first box stops before 108 (8.0 % above 100 is just over the band in floating point);
    // the upper box runs from 120 through the first pull-back close 116 (124/116 − 1 = 6.9 %)
    const boxes = consolidationBoxes(bars);
    expect(boxes.map((b) => [b.start, b.end, b.low, b.high])).toEqual([
      ['2025-01-01', '2025-01-20', 100, 104],
      ['2025-01-23', '2025-02-12', 116, 124],
    ]);
  });

  it('splits levels into supports below and resistances above the close', () => {
    const r = supportResistance(bars);
    expect(r.supports).toEqual([104, 100]); // nearest first
    expect(r.resistances).toEqual([116, 124]);
    expect(r.aboveResistance).toBe(false);
  });

  it('flags a breakout above the last completed range', () => {
    const up = barsFromCloses('2025-01-01', [...repeat(20, (i) => 100 + (i % 5)), 110]);
    const r = supportResistance(up);
    expect(r.lastCompletedBox!.high).toBe(104);
    expect(r.aboveResistance).toBe(true);
    expect(r.supports).toEqual([104, 100]);
    expect(r.resistances).toEqual([]);
  });

  it('clusters nearby levels and returns nothing for empty input', () => {
    expect(clusterLevels([100, 101, 110, 130, 131.5], 2)).toEqual([100.5, 110, 130.75]);
    const r = supportResistance([]);
    expect(r.supports).toEqual([]);
    expect(r.aboveResistance).toBeNull();
  });
});
