// Two-sided p-value of a Student-t statistic.
import { regularizedIncompleteBeta } from './regularized-incomplete-beta.js';

/**
 * P(|T| ≥ |t|) for T ~ Student-t with `degreesOfFreedom` (> 0): I_{ν/(ν+t²)}(ν/2, 1/2).
 * tDistributionPValue(2.228, 10) ≈ 0.05; tDistributionPValue(0, ν) = 1. NaN for bad inputs.
 */
export function tDistributionPValue(t: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(t) || !(degreesOfFreedom > 0)) return Number.NaN;
  const nu = degreesOfFreedom;
  return regularizedIncompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
}
