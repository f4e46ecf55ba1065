// Logistic regression on a feature vector: P(y = 1 | x) = σ(β · x), fitted by Newton's method with
// a ridge penalty on every coefficient but the first (the intercept, when x₀ = 1). The multivariate
// sibling of platt-scaling.ts, used to fit the confidence model of the judgment.

/** Defaults: ridge 1 (a mild prior that keeps rare features from running off), 100 Newton steps. */
export const LOGISTIC_REGRESSION_DEFAULTS = { ridge: 1, maxIterations: 100, tolerance: 1e-10 } as const;

export interface LogisticRegressionOptions {
  /** Penalty ridge/2 × Σ_{j ≥ 1} β_j² added to the negative log-likelihood. Default 1. */
  readonly ridge?: number;
  readonly maxIterations?: number;
  /** Stop when the largest Newton step component is below this. Default 1e-10. */
  readonly tolerance?: number;
}

export interface LogisticFit {
  readonly coefficients: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solves A x = b for a small dense symmetric system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (p === 0) throw new RangeError('logisticRegression: the features are collinear (singular Hessian)');
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let k = col; k <= n; k += 1) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Fits β minimising Σ [log(1 + e^z) − y z] + ridge/2 Σ_{j≥1} β_j², z = β · x, by Newton steps.
 * Rows of `features` must have the same length. Example: x = [1, g] with g = 0 for four outcomes of
 * which one is 1 and g = 1 for four of which three are 1, ridge 0 → β = [ln ⅓, 2 ln 3].
 */
export function logisticRegression(
  features: readonly (readonly number[])[],
  outcomes: readonly (boolean | number)[],
  options: LogisticRegressionOptions = {},
): LogisticFit {
  const {
    ridge = LOGISTIC_REGRESSION_DEFAULTS.ridge,
    maxIterations = LOGISTIC_REGRESSION_DEFAULTS.maxIterations,
    tolerance = LOGISTIC_REGRESSION_DEFAULTS.tolerance,
  } = options;
  const p = features[0]?.length ?? 0;
  if (features.length !== outcomes.length || p === 0)
    throw new RangeError('logisticRegression: give one non-empty feature row per outcome');
  let beta = new Array<number>(p).fill(0);
  for (let it = 1; it <= maxIterations; it += 1) {
    const gradient = new Array<number>(p).fill(0);
    const hessian = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    features.forEach((x, n) => {
      let z = 0;
      for (let j = 0; j < p; j += 1) z += beta[j]! * x[j]!;
      const q = sigmoid(z);
      const y = Number(outcomes[n]);
      for (let i = 0; i < p; i += 1) {
        gradient[i]! += (q - y) * x[i]!;
        for (let j = 0; j < p; j += 1) hessian[i]![j]! += q * (1 - q) * x[i]! * x[j]!;
      }
    });
    for (let j = 1; j < p; j += 1) {
      gradient[j]! += ridge * beta[j]!;
      hessian[j]![j]! += ridge;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < tolerance) return { coefficients: beta, iterations: it, converged: true };
  }
  return { coefficients: beta, iterations: maxIterations, converged: false };
}

/** σ(β · x) for one feature row. */
export function predictLogistic(coefficients: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < coefficients.length; j += 1) z += coefficients[j]! * (x[j] ?? 0);
  return sigmoid(z);
}
