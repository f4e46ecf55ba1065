import { describe, expect, it } from 'vitest';
import { classifySelloffWindow, selloffVerdict } from '../../src/signals/selloff-classifier.js';
import { classifySelloffs } from '../../src/signals/selloff-history.js';
import { plantedSelloff } from '../helpers/selloff-scenarios.js';

const planted = (kind: Parameters<typeof plantedSelloff>[0]) => {
  const all = classifySelloffs(plantedSelloff(kind));
  const fall = all.filter((s) => s.end >= '2025-02-04');
  expect(fall).toHaveLength(1);
  return fall[0]!;
};

describe('the sell-off label on planted scenarios', () => {
  it('a planted liquidity failure: price impact and spreads beyond their trailing year', () => {
    const s = planted('liquidity-failure');
    expect(s.type).toBe('liquidity-failure');
    expect(s.measures.amihud.level).toBe('extreme');
    expect(s.measures.amihud.worst!.percentile).toBe(1);
    expect(s.measures.amihud.worst!.robustZ!).toBeGreaterThan(3);
    expect(s.measures.corwinSchultz.level).toBe('extreme');
    expect(s.measures.longLiquidationsMultiple!).toBeGreaterThan(10);
    expect(s.reasons[0]).toMatch(
      /^cost of trading exploded: Amihud price impact [\d.]+ per \$1B over [\d–]+ \w{3} \d{4} \(p100, z [\d.]+\)/,
    );
    expect(s.reasons.join(' ')).toContain('forced deleveraging into a market that could not absorb it');
    expect(s.reasons.join(' ')).toContain('positions not measurably cut');
  });

  it('lists each position measure on its side: a rise is never read under "cut"', () => {
    const { measures } = planted('position-rebalancing');
    // As on the real data's May–June 2026 fall: perp OI in coins rose while CFTC OI and ETF money left.
    const verdict = selloffVerdict({ ...measures, perpOiCoinsChangePct: 12 });
    const line = verdict.reasons.find((r) => r.startsWith('positions '))!;
    expect(line).toMatch(/^positions cut: .*; not cut: .*perp OI \(coins\) \+12\.0%/);
    expect(line.split('; not cut: ')[0]).not.toContain('+12.0%');
    expect(verdict.positionsCut).toBe(true);
    // Nothing past its threshold: not measurably cut, every measure listed.
    const none = selloffVerdict({
      ...measures,
      perpOiCoinsChangePct: 3,
      cftcOiChangePct: 1,
      etfHoldingsChangePct: 0.5,
      etfNetFlowUsd: 1e8,
      etfFlowShareOfAum: 0.001,
    });
    expect(none.reasons.find((r) => r.startsWith('positions '))).toMatch(
      /^positions not measurably cut: perp OI \(coins\) \+3\.0%/,
    );
    expect(none.positionsCut).toBe(false);
  });

  it('a planted rebalancing: positions cut while the cost of trading stays in its range', () => {
    const s = planted('position-rebalancing');
    expect(s.type).toBe('position-rebalancing');
    expect(['normal', 'elevated']).toContain(s.measures.amihud.level);
    expect(s.measures.perpOiCoinsChangePct!).toBeLessThan(-20);
    expect(s.measures.cftcOiChangePct!).toBeCloseTo(-10, 10);
    expect(s.measures.etfFlowShareOfAum!).toBeLessThan(-0.005);
    expect(s.measures.dollarVolumeRatio!).toBeGreaterThan(1.5); // volume rose: activity, not cost
    expect(s.reasons.some((r) => /^positions cut: perp OI \(coins\) −2\d\.\d%.*CFTC total OI −10\.0%/.test(r))).toBe(
      true,
    );
  });

  it('volume rising does not make a crisis orderly: a bounce off the bid on wide ranges is a failure', () => {
    const s = planted('volume-up-failure');
    expect(s.measures.dollarVolumeRatio!).toBeGreaterThan(1.5);
    expect(s.type).toBe('liquidity-failure');
    expect(s.measures.abdiRanaldo.level).toBe('extreme');
    expect(s.measures.abdiRanaldo.worst!.value).toBeGreaterThan(0.03); // a 3 %+ spread on the crash days
  });

  it('with no position data the label still rests on the cost of trading, and says what is missing', () => {
    const inputs = plantedSelloff('position-rebalancing');
    const [s] = classifySelloffs({
      ...inputs,
      openInterestUsd: [],
      cot: [],
      etfFlows: [],
      etfHoldingsCoins: [],
    }).filter((x) => x.end >= '2025-02-04');
    expect(s!.type).toBe('position-rebalancing');
    expect(s!.measures.perpOiCoinsChangePct).toBeNull();
    expect(s!.measures.cftcOiChangePct).toBeNull();
    expect(selloffVerdict(s!.measures).positionsCut).toBeNull();
    expect(s!.reasons).toContain('positions: no OI, CFTC or ETF data over the fall');
  });

  it('reports a measure as not measurable without a year of baseline', () => {
    const inputs = plantedSelloff('liquidity-failure');
    const short = { ...inputs, spot: inputs.spot.slice(330) }; // ~70 baseline bars < 90 windows
    const [s] = classifySelloffs(short).filter((x) => x.end >= '2025-02-04');
    expect(s!.measures.amihud.level).toBeNull();
    expect(s!.type).toBe('position-rebalancing');
    expect(s!.reasons.join(' ')).toContain('not measurable (too little history or data): Amihud price impact');
  });

  it('labels a given window with everything visible (classifySelloffWindow)', () => {
    const inputs = plantedSelloff('liquidity-failure');
    const w = classifySelloffWindow(inputs, 399, 404);
    expect(w.type).toBe('liquidity-failure');
    expect(w.start).toBe(inputs.spot[399]!.date);
    expect(w.measures.crashDays).toBe(5);
    expect(() => classifySelloffWindow(inputs, 10, 5)).toThrow(RangeError);
  });
});
