// The shared flag checks: an as-of date not after today, a range not inverted (exit 2 as in the API).
import { describe, expect, it } from 'vitest';
import { asOfFlag, checkRange } from '../../src/cli/options.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('asOfFlag', () => {
  it('passes today and earlier dates, refuses tomorrow and non-dates', () => {
    expect(asOfFlag('--as-of', '2026-08-18', '2026-08-18')).toBe('2026-08-18');
    expect(asOfFlag('--as-of', '2026-01-16', '2026-08-18')).toBe('2026-01-16');
    expect(asOfFlag('--as-of', undefined, '2026-08-18')).toBeUndefined();
    expect(() => asOfFlag('--as-of', '2026-08-19', '2026-08-18')).toThrow(
      new UsageError('--as-of 2026-08-19 is after today (2026-08-18 UTC): nothing about it is known yet'),
    );
    expect(() => asOfFlag('--to', '2026-02-30', '2026-08-18')).toThrow(UsageError);
  });
});

describe('checkRange', () => {
  it('accepts a one-day range and open ends, refuses from after to', () => {
    expect(() => checkRange('2026-01-05', '2026-01-05')).not.toThrow();
    expect(() => checkRange(undefined, '2026-01-05')).not.toThrow();
    expect(() => checkRange('2026-01-05', undefined)).not.toThrow();
    expect(() => checkRange('2026-01-06', '2026-01-05')).toThrow(
      new UsageError('--from 2026-01-06 is after --to 2026-01-05: the range is empty'),
    );
  });
});
