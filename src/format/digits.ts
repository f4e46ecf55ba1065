// The digits under every formatter: the Unicode minus, thousands separators, a sign that is printed
// only when the rounded figure is not zero, and the text for a missing figure.

/** U+2212 MINUS SIGN: every negative figure a person reads starts with it, never with "-". */
export const MINUS = '\u2212';

/** What a missing (null, undefined, NaN or infinite) figure prints as. */
export const NOT_AVAILABLE = 'n/a';

/** A figure that can be printed: finite. Null, undefined, NaN and ±Infinity are missing. */
export function isPrintable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * |value| rounded to `digits` decimals with a comma every three integer digits:
 * groupedAbs(-1234.567, 2) → "1,234.57"; groupedAbs(0.5, 0) → "1" (rounds half away from zero as toFixed does).
 */
export function groupedAbs(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  const decimals = dot === -1 ? '' : text.slice(dot);
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + decimals;
}

/**
 * The sign to put before `text`, the already rounded digits of `value`: MINUS for a negative value,
 * "+" for a positive one when `signed`, and nothing when the rounded digits are all zero
 * (so −0.004 at two decimals prints "0.00", never "−0.00").
 */
export function signFor(value: number, text: string, signed: boolean): string {
  if (!/[1-9]/.test(text)) return '';
  if (value < 0) return MINUS;
  return signed && value > 0 ? '+' : '';
}

/**
 * Decimals that keep three significant digits for a scaled figure below 1,000: 0 from 100, 1 from 10,
 * else 2 (3.4667 → 2, 24.6 → 1, 602.3 → 0).
 */
export function threeSignificantDecimals(scaledAbs: number): number {
  return scaledAbs >= 99.95 ? 0 : scaledAbs >= 9.995 ? 1 : 2;
}
