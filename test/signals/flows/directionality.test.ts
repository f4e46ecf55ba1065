import { describe, expect, it } from 'vitest';
import { directionality } from '../../../src/signals/directionality.js';
import { etfFlowRegime, etfFlowRegimeHistory, regimeOf } from '../../../src/signals/etf-flow-regime.js';
import { runsTest } from '../../../src/signals/runs-test.js';
import { seededNormal } from './helpers.js';

const days = (values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: `2025-12-${String(i + 1).padStart(2, '0')}`, value }));

describe('directionality', () => {
  it('is Σf/Σ|f| on a 4-day example', () => {
    // net 100 − 50 + 30 − 80 = 0 over gross 260
    expect(directionality([100, -50, 30, -80])).toBe(0);
    // net 200 + 100 − 50 − 50 = 200 over gross 400
    expect(directionality([200, 100, -50, -50])).toBeCloseTo(0.5, 12);
    expect(directionality([-10, -20, -30, 0])).toBe(-1);
    expect(directionality([])).toBeNull();
    expect(directionality([0, 0])).toBeNull();
  });

  it('stays in [−1, 1] and flipping every sign flips D and the regime (property, seeded)', () => {
    const normal = seededNormal(7);
    for (let trial = 0; trial < 300; trial++) {
      const bias = normal();
      const flows = Array.from({ length: 3 + (trial % 15) }, () => (normal() + bias) * 1e8);
      const d = directionality(flows)!;
      expect(d).toBeGreaterThanOrEqual(-1);
      expect(d).toBeLessThanOrEqual(1);
      const flipped = directionality(flows.map((f) => -f))!;
      expect(flipped).toBeCloseTo(-d, 12);
      const r = regimeOf(d);
      const rf = regimeOf(flipped);
      const mirror = {
        'one-way-inflow': 'one-way-outflow',
        'one-way-outflow': 'one-way-inflow',
        'two-way': 'two-way',
      } as const;
      if (Math.abs(Math.abs(d) - 0.6) > 1e-9) expect(rf).toBe(mirror[r!]);
    }
  });
});

describe('etfFlowRegime', () => {
  it('reads one-way outflow, two-way and one-way inflow on hand windows', () => {
    const out = etfFlowRegime(days([-100, -200, 50, -300, -150, -80, -20, 10, -90, -60]), { window: 10 });
    // net −940, gross 1060 → D = −0.8868; 8 of 10 outflow days
    expect(out.directionality).toBeCloseTo(-940 / 1060, 12);
    expect(out.regime).toBe('one-way-outflow');
    expect(out.outflowDays).toBe(8);
    expect(out.outflowShare).toBeCloseTo(0.8, 12);
    const two = etfFlowRegime(days([697, -243, -486, -398, 100, 200, -50, 300, -100, 50]), { window: 10 });
    // net 70, gross 2624
    expect(two.directionality).toBeCloseTo(70 / 2624, 12);
    expect(two.regime).toBe('two-way');
    expect(etfFlowRegime(days([10, 20, 30, 40, 50, 60]), { window: 10 }).regime).toBe('one-way-inflow');
  });

  it('uses only the last `window` days and needs a minimum of days', () => {
    const r = etfFlowRegime(days([-1000, -1000, 5, 5, 5, 5, 5]), { window: 5 });
    expect(r.days).toBe(5);
    expect(r.regime).toBe('one-way-inflow');
    expect(etfFlowRegime(days([-5, -5, -5]), { window: 10 }).regime).toBeNull();
  });

  it('history is point-in-time: each date equals the regime of the data up to it', () => {
    const series = days([-1, -2, -3, -4, -5, 6, 7, 8, 9, 10, 11, 12]);
    const hist = etfFlowRegimeHistory(series, { window: 5 });
    expect(hist.length).toBe(8);
    for (const h of hist) {
      const upTo = series.filter((s) => s.date <= h.date);
      expect(h.regime).toBe(etfFlowRegime(upTo, { window: 5 }).regime);
    }
  });
});

describe('runsTest', () => {
  it('counts runs on a known sign sequence', () => {
    // + + − − − + : 3 runs, n₊ = 3, n₋ = 3, expected 4, variance 1.2
    const r = runsTest([1, 2, -1, -2, -3, 4])!;
    expect(r.runs).toBe(3);
    expect(r.expectedRuns).toBe(4);
    expect(r.z).toBeCloseTo(-1 / Math.sqrt(1.2), 12);
    expect(r.pValue).toBeCloseTo(0.3613, 3);
  });

  it('alternating signs give many runs (z > 0); zeros are dropped; one-sided input is null', () => {
    const r = runsTest([1, -1, 1, -1, 0, 1, -1, 1, -1])!;
    // 8 non-zero alternating: 8 runs, n₊ = n₋ = 4, expected 5, variance 2·16·24/(64·7) = 12/7
    expect(r.runs).toBe(8);
    expect(r.z).toBeCloseTo(3 / Math.sqrt(12 / 7), 12);
    expect(runsTest([1, 2, 3, -1])).toBeNull();
  });
});
