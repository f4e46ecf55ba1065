import { describe, expect, it } from 'vitest';
import { forcedSellingEstimate } from '../../src/signals/forced-selling-estimate.js';

describe('forcedSellingEstimate', () => {
  it('falls back to the published JPMorgan figures with their assumptions', () => {
    const r = forcedSellingEstimate();
    expect(r.low).toBe(2.8e9);
    expect(r.high).toBe(11.6e9);
    expect(r.assumptions.join(' ')).toContain('8.8–11.6 bn');
  });

  it('multiplies tracking shares by market cap', () => {
    const r = forcedSellingEstimate({ marketCapUsd: 70e9 });
    expect(r.low).toBeCloseTo(2.8e9, 3);
    expect(r.high).toBeCloseTo(10.5e9, 3);
    const custom = forcedSellingEstimate({
      marketCapUsd: 50e9,
      msciTrackingShare: 0.1,
      allProvidersTrackingShare: 0.2,
    });
    expect([custom.low, custom.high]).toEqual([5e9, 10e9]);
  });

  it('rejects impossible inputs, naming them', () => {
    expect(() => forcedSellingEstimate({ msciTrackingShare: 1.5 })).toThrow(
      /msciTrackingShare must be in \[0, 1\], got 1.5/,
    );
    expect(() => forcedSellingEstimate({ marketCapUsd: -1 })).toThrow(/marketCapUsd/);
  });
});
