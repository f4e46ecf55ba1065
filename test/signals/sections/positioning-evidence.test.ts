// Positioning evidence sentences from computed figures: null figures give no sentence.
import { describe, expect, it } from 'vitest';
import { cmeAnnualisedBasis } from '../../../src/signals/annualised-basis.js';
import { fundingRegime } from '../../../src/signals/funding-regime.js';
import { oiPriceDivergence } from '../../../src/signals/oi-price-divergence.js';
import { openInterestChange } from '../../../src/signals/open-interest-change.js';
import { positioningEvidence } from '../../../src/signals/sections/positioning-evidence.js';
import { positioningSection } from '../../../src/signals/sections/positioning-section.js';
import { daily, emptyMarketSeries } from '../../helpers/market-series.js';

const noDetails = {
  oi: openInterestChange([]),
  funding: fundingRegime([]),
  divergence: oiPriceDivergence([], []),
  basis: cmeAnnualisedBasis([], [], []),
  proxyChangeWeeks: 4,
  proxyWeeks: 0,
};

describe('positioningEvidence', () => {
  it('says nothing when every figure is null', () => {
    const figures = positioningSection(emptyMarketSeries());
    expect(positioningEvidence('BTC', figures, noDetails)).toEqual([]);
  });

  it('calls an OI 20 % below its 30-day peak flushed leverage, weight +0.5', () => {
    // 100 bn for 20 days, then 80 bn: −20 % from the peak (the flush line is −15 %)
    const oiSeries = daily('2025-12-01', [...Array(20).fill(100e9), 80e9]);
    const figures = positioningSection(emptyMarketSeries({ asOf: '2025-12-21', openInterestUsd: oiSeries }));
    const evidence = positioningEvidence('BTC', figures, { ...noDetails, oi: openInterestChange(oiSeries) });
    const oi = evidence.find((e) => e.signal === 'positioning.openInterest')!;
    expect(oi.value).toBe(-20);
    expect(oi.weight).toBe(0.5);
    expect(oi.text).toMatch(/^BTC perp OI .* on 21 Dec 2025, −20(\.0)?% from its 30-day peak .*: leverage flushed\.$/);
  });
});
