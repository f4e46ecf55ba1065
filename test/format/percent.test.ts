// Percent formatters pinned by exact strings (M is U+2212, the Unicode minus).
import { describe, expect, it } from 'vitest';
import {
  formatFundingRate8h,
  formatPct,
  formatPercent,
  formatPercentagePoints,
  formatSignedPct,
  formatSignedPercent,
} from '../../src/format/percent.js';

const M = '\u2212';

describe('fractions as percent', () => {
  it.each([
    [0.274, 1, '27.4%'],
    [-0.05, 1, `${M}5.0%`],
    [0.64, 0, '64%'],
    [0.105, 1, '10.5%'],
    [-0.0004, 1, '0.0%'],
    [12.345, 0, '1,235%'],
  ])('formatPercent(%s, %s) → %s', (fraction, digits, expected) => {
    expect(formatPercent(fraction, digits)).toBe(expected);
  });

  it.each([
    [0.031, '+3.1%'],
    [-0.2, `${M}20.0%`],
    [0, '0.0%'],
  ])('formatSignedPercent(%s) → %s', (fraction, expected) => {
    expect(formatSignedPercent(fraction)).toBe(expected);
  });
});

describe('values already in percent', () => {
  it.each([
    [-25, 1, `${M}25.0%`],
    [0.964, 1, '1.0%'],
    [1234.5, 0, '1,235%'],
  ])('formatPct(%s, %s) → %s', (pct, digits, expected) => {
    expect(formatPct(pct, digits)).toBe(expected);
  });

  it.each([
    [3.14, '+3.1%'],
    [-25, `${M}25.0%`],
    [-0.04, '0.0%'],
  ])('formatSignedPct(%s) → %s', (pct, expected) => {
    expect(formatSignedPct(pct)).toBe(expected);
  });
});

describe('points and rates', () => {
  it('formats percentage points signed', () => {
    expect(formatPercentagePoints(1.24)).toBe('+1.2 pp');
    expect(formatPercentagePoints(-0.44)).toBe(`${M}0.4 pp`);
    expect(formatPercentagePoints(0)).toBe('0.0 pp');
  });

  it('formats a funding rate per 8h with four decimals', () => {
    expect(formatFundingRate8h(0.000042)).toBe('0.0042% per 8h');
    expect(formatFundingRate8h(-0.0001)).toBe(`${M}0.0100% per 8h`);
  });

  it('prints missing figures as n/a', () => {
    expect(formatPercent(null)).toBe('n/a');
    expect(formatSignedPct(undefined)).toBe('n/a');
    expect(formatFundingRate8h(Number.NaN)).toBe('n/a');
  });
});
