// Perpetual funding regime: annualised carry from the per-8h funding rate and a named regime.
import type { DatedValue } from '../domain/market-series.js';
import { lastOf } from './series-helpers.js';
import { mean } from './stats/mean.js';
import { nullIfNaN } from './stats/null-if-nan.js';
import type { FundingRegime } from '../domain/sections/positioning.js';

/** Funding settles three times a day, every day of the year. */
export const FUNDING_PERIODS_PER_YEAR = 3 * 365;

/**
 * Regime thresholds on annualised funding (fractions). The venues' default 0.01 %/8h is 10.95 %
 * a year, so "neutral" must contain it; above 15 % longs pay clearly more than the base rate,
 * and above 30 % (≈ 0.027 %/8h) carry is at levels seen only near local tops.
 */
export const FUNDING_THRESHOLDS = {
  elevatedAnnualised: 0.15,
  overheatedAnnualised: 0.3,
} as const;

/** Annualised funding carry from a per-8h fraction: rate × 3 × 365. annualiseFunding8h(0.0001) = 0.1095. */
export function annualiseFunding8h(fundingRate8h: number): number {
  return fundingRate8h * FUNDING_PERIODS_PER_YEAR;
}

/** The regime of an annualised funding fraction: < 0 negative; < 15 % neutral; < 30 % elevated; else overheated. */
export function classifyFunding(fundingAnnualised: number): FundingRegime {
  if (fundingAnnualised < 0) return 'negative';
  if (fundingAnnualised < FUNDING_THRESHOLDS.elevatedAnnualised) return 'neutral';
  if (fundingAnnualised < FUNDING_THRESHOLDS.overheatedAnnualised) return 'elevated';
  return 'overheated';
}

export interface FundingRegimeOptions {
  /** Number of latest daily points averaged for the regime (one day's funding is noisy). Default 7. */
  readonly averagePoints?: number;
}

export interface FundingRegimeResult {
  readonly date: string | null;
  /** Latest daily funding, fraction per 8h. */
  readonly fundingRate8h: number | null;
  readonly fundingAnnualised: number | null;
  /** Mean of the last `averagePoints` daily values, per 8h, and its annualised carry. */
  readonly fundingRate8hAverage: number | null;
  readonly fundingAnnualisedAverage: number | null;
  /** Regime of the averaged carry; null when there is no funding data. */
  readonly regime: FundingRegime | null;
}

/** Latest funding, its annualised carry and the regime of the recent average. Empty series → all null. */
export function fundingRegime(
  fundingRate8h: readonly DatedValue[],
  options: FundingRegimeOptions = {},
): FundingRegimeResult {
  const { averagePoints = 7 } = options;
  const last = lastOf(fundingRate8h);
  const average = nullIfNaN(mean(fundingRate8h.slice(-averagePoints).map((p) => p.value)));
  if (last === null || average === null) {
    return {
      date: null,
      fundingRate8h: null,
      fundingAnnualised: null,
      fundingRate8hAverage: null,
      fundingAnnualisedAverage: null,
      regime: null,
    };
  }
  const averageAnnualised = annualiseFunding8h(average);
  return {
    date: last.date,
    fundingRate8h: last.value,
    fundingAnnualised: annualiseFunding8h(last.value),
    fundingRate8hAverage: average,
    fundingAnnualisedAverage: averageAnnualised,
    regime: classifyFunding(averageAnnualised),
  };
}
