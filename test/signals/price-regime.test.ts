// The online bull/bear state machine on daily closes, on hand-counted paths.
import { describe, expect, it } from 'vitest';
import { PRICE_REGIME_DEFAULTS, priceRegimePath } from '../../src/signals/price-regime.js';

describe('priceRegimePath', () => {
  it('confirms a bear at −20 % from the running high and a bull at +20 % from the bear low', () => {
    // 100, 115 (high; +15 % is no bull), 92 (= 115 × 0.8 → bear, low 92), 90 (new low), 107 (< 90 × 1.2 = 108),
    // 109 (≥ 108 → bull)
    const path = priceRegimePath([100, 115, 92, 90, 107, 109]);
    expect(path.map((p) => p.state)).toEqual([null, null, 'bear', 'bear', 'bear', 'bull']);
    expect(path[2]).toEqual({ state: 'bear', confirmedIndex: 2, extremeIndex: 2 });
    expect(path[3]).toEqual({ state: 'bear', confirmedIndex: 2, extremeIndex: 3 });
    expect(path[5]).toEqual({ state: 'bull', confirmedIndex: 5, extremeIndex: 5 });
  });

  it('is undetermined until a threshold is crossed, tracking the running high', () => {
    const path = priceRegimePath([100, 110, 95, 105]);
    expect(path.map((p) => p.state)).toEqual([null, null, null, null]);
    expect(path.map((p) => p.extremeIndex)).toEqual([0, 1, 1, 1]);
    expect(path.every((p) => p.confirmedIndex === -1)).toBe(true);
    // a +20 % rise from the start's low confirms a bull first
    expect(priceRegimePath([100, 90, 109]).map((p) => p.state)).toEqual([null, null, 'bull']);
  });

  it('is causal: the path of a prefix equals the prefix of the path', () => {
    const closes = [100, 120, 96, 90, 107, 108, 130, 104, 103, 125];
    const full = priceRegimePath(closes);
    for (let n = 1; n <= closes.length; n += 1) expect(priceRegimePath(closes.slice(0, n))).toEqual(full.slice(0, n));
  });

  it('takes its thresholds from options, defaulting to 20 %', () => {
    expect(PRICE_REGIME_DEFAULTS).toEqual({ declineToBear: 0.2, riseToBull: 0.2 });
    expect(priceRegimePath([100, 89], { declineToBear: 0.1 })[1]!.state).toBe('bear');
    expect(priceRegimePath([100, 89])[1]!.state).toBeNull();
  });
});
