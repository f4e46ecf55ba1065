// The exact two-sided binomial sign test.
import { describe, expect, it } from 'vitest';
import { binomialSignTestPValue } from '../../../src/signals/stats/binomial-sign-test.js';

describe('binomialSignTestPValue', () => {
  it('exact sign test', () => {
    // 9 of 10: P = 2·(C(10,9)+C(10,10))/1024 = 22/1024
    expect(binomialSignTestPValue(9, 10)).toBeCloseTo(22 / 1024, 12);
    expect(binomialSignTestPValue(5, 10)).toBeCloseTo(1, 12);
    expect(binomialSignTestPValue(0, 0)).toBe(1);
  });
});
