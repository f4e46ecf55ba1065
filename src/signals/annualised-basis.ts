// Annualised futures basis: (F/S − 1) × 365 / days to expiry, with the CME front-month expiry
// (last Friday of the contract month) computed from the trade date.
import type { CmeDay, DailyBar, DatedValue } from '../domain/market-series.js';
import { addDays, daysBetween, dayOfWeek, msToDate } from '../domain/dates.js';

/** The last Friday of the month containing `isoDate`. lastFridayOfMonth('2025-12-03') = '2025-12-26'. */
export function lastFridayOfMonth(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const lastDay = msToDate(Date.UTC(year, month, 0));
  const back = (dayOfWeek(lastDay) - 5 + 7) % 7;
  return addDays(lastDay, -back);
}

/**
 * Expiry of the CME front-month contract trading on `tradeDate`: this month's last Friday, or next
 * month's when that Friday has passed (on expiry day itself the expiring contract is still front).
 * Exchange holidays that move an expiry (e.g. Good Friday) are not modelled.
 * cmeFrontMonthExpiry('2025-12-29') = '2026-01-30'.
 */
export function cmeFrontMonthExpiry(tradeDate: string): string {
  const thisMonth = lastFridayOfMonth(tradeDate);
  if (tradeDate <= thisMonth) return thisMonth;
  const nextMonthFirst = msToDate(Date.UTC(Number(tradeDate.slice(0, 4)), Number(tradeDate.slice(5, 7)), 1));
  return lastFridayOfMonth(nextMonthFirst);
}

/**
 * True for the Monday–Sunday week containing a CME front-month expiry and the week before it: the
 * front-month OI of chart exports decays into expiry and jumps at the roll in those weeks.
 */
export function isCmeRollWeek(weekMonday: string): boolean {
  // the next expiry on or after Monday: 4 days later in the expiry week, 11 in the week before
  return daysBetween(weekMonday, cmeFrontMonthExpiry(weekMonday)) <= 11;
}

/**
 * (F/S − 1) × 365 / daysToExpiry, a fraction per year. null when S ≤ 0 or daysToExpiry < 1 (the
 * formula explodes on expiry day). annualisedBasis(101, 100, 36.5) = 0.1.
 */
export function annualisedBasis(futuresPrice: number, spotPrice: number, daysToExpiry: number): number | null {
  if (spotPrice <= 0 || daysToExpiry < 1) return null;
  return (futuresPrice / spotPrice - 1) * (365 / daysToExpiry);
}

interface BasisPrices {
  readonly date: string;
  readonly futuresPrice: number;
  readonly spotPrice: number;
  readonly spotSource: 'cme-basis' | 'spot-close';
}

/** F and S of one CME day: S = F − the synchronised basis when it has the date, else the spot close; null without either. */
function basisPrices(
  day: CmeDay,
  basisByDate: ReadonlyMap<string, number>,
  spotByDate: ReadonlyMap<string, number>,
): BasisPrices | null {
  const basis = basisByDate.get(day.date);
  if (basis !== undefined)
    return { date: day.date, futuresPrice: day.close, spotPrice: day.close - basis, spotSource: 'cme-basis' };
  const close = spotByDate.get(day.date);
  if (close !== undefined)
    return { date: day.date, futuresPrice: day.close, spotPrice: close, spotSource: 'spot-close' };
  return null;
}

/**
 * The annualised basis of every CME trade date, ascending, with the same F, S and expiry as
 * cmeAnnualisedBasis (so its last point is that function's figure): days without a spot price, or
 * within `minDaysToExpiry` (default 7) of the front-month expiry, are left out — gaps, not zeros.
 */
