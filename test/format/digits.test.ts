// The shared digits: grouping, the sign rule and the missing-figure test.
import { describe, expect, it } from 'vitest';
import { groupedAbs, isPrintable, MINUS, signFor, threeSignificantDecimals } from '../../src/format/digits.js';

describe('digits', () => {
  it('MINUS is U+2212', () => {
    expect(MINUS.codePointAt(0)).toBe(0x2212);
    expect(MINUS).toHaveLength(1);
  });

  it('groups thousands of the absolute value', () => {
    expect(groupedAbs(-1234.567, 2)).toBe('1,234.57');
    expect(groupedAbs(1_000_000, 0)).toBe('1,000,000');
    expect(groupedAbs(999, 0)).toBe('999');
    expect(groupedAbs(0.5, 3)).toBe('0.500');
  });

  it('signs only figures whose rounded digits are not zero', () => {
    expect(signFor(-1, '1', false)).toBe(MINUS);
    expect(signFor(-0.001, '0.00', true)).toBe('');
    expect(signFor(2, '2', true)).toBe('+');
    expect(signFor(2, '2', false)).toBe('');
  });

  it('keeps three significant digits', () => {
    expect(threeSignificantDecimals(3.4667)).toBe(2);
    expect(threeSignificantDecimals(24.6)).toBe(1);
    expect(threeSignificantDecimals(602.3)).toBe(0);
    expect(threeSignificantDecimals(99.96)).toBe(0);
    expect(threeSignificantDecimals(9.996)).toBe(1);
  });

  it('treats null, undefined, NaN and infinities as missing', () => {
    expect([null, undefined, Number.NaN, Infinity, -Infinity, 0, -1.5].map(isPrintable)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
