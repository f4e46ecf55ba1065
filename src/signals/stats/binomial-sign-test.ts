// Exact two-sided sign test: is the count of positives consistent with a fair coin?
import { logGamma } from './log-gamma.js';

/**
 * Two-sided exact binomial p-value for `positives` successes out of `n` at p = 0.5: the probability
 * of an outcome at least as far from n/2. binomialSignTestPValue(9, 10) = 22/1024 ≈ 0.0215.
 * Returns 1 for n = 0.
 */
export function binomialSignTestPValue(positives: number, n: number): number {
  if (n <= 0) return 1;
  const distance = Math.abs(positives - n / 2);
  let p = 0;
  for (let k = 0; k <= n; k++) {
    if (Math.abs(k - n / 2) >= distance - 1e-9) p += Math.exp(logChoose(n, k) - n * Math.LN2);
  }
  return Math.min(1, p);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
