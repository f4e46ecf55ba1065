// Price, count, decimal, ratio and generic number formatters pinned by exact strings (M is U+2212).
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatNumber, formatPrice, formatRatio } from '../../src/format/numbers.js';

const M = '\u2212';

describe('formatPrice', () => {
  it.each([
    [64_239.4, '64,239'],
    [73_459, '73,459'],
    [3_456.78, '3,457'],
    [152.374, '152.37'],
    [0.123456, '0.1235'],
    [999.999, '1,000'],
    [-12.5, `${M}12.50`],
  ])('%s → %s', (price, expected) => {
    expect(formatPrice(price)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [-71_448.4, `${M}71,448`],
    [127_681, '127,681'],
    [0.4, '0'],
    [-0.4, '0'],
    [1_234_567, '1,234,567'],
  ])('%s → %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });
});

describe('formatDecimal and formatRatio', () => {
  it.each([
    [-0.0712, 2, `${M}0.07`],
    [0.8333, 2, '0.83'],
    [1234.5, 1, '1,234.5'],
    [-0.004, 2, '0.00'],
  ])('formatDecimal(%s, %s) → %s', (value, digits, expected) => {
    expect(formatDecimal(value, digits)).toBe(expected);
  });

  it('formats multiples with ×', () => {
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(0.5, 1)).toBe('0.5×');
    expect(formatRatio(null)).toBe('n/a');
  });
});

describe('formatNumber', () => {
  it.each([
    [12_345.6, '12,346'],
    [42, '42'],
    [-42, `${M}42`],
    [1.2345, '1.23'],
    [12.345, '12.3'],
    [123.45, '123'],
    [0.012345, '0.0123'],
    [-0.00012345, `${M}0.000123`],
    [999.7, '1,000'],
    [0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});
