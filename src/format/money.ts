// Money in US dollars as desks read it: three significant digits with K/M/B/T, a Unicode minus.
import { groupedAbs, isPrintable, NOT_AVAILABLE, signFor, threeSignificantDecimals } from './digits.js';

const UNITS = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const;

/** The digits and suffix of |usd|: the largest unit it reaches after rounding, three significant digits. */
function compactAbs(usd: number): string {
  const abs = Math.abs(usd);
  for (const { size, suffix } of UNITS) {
    const scaled = abs / size;
    // At three significant digits 0.9994 stays 0.999 (the unit below) and 0.9996 is 1.00 of this unit.
    if (Number(scaled.toFixed(3)) >= 1) return `${scaled.toFixed(threeSignificantDecimals(scaled))}${suffix}`;
  }
  // Below $1,000 (999.6 has already become "1.00K" above): three significant digits, cents below $1.
  if (abs >= 1) return abs.toFixed(threeSignificantDecimals(abs));
  return abs === 0 ? '0' : groupedAbs(abs, 2);
}

/**
 * US dollars, compact, with a minus for outflows and no sign for inflows:
 * formatUsd(-3_466_700_000) → "−$3.47B"; formatUsd(-602_300_000) → "−$602M"; formatUsd(45_250_000) → "$45.3M";
 * formatUsd(91_320) → "$91.3K"; formatUsd(512.4) → "$512"; formatUsd(0.42) → "$0.42"; formatUsd(0) → "$0";
 * null, undefined, NaN → "n/a". A value that rounds up to the next unit takes it (999_960_000 → "$1.00B").
 */
export function formatUsd(usd: number | null | undefined): string {
  if (!isPrintable(usd)) return NOT_AVAILABLE;
  const text = compactAbs(usd);
  return `${signFor(usd, text, false)}$${text}`;
}

/**
 * US dollars with an explicit sign both ways, for flows and changes:
 * formatSignedUsd(243_200_000) → "+$243M"; formatSignedUsd(-1_200) → "−$1.20K"; formatSignedUsd(0) → "$0".
 */
export function formatSignedUsd(usd: number | null | undefined): string {
  if (!isPrintable(usd)) return NOT_AVAILABLE;
  const text = compactAbs(usd);
  return `${signFor(usd, text, true)}$${text}`;
}
