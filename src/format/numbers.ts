// Plain numbers: prices, counts, decimals, ratios and the generic fallback, with thousands separators
// and the Unicode minus.
import { groupedAbs, isPrintable, NOT_AVAILABLE, signFor, threeSignificantDecimals } from './digits.js';

function signed(value: number, text: string): string {
  return `${signFor(value, text, false)}${text}`;
}

/**
 * A price in its quote currency, no currency sign: whole units with separators from 1,000
 * (64239.4 → "64,239"), two decimals from 1 (152.374 → "152.37"), four below 1 (0.123456 → "0.1235").
 */
export function formatPrice(price: number | null | undefined): string {
  if (!isPrintable(price)) return NOT_AVAILABLE;
  const abs = Math.abs(price);
  return signed(price, groupedAbs(price, abs >= 999.995 ? 0 : abs >= 0.99995 ? 2 : 4));
}

/** A count (contracts, coins, rows), rounded to a whole number: formatCount(-71_448.4) → "−71,448". */
export function formatCount(count: number | null | undefined): string {
  return isPrintable(count) ? signed(count, groupedAbs(count, 0)) : NOT_AVAILABLE;
}

/** A number with fixed decimals (default 2): formatDecimal(-0.0712) → "−0.07"; formatDecimal(1234.5, 1) → "1,234.5". */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  return isPrintable(value) ? signed(value, groupedAbs(value, digits)) : NOT_AVAILABLE;
}

/** A multiple (mNAV, a ratio to a median): formatRatio(1.234) → "1.23×"; formatRatio(0.5, 1) → "0.5×". */
export function formatRatio(ratio: number | null | undefined, digits = 2): string {
  return isPrintable(ratio) ? `${signed(ratio, groupedAbs(ratio, digits))}×` : NOT_AVAILABLE;
}

/**
 * A number of no known unit: whole with separators from 1,000 (12345.6 → "12,346"), integers as they
 * are (42 → "42"), three significant digits otherwise (1.2345 → "1.23", 12.345 → "12.3", 0.012345 → "0.0123").
 */
export function formatNumber(value: number | null | undefined): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  const abs = Math.abs(value);
  if (abs >= 999.5 || Number.isInteger(value)) return signed(value, groupedAbs(value, 0));
  if (abs >= 1) return signed(value, groupedAbs(value, threeSignificantDecimals(abs)));
  if (abs === 0) return '0';
  const digits = Math.min(20, 2 - Math.floor(Math.log10(abs)));
  return signed(value, groupedAbs(value, digits));
}

/** A change in plain decimals, signed both ways: formatSignedDecimal(0.123) → "+0.12"; −0.069 → "−0.07"; 0.001 → "0.00". */
export function formatSignedDecimal(value: number | null | undefined, digits = 2): string {
  if (!isPrintable(value)) return NOT_AVAILABLE;
  const text = groupedAbs(value, digits);
  return `${signFor(value, text, true)}${text}`;
}
