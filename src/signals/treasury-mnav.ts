// Treasury-company mNAV (enterprise value / market value of coins held): level, 30-day change and
// premium compression (the premium over 1 shrinking from its recent peak, or mNAV below 1).
import type { DatedValue, TreasuryCompany } from '../domain/market-series.js';
import { addDays } from '../domain/dates.js';
import { lastOf, pointOnOrBefore, pointsInWindow } from './series-helpers.js';
import type { TreasuryMnav } from '../domain/sections/treasuries.js';

/** mNAV = EV / (coins held × coin price); null when the coin value is not positive. mnavOf(66e9, 600_000, 100_000) = 1.1. */
export function mnavOf(enterpriseValueUsd: number, coinsHeld: number, coinPriceUsd: number): number | null {
  const coinValue = coinsHeld * coinPriceUsd;
  return coinValue > 0 ? enterpriseValueUsd / coinValue : null;
}

export interface PremiumCompressionOptions {
  /** Calendar days for the peak premium. Default 180. */
  readonly peakWindowDays?: number;
  /**
   * Premium (mNAV − 1) at or below this share of its peak counts as compressed. Default 0.5: half
   * the premium gone means the equity no longer pays much over the coins for new issuance.
   */
  readonly compressedShareOfPeak?: number;
}

function changeOver(series: readonly DatedValue[], days: number): number | null {
  const last = lastOf(series);
  if (last === null) return null;
  const before = pointOnOrBefore(series, addDays(last.date, -days));
  return before === null ? null : last.value - before.value;
}

/** mNAV figures of one treasury company. Empty mNAV series → nulls (coinsHeld still reported). */
export function treasuryMnav(company: TreasuryCompany, options: PremiumCompressionOptions = {}): TreasuryMnav {
  const { peakWindowDays = 180, compressedShareOfPeak = 0.5 } = options;
  const last = lastOf(company.mnav);
  const coinsHeld = lastOf(company.coinsHeld)?.value ?? null;
  if (last === null) {
    return {
      company: company.company,
      date: null,
      mnav: null,
      mnavChange30d: null,
      coinsHeld,
      peakMnav: null,
      peakDate: null,
      premiumCompressed: null,
    };
  }
  let peak = last;
  for (const p of pointsInWindow(company.mnav, addDays(last.date, -peakWindowDays), last.date))
    if (p.value > peak.value) peak = p;
  const peakPremium = peak.value - 1;
  const premium = last.value - 1;
  const premiumCompressed = last.value < 1 || (peakPremium > 0 && premium <= compressedShareOfPeak * peakPremium);
  return {
    company: company.company,
    date: last.date,
    mnav: last.value,
    mnavChange30d: changeOver(company.mnav, 30),
    coinsHeld,
    peakMnav: peak.value,
    peakDate: peak.date,
    premiumCompressed,
  };
}
