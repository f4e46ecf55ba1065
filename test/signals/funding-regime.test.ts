import { describe, expect, it } from 'vitest';
import { annualiseFunding8h, classifyFunding, fundingRegime } from '../../src/signals/funding-regime.js';
import { daily } from '../helpers/market-series.js';

describe('annualiseFunding8h', () => {
  it('multiplies by 3 × 365', () => {
    expect(annualiseFunding8h(0.0001)).toBeCloseTo(0.1095, 12);
    expect(annualiseFunding8h(-0.00003)).toBeCloseTo(-0.03285, 12);
    expect(annualiseFunding8h(0)).toBe(0);
  });
});

describe('classifyFunding', () => {
  it('names the regimes at their thresholds', () => {
    expect(classifyFunding(-0.0001)).toBe('negative');
    expect(classifyFunding(0)).toBe('neutral');
    expect(classifyFunding(0.1095)).toBe('neutral');
    expect(classifyFunding(0.15)).toBe('elevated');
    expect(classifyFunding(0.2999)).toBe('elevated');
    expect(classifyFunding(0.3)).toBe('overheated');
  });
});

describe('fundingRegime', () => {
  it('is all null without data', () => {
    expect(fundingRegime([])).toEqual({
      date: null,
      fundingRate8h: null,
      fundingAnnualised: null,
      fundingRate8hAverage: null,
      fundingAnnualisedAverage: null,
      regime: null,
    });
  });

  it('reports the latest value and the regime of the 7-point average', () => {
    // six days at 0.0003 (32.85 %/yr) then one at −0.0001: average 0.00024286 → 26.6 %/yr, elevated
    const r = fundingRegime(daily('2025-01-01', [0.0003, 0.0003, 0.0003, 0.0003, 0.0003, 0.0003, -0.0001]));
    expect(r.fundingRate8h).toBe(-0.0001);
    expect(r.fundingAnnualised).toBeCloseTo(-0.1095, 12);
    expect(r.fundingRate8hAverage).toBeCloseTo(0.0017 / 7, 12);
    expect(r.regime).toBe('elevated');
  });
});
