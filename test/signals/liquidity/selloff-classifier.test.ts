import { describe, expect, it } from 'vitest';
import { classifySelloffs } from '../../../src/signals/selloff-classifier.js';
import { detectSelloffs } from '../../../src/signals/selloff-detection.js';
import { addDays } from '../../../src/domain/dates.js';
import { barsFromCloses } from '../section-fixtures.js';
import { plantedSelloff } from './selloff-scenarios.js';

describe('detectSelloffs', () => {
  it('finds one episode from the peak to the lowest close', () => {
    const bars = barsFromCloses('2025-01-01', [100, 95, 88, 90, 86, 95, 96]);
    const eps = detectSelloffs(bars);
    expect(eps).toHaveLength(1);
    expect(eps[0]!.start).toBe('2025-01-01');
    expect(eps[0]!.end).toBe('2025-01-05');
    expect(eps[0]!.drawdownPct).toBeCloseTo(-14, 10);
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
});

describe('classifySelloffs on planted scenarios', () => {
  it('labels a planted liquidity failure (volume collapses, spread spikes, OI flat)', () => {
    const [s, ...rest] = classifySelloffs(plantedSelloff('liquidity-failure'));
    expect(rest).toHaveLength(0);
    expect(s!.type).toBe('liquidity-failure');
    expect(s!.measures.volumeRatio).toBeCloseTo(0.3, 10);
    expect(s!.measures.spreadRatio!).toBeGreaterThanOrEqual(2);
    expect(s!.measures.oiChangePct).toBeCloseTo(0, 10);
    expect(s!.positionPoints).toBe(0);
    expect(s!.reasons.join(' ')).toContain('dollar volume fell to 30%');
  });

  it('labels a planted rebalancing (OI and ETF flows drop, volume up, spread normal)', () => {
    const [s] = classifySelloffs(plantedSelloff('position-rebalancing'));
    expect(s!.type).toBe('position-rebalancing');
    expect(s!.measures.volumeRatio).toBeCloseTo(2, 10);
    expect(s!.measures.oiChangePct).toBeCloseTo(-25, 10);
    expect(s!.measures.etfFlowShareOfAum).toBeCloseTo(-0.015, 10);
    expect(s!.positionPoints).toBe(3);
    expect(s!.reasons.some((r) => r.startsWith('positions closed: perp OI −25.0%'))).toBe(true);
  });

  it('scores no position points when OI and flows are missing, and says what it measured', () => {
    const inputs = plantedSelloff('position-rebalancing');
    const [s] = classifySelloffs({ ...inputs, openInterestUsd: [], etfFlows: [], etfAumUsd: [] });
    expect(s!.measures.oiChangePct).toBeNull();
    expect(s!.measures.etfNetFlowUsd).toBeNull();
    expect(s!.positionPoints).toBe(1); // the volume surge alone
  });
});

describe('acute liquidity failure inside a longer sell-off', () => {
  // 40 calm days, then 6 days of orderly selling (volume up, OI down) and 5 days where trading dries
  // up and ranges blow out (OI flat): one detected episode, labelled by its acute stretch.
  const inputs = plantedSelloff('position-rebalancing');
  const spot = inputs.spot.slice(0, 40).map((b) => ({ ...b }));
  const oi = inputs.openInterestUsd.slice(0, 40).map((p) => ({ ...p }));
  let close = 100;
  for (let k = 0; k < 11; k += 1) {
    const date = addDays('2025-01-01', 40 + k);
    const acute = k >= 6;
    close *= acute ? 0.975 : 0.985;
    const half = acute ? 0.07 : 0.01;
    spot.push({
      date,
      open: close,
      high: close * (1 + half),
      low: close * (1 - half),
      close,
      volumeUsd: acute ? 3e8 : 2e9,
      volumeUnits: null,
    });
    oi.push({ date, value: 30e9 * (1 - 0.04 * Math.min(k + 1, 6)) });
  }

  it('flags the acute stretch and keeps the whole-episode evidence', () => {
    const all = classifySelloffs({ ...inputs, spot, openInterestUsd: oi, etfFlows: [], etfAumUsd: [] });
    expect(all).toHaveLength(1);
    const s = all[0]!;
    expect(s.type).toBe('liquidity-failure');
    expect(s.acute).toBeDefined();
    // the acute days are 2025-02-16 … 02-20; the first 5-bar window that is mostly acute flags it
    expect(s.acute!.end >= '2025-02-16' && s.acute!.start < '2025-02-20').toBe(true);
    expect(s.reasons[0]).toContain('Amihud illiquidity');
    expect(s.reasons[0]).toMatch(/^acute stretch /);
    // the whole episode ties 2–2 (spread, Amihud vs OI drop, volume surge), which alone reads as rebalancing
    expect(s.reasons[1]).toMatch(/^whole sell-off: .*positions closed: perp OI −24\.0%/);
  });

  it('labels the same episode rebalancing when the acute scan is disabled', () => {
    const [s] = classifySelloffs(
      { ...inputs, spot, openInterestUsd: oi, etfFlows: [], etfAumUsd: [] },
      { acuteBars: 0 },
    );
    expect(s!.type).toBe('position-rebalancing');
  });
});
