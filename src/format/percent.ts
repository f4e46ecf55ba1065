// Percentages and percentage points. Two inputs, named as the fields are: a fraction (0.274 = 27.4 %;
// fields without a unit suffix, e.g. outflowShare, annualisedBasis) or a percent (-25 = −25 %; fields
// named *Pct).
import { groupedAbs, isPrintable, NOT_AVAILABLE, signFor } from './digits.js';

function percentText(pct: number, digits: number, signed: boolean): string {
  const text = groupedAbs(pct, digits);
  return `${signFor(pct, text, signed)}${text}%`;
}

/** A fraction as a percent, `digits` decimals (default 1): formatPercent(0.274) → "27.4%"; formatPercent(-0.05) → "−5.0%". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  return isPrintable(fraction) ? percentText(fraction * 100, digits, false) : NOT_AVAILABLE;
}

/** A fraction as a signed percent: formatSignedPercent(0.031) → "+3.1%"; −0.2 → "−20.0%"; 0 → "0.0%". */
export function formatSignedPercent(fraction: number | null | undefined, digits = 1): string {
  return isPrintable(fraction) ? percentText(fraction * 100, digits, true) : NOT_AVAILABLE;
}

/** A value already in percent (a *Pct field): formatPct(-25) → "−25.0%"; formatPct(1234.5, 0) → "1,235%". */
export function formatPct(pct: number | null | undefined, digits = 1): string {
  return isPrintable(pct) ? percentText(pct, digits, false) : NOT_AVAILABLE;
}

/** A change already in percent, signed: formatSignedPct(3.14) → "+3.1%"; formatSignedPct(-25) → "−25.0%". */
export function formatSignedPct(pct: number | null | undefined, digits = 1): string {
  return isPrintable(pct) ? percentText(pct, digits, true) : NOT_AVAILABLE;
}

/** A difference of two percentages, signed, in points: formatPercentagePoints(1.24) → "+1.2 pp"; −0.4 → "−0.4 pp". */
export function formatPercentagePoints(points: number | null | undefined, digits = 1): string {
  if (!isPrintable(points)) return NOT_AVAILABLE;
  const text = groupedAbs(points, digits);
  return `${signFor(points, text, true)}${text} pp`;
}

/** A funding rate (a fraction per 8 hours) as percent per 8h, 4 decimals: 0.000042 → "0.0042% per 8h". */
export function formatFundingRate8h(fundingRate8h: number | null | undefined): string {
  return isPrintable(fundingRate8h) ? `${percentText(fundingRate8h * 100, 4, false)} per 8h` : NOT_AVAILABLE;
}

/** A 0–1 rank as an ordinal percentile: 0.834 → "83rd percentile"; 0.01 → "1st percentile". */
export function formatPercentile(rank: number | null | undefined): string {
  if (!isPrintable(rank)) return NOT_AVAILABLE;
  const n = Math.round(rank * 100);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix} percentile`;
}
