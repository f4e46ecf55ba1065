// Standard normal cumulative distribution function.

/**
 * Φ(z) = P(Z ≤ z) for a standard normal Z, via the complementary error function (Numerical Recipes'
 * Chebyshev fit, absolute error < 1.2e-7). normalCdf(0) = 0.5; normalCdf(1.96) ≈ 0.975.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic: 2·(1 − Φ(|z|)). */
export function normalTwoSidedPValue(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}
