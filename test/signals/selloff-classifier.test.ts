import { describe, expect, it } from 'vitest';
import { classifySelloffWindow, selloffVerdict } from '../../src/signals/selloff-classifier.js';
import { detectSelloffs } from '../../src/signals/selloff-detection.js';
import { classifySelloffs } from '../../src/signals/selloff-history.js';
import { barsFromCloses } from '../helpers/market-series.js';
import { plantedSelloff } from '../helpers/selloff-scenarios.js';

describe('detectSelloffs', () => {
  it('finds one episode from the peak to the lowest close, with its trigger and successive lows', () => {
    const bars = barsFromCloses('2025-01-01', [100, 95, 88, 90, 86, 95, 96]);
    const eps = detectSelloffs(bars);
    expect(eps).toHaveLength(1);
    expect(eps[0]!.start).toBe('2025-01-01');
    expect(eps[0]!.end).toBe('2025-01-05');
    expect(eps[0]!.drawdownPct).toBeCloseTo(-14, 10);
    expect(eps[0]!.triggerIndex).toBe(2); // 88 is the first close ≥ 10 % below the peak
    expect(eps[0]!.lowIndexes).toEqual([2, 4]);
  });

  it('ignores falls below the threshold or slower than maxDays', () => {
    expect(detectSelloffs(barsFromCloses('2025-01-01', [100, 95, 91, 92]))).toEqual([]);
    const slow = Array.from({ length: 30 }, (_, i) => 100 - i * 0.5); // −0.5 per day: 10 days = −5 %
    expect(detectSelloffs(barsFromCloses('2025-01-01', slow))).toEqual([]);
  });

  it('separates two falls with a recovery in between', () => {
    const bars = barsFromCloses('2025-01-01', [100, 85, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 95]);
    expect(detectSelloffs(bars).map((e) => [e.start, e.end])).toEqual([
      ['2025-01-01', '2025-01-02'],
      ['2025-01-13', '2025-01-14'],
    ]);
  });

  it('never moves an episode start or trigger when later bars arrive (causal)', () => {
    const closes = [100, 95, 88, 90, 86, 95, 96, 80, 97, 99, 101, 100, 102, 90];
    const full = detectSelloffs(barsFromCloses('2025-01-01', closes));
    for (let n = 2; n <= closes.length; n += 1) {
      const cut = detectSelloffs(barsFromCloses('2025-01-01', closes.slice(0, n)));
      cut.forEach((ep, i) => {
        expect(ep.startIndex).toBe(full[i]!.startIndex);
        expect(ep.triggerIndex).toBe(full[i]!.triggerIndex);
        expect(full[i]!.lowIndexes.slice(0, ep.lowIndexes.length)).toEqual(ep.lowIndexes);
      });
    }
  });
});

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
      /^cost of trading exploded: Amihud price impact [\d.]+ per bn USD over \S+ → \S+ \(p100, z [\d.]+\)/,
    );
    expect(s.reasons.join(' ')).toContain('forced deleveraging into a market that could not absorb it');
    expect(s.reasons.join(' ')).toContain('positions not measurably cut');
  });

  it('a planted rebalancing: positions cut while the cost of trading stays in its range', () => {
    const s = planted('position-rebalancing');
    expect(s.type).toBe('position-rebalancing');
    expect(['normal', 'elevated']).toContain(s.measures.amihud.level);
    expect(s.measures.perpOiCoinsChangePct!).toBeLessThan(-20);
    expect(s.measures.cftcOiChangePct!).toBeCloseTo(-10, 10);
    expect(s.measures.etfFlowShareOfAum!).toBeLessThan(-0.005);
    expect(s.measures.dollarVolumeRatio!).toBeGreaterThan(1.5); // volume rose: activity, not cost
    expect(s.reasons.some((r) => /^positions cut: perp OI \(coins\) −2\d\.\d%, CFTC total OI −10\.0%/.test(r))).toBe(
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
