// The ETF flow regime from directionality: hand windows, the window and minimum, point-in-time history.
import { describe, expect, it } from 'vitest';
import { etfFlowRegime, etfFlowRegimeHistory } from '../../src/signals/etf-flow-regime.js';

const days = (values: number[]): { date: string; value: number }[] =>
  values.map((value, i) => ({ date: `2025-12-${String(i + 1).padStart(2, '0')}`, value }));

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
