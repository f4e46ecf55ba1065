// formatUsd / formatSignedUsd pinned by exact strings (M is U+2212, the Unicode minus).
import { describe, expect, it } from 'vitest';
import { formatSignedUsd, formatUsd } from '../../src/format/money.js';

const M = '\u2212';

describe('formatUsd', () => {
  it('prints −3,466,700,000 as −$3.47B, character by character', () => {
    const text = formatUsd(-3_466_700_000);
    expect(text).toBe(`${M}$3.47B`);
    expect([...text].map((c) => c.codePointAt(0))).toEqual([0x2212, 0x24, 0x33, 0x2e, 0x34, 0x37, 0x42]);
  });

  it.each([
    [-602_300_000, `${M}$602M`],
    [45_250_000, '$45.3M'],
    [7_060_000_000, '$7.06B'],
    [24_600_000_000, '$24.6B'],
    [15_000_000_000_000, '$15.0T'],
    [91_320, '$91.3K'],
    [1_500, '$1.50K'],
    [512.4, '$512'],
    [51.24, '$51.2'],
    [0.42, '$0.42'],
    [0, '$0'],
    [-0.001, '$0.00'],
    [999_960_000, '$1.00B'],
    [999.6, '$1.00K'],
    [-999_400, `${M}$999K`],
  ])('%s → %s', (usd, expected) => {
    expect(formatUsd(usd)).toBe(expected);
  });

  it('prints missing figures as n/a', () => {
    expect(formatUsd(null)).toBe('n/a');
    expect(formatUsd(undefined)).toBe('n/a');
    expect(formatUsd(Number.NaN)).toBe('n/a');
    expect(formatUsd(Number.POSITIVE_INFINITY)).toBe('n/a');
  });

  it('never prints an ASCII hyphen', () => {
    for (const usd of [-1, -12.5, -1_234, -5e6, -7.5e9, -2e12]) expect(formatUsd(usd)).not.toContain('-');
  });
});

describe('formatSignedUsd', () => {
  it.each([
    [243_200_000, '+$243M'],
    [-1_200, `${M}$1.20K`],
    [-3_466_700_000, `${M}$3.47B`],
    [0, '$0'],
    [0.001, '$0.00'],
  ])('%s → %s', (usd, expected) => {
    expect(formatSignedUsd(usd)).toBe(expected);
  });
});
