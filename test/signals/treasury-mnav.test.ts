import { describe, expect, it } from 'vitest';
import { mnavOf, treasuryMnav } from '../../src/signals/treasury-mnav.js';
import { daily } from '../helpers/market-series.js';

describe('treasury mNAV', () => {
  it('is EV over the value of coins held', () => {
    expect(mnavOf(66e9, 600_000, 100_000)).toBeCloseTo(1.1, 12);
    expect(mnavOf(1e9, 0, 100_000)).toBeNull();
  });

  it('reports level, 30-day change and premium compression', () => {
    // 2.0 for 60 days, then falls linearly to 1.4: premium 0.4 ≤ 0.5 × peak premium 1.0 → compressed
    const values = [
      ...Array.from({ length: 60 }, () => 2),
      ...Array.from({ length: 31 }, (_, i) => 2 - (0.6 * (i + 1)) / 31),
    ];
    const r = treasuryMnav({
      company: 'Strategy',
      mnav: daily('2025-09-01', values),
      coinsHeld: daily('2025-09-01', [640_031]),
    });
    expect(r.mnav).toBeCloseTo(1.4, 12);
    expect(r.mnavChange30d).toBeCloseTo(1.4 - (2 - 0.6 / 31), 12);
    expect(r.peakMnav).toBe(2);
    expect(r.premiumCompressed).toBe(true);
    expect(r.coinsHeld).toBe(640_031);
  });

  it('is not compressed while the premium holds, always compressed below 1, null without data', () => {
    const holding = treasuryMnav({ company: 'X', mnav: daily('2025-01-01', [2, 1.8]), coinsHeld: [] });
    expect(holding.premiumCompressed).toBe(false);
    expect(holding.mnavChange30d).toBeNull();
    expect(treasuryMnav({ company: 'X', mnav: daily('2025-01-01', [0.9]), coinsHeld: [] }).premiumCompressed).toBe(
      true,
    );
    const none = treasuryMnav({ company: 'X', mnav: [], coinsHeld: daily('2025-01-01', [5]) });
    expect(none.mnav).toBeNull();
    expect(none.premiumCompressed).toBeNull();
    expect(none.coinsHeld).toBe(5);
  });
});
