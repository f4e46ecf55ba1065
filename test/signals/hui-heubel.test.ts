import { describe, expect, it } from 'vitest';
import { huiHeubel } from '../../src/signals/hui-heubel.js';
import { bar } from '../helpers/market-series.js';

describe('huiHeubel', () => {
  it('computes [(Pmax − Pmin)/Pmin] / [V/(S·P̄)] over a 5-day window (hand-computed)', () => {
    const bars = [
      bar('2025-01-01', 500, 9e9, 600, 400), // outside the window
      bar('2025-01-02', 102, 2e8, 104, 100),
      bar('2025-01-03', 104, 2e8, 106, 101),
      bar('2025-01-04', 106, 2e8, 110, 103),
      bar('2025-01-05', 105, 2e8, 107, 104),
      bar('2025-01-06', 108, 2e8, 109, 105),
    ];
    // Pmax 110, Pmin 100 → 0.1; V = 1e9; P̄ = (102+104+106+105+108)/5 = 105; S = 1e6
    // turnover = 1e9 / (1e6 × 105) = 9.5238…; ratio = 0.1 / 9.5238 = 0.0105
    expect(huiHeubel(bars, 1e6)).toBeCloseTo(0.0105, 12);
  });

  it('is null with too few bars, a missing volume or no supply', () => {
    const five = ['01', '02', '03', '04', '05'].map((d) => bar(`2025-01-${d}`, 100));
    expect(huiHeubel(five.slice(0, 4), 1e6)).toBeNull();
    expect(huiHeubel([...five.slice(0, 4), bar('2025-01-05', 100, null)], 1e6)).toBeNull();
    expect(huiHeubel(five, 0)).toBeNull();
  });
});
