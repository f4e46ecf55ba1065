// The sell-off classifier's thresholds: pinned values and the orderings the docs rely on.
import { describe, expect, it } from 'vitest';
import { SELLOFF_CLASSIFIER_DEFAULTS, SELLOFF_THRESHOLDS } from '../../src/signals/selloff-thresholds.js';

describe('SELLOFF_THRESHOLDS', () => {
  it('pins the documented values (docs/liquidity.md)', () => {
    expect(SELLOFF_THRESHOLDS.priceImpactExtreme).toEqual({ percentile: 0.99, robustZ: 3 });
    expect(SELLOFF_THRESHOLDS.spreadExtreme).toEqual({ percentile: 1, robustZ: 4 });
    expect(SELLOFF_THRESHOLDS.elevated).toEqual({ percentile: 0.95, robustZ: 2 });
    expect(SELLOFF_THRESHOLDS.forcedLiquidationMultiple).toBe(5);
    expect(SELLOFF_THRESHOLDS.oiDropPct).toBe(-10);
    expect(SELLOFF_THRESHOLDS.etfHoldingsDropPct).toBe(-1);
    expect(SELLOFF_THRESHOLDS.etfOutflowShareOfAum).toBe(0.005);
    expect(SELLOFF_CLASSIFIER_DEFAULTS).toEqual({
      baselineBars: 365,
      minBaselineWindows: 90,
      acuteBars: 3,
      settleDays: 14,
    });
  });

  it('keeps elevated below both extremes, and the spread bar stricter than price impact', () => {
    const t = SELLOFF_THRESHOLDS;
    for (const extreme of [t.priceImpactExtreme, t.spreadExtreme]) {
      expect(t.elevated.percentile).toBeLessThan(extreme.percentile);
      expect(t.elevated.robustZ).toBeLessThan(extreme.robustZ);
    }
    expect(t.spreadExtreme.percentile).toBeGreaterThanOrEqual(t.priceImpactExtreme.percentile);
    expect(t.spreadExtreme.robustZ).toBeGreaterThan(t.priceImpactExtreme.robustZ);
    // 3-day windows in a year: ~121 non-overlapping, enough for the minimum of 90
    expect(
      Math.floor(SELLOFF_CLASSIFIER_DEFAULTS.baselineBars / SELLOFF_CLASSIFIER_DEFAULTS.acuteBars),
    ).toBeGreaterThan(SELLOFF_CLASSIFIER_DEFAULTS.minBaselineWindows);
  });
});
