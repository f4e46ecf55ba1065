import { describe, expect, it } from 'vitest';
import { oiPriceDivergence } from '../../src/signals/oi-price-divergence.js';
import { barsFromCloses, daily } from '../helpers/market-series.js';

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('oiPriceDivergence', () => {
  it('flags OI falling while price holds', () => {
    const oi = daily(
      '2025-01-01',
      range(15, (i) => 100 - i * 2),
    ); // 100 → 72: −28 %
    const spot = barsFromCloses(
      '2025-01-01',
      range(15, () => 50_000),
    );
    const r = oiPriceDivergence(oi, spot);
    expect(r.divergence).toBe('oi-falling-price-holding');
    expect(r.oiChangePct).toBeCloseTo(-28, 10);
    expect(r.priceChangePct).toBeCloseTo(0, 10);
    expect(r.from).toBe('2025-01-01');
    expect(r.to).toBe('2025-01-15');
  });

  it('flags OI rising into a falling price, and aligned otherwise', () => {
    const oiUp = daily(
      '2025-01-01',
      range(15, (i) => 100 + i),
    );
    const spotDown = barsFromCloses(
      '2025-01-01',
      range(15, (i) => 100 - i),
    );
    expect(oiPriceDivergence(oiUp, spotDown).divergence).toBe('oi-rising-price-falling');
    const oiDown = daily(
      '2025-01-01',
      range(15, (i) => 100 - i * 2),
    );
    expect(oiPriceDivergence(oiDown, spotDown).divergence).toBe('aligned');
  });

  it('is null when a series lacks a point at the window start', () => {
    const r = oiPriceDivergence(
      daily('2025-01-10', [1, 2, 3]),
      barsFromCloses(
        '2025-01-01',
        range(15, () => 1),
      ),
    );
    expect(r.divergence).toBeNull();
    expect(oiPriceDivergence([], []).divergence).toBeNull();
  });
});
