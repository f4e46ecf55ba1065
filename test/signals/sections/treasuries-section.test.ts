import { describe, expect, it } from 'vitest';
import { treasuriesSection } from '../../../src/signals/sections/treasuries-section.js';
import { daily, emptyMarketSeries } from '../../helpers/market-series.js';

describe('treasuriesSection', () => {
  it('reports nulls but still the forced-selling estimate without treasury data', () => {
    const s = treasuriesSection(emptyMarketSeries());
    expect(s.companies).toEqual([]);
    expect(s.strategyMnav).toBeNull();
    expect(s.premiumCompressed).toBeNull();
    expect(s.forcedSellingEstimateUsd.low).toBe(2.8e9);
    expect(s.availability.missing).toEqual(['treasuries', 'strategyMnav']);
  });

  it('finds Strategy among peers and cites its mNAV', () => {
    const m = emptyMarketSeries({
      treasuries: [
        { company: 'Metaplanet', mnav: daily('2025-12-01', [0.9]), coinsHeld: [] },
        {
          company: 'Strategy',
          mnav: daily('2025-11-01', [...Array.from({ length: 31 }, () => 1.5), 1.1]),
          coinsHeld: daily('2025-12-01', [650_000]),
        },
      ],
    });
    const s = treasuriesSection(m);
    expect(s.strategyMnav).toBe(1.1);
    expect(s.strategyMnavChange30d).toBeCloseTo(-0.4, 12);
    expect(s.premiumCompressed).toBe(true); // premium 0.1 ≤ 0.5 × 0.5
    expect(s.strategyBelowOne).toBe(false);
    const e = s.evidence.find((x) => x.signal === 'treasuries.strategyMnav')!;
    expect(e.text).toBe(
      'Strategy mNAV 1.10 on 2 Dec 2025, −0.40 over 30 days; 180-day peak 1.50 on 1 Nov 2025: premium compressed.',
    );
    expect(e.weight).toBe(-0.25);
    expect(s.evidence.find((x) => x.signal === 'treasuries.peers')!.text).toContain(
      'Metaplanet 0.90; 1 of 1 below mNAV 1',
    );
  });
});