export function cmeAnnualisedBasisSeries(
  cme: readonly CmeDay[],
  spot: readonly DailyBar[],
  cmeBasisUsd: readonly DatedValue[],
  options: CmeBasisOptions = {},
): DatedValue[] {
  const { minDaysToExpiry = 7 } = options;
  const spotByDate = new Map(spot.map((b) => [b.date, b.close]));
  const basisByDate = new Map(cmeBasisUsd.map((p) => [p.date, p.value]));
  const out: DatedValue[] = [];
  for (const day of cme) {
    const pick = basisPrices(day, basisByDate, spotByDate);
    if (pick === null) continue;
    const daysToExpiry = daysBetween(pick.date, cmeFrontMonthExpiry(pick.date));
    if (daysToExpiry < minDaysToExpiry) continue;
    const value = annualisedBasis(pick.futuresPrice, pick.spotPrice, daysToExpiry);
    if (value !== null) out.push({ date: pick.date, value });
  }
  return out;
}

export interface CmeBasisResult {
  readonly date: string | null;
  readonly futuresPrice: number | null;
  readonly spotPrice: number | null;
  /** 'cme-basis' when S = F − the synchronised futures-minus-spot series, 'spot-close' when S is the spot bar's close. */
  readonly spotSource: 'cme-basis' | 'spot-close' | null;
  readonly expiry: string | null;
  readonly daysToExpiry: number | null;
  /** Fraction per year; null when too close to expiry (see minDaysToExpiry). */
  readonly annualisedBasis: number | null;
  readonly nearExpiry: boolean;
}

export interface CmeBasisOptions {
  /**
   * Below this many days to expiry the basis is not annualised (null, nearExpiry true). Default 7:
   * CME settles at ~20:00–21:00 UTC and crypto bars close at 00:00 UTC, so daily closes carry
   * ±0.5–1 % of timing noise, which × 365 / (a few days) turns into hundreds of percent; chart
   * exports also roll the front month a day or so before expiry.
   */
  readonly minDaysToExpiry?: number;
}

/**
 * Annualised basis of the CME front month on the latest CME trade date. F is the CME close; S is
 * F − `cmeBasisUsd` when that synchronised futures-minus-spot series has the date (preferred: same
 * timestamps), else the spot close of the same date. Without CME bars, F = spot close + cmeBasisUsd.
 * Days to expiry are calendar days from the trade date to the front-month expiry.
 */
export function cmeAnnualisedBasis(
  cme: readonly CmeDay[],
  spot: readonly DailyBar[],
  cmeBasisUsd: readonly DatedValue[],
  options: CmeBasisOptions = {},
): CmeBasisResult {
  const { minDaysToExpiry = 7 } = options;
  const empty: CmeBasisResult = {
    date: null,
    futuresPrice: null,
    spotPrice: null,
    spotSource: null,
    expiry: null,
    daysToExpiry: null,
    annualisedBasis: null,
    nearExpiry: false,
  };
  const spotByDate = new Map(spot.map((b) => [b.date, b.close]));
  const basisByDate = new Map(cmeBasisUsd.map((p) => [p.date, p.value]));
  let pick: BasisPrices | null = null;
  for (let i = cme.length - 1; i >= 0 && pick === null; i -= 1) pick = basisPrices(cme[i]!, basisByDate, spotByDate);
  if (cme.length === 0) {
    for (let i = cmeBasisUsd.length - 1; i >= 0 && pick === null; i -= 1) {
      const point = cmeBasisUsd[i]!;
      const close = spotByDate.get(point.date);
      if (close !== undefined)
        pick = { date: point.date, futuresPrice: close + point.value, spotPrice: close, spotSource: 'spot-close' };
    }
  }
  if (pick === null) return empty;
  const expiry = cmeFrontMonthExpiry(pick.date);
  const daysToExpiry = daysBetween(pick.date, expiry);
  const nearExpiry = daysToExpiry < minDaysToExpiry;
  return {
    ...pick,
    expiry,
    daysToExpiry,
    annualisedBasis: nearExpiry ? null : annualisedBasis(pick.futuresPrice, pick.spotPrice, daysToExpiry),
    nearExpiry,
  };
}
