// The regularized incomplete beta function I_x(a, b) against closed forms.
import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../../src/signals/stats/regularized-incomplete-beta.js';

describe('regularizedIncompleteBeta', () => {
  it('regularized incomplete beta at closed forms', () => {
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 10);
    // I_x(1, 1) = x; I_x(2, 1) = x²
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 10);
    expect(regularizedIncompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 10);
  });
});
