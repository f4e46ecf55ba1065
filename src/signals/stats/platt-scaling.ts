// Platt scaling: a logistic fit P(y = 1 | score) = 1 / (1 + exp(−(slope × score + intercept))) by
// Newton's method with a small ridge, the parametric way to turn a score into a probability.

/** Defaults: ridge 1e-3 (keeps the fit finite when the outcomes are separable or the scores constant). */
export const PLATT_SCALING_DEFAULTS = { ridge: 1e-3, maxIterations: 100, tolerance: 1e-10 } as const;

export interface PlattScalingOptions {
  /** Penalty ridge/2 × (slope² + intercept²) added to the negative log-likelihood. Default 1e-3. */
  readonly ridge?: number;
  /** Positive weight per observation. Default 1 each. */
  readonly weights?: readonly number[];
  readonly maxIterations?: number;
  /** Stop when the largest Newton step component is below this. Default 1e-10. */
  readonly tolerance?: number;
}

export interface PlattFit {
  readonly slope: number;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits slope a and intercept b minimising Σ w [log(1 + e^z) − y z] + ridge/2 (a² + b²), z = a s + b,
 * for scores s and outcomes y (true/1 or false/0), by Newton steps halved until the penalised loss
 * falls. With ridge 0 the scores must vary, and separable outcomes do not converge (converged false).
 * Example: scores −1, −1, −1, −1, 1, 1, 1, 1 with 1, 3 of 4 right, ridge 0 → slope ln 3, intercept 0.
 */
export function plattScaling(
  scores: readonly number[],
  outcomes: readonly (boolean | number)[],
  options: PlattScalingOptions = {},
): PlattFit {
  const {
    ridge = PLATT_SCALING_DEFAULTS.ridge,
    weights,
    maxIterations = PLATT_SCALING_DEFAULTS.maxIterations,
    tolerance = PLATT_SCALING_DEFAULTS.tolerance,
  } = options;
  const n = scores.length;
  if (outcomes.length !== n || (weights && weights.length !== n))
    throw new RangeError(`plattScaling: scores (${n}), outcomes (${outcomes.length}) and weights lengths differ`);
  if (!(ridge >= 0)) throw new RangeError(`plattScaling: ridge is ${ridge}: must be ≥ 0`);
  const y = outcomes.map((o, i) => {
    const v = typeof o === 'boolean' ? (o ? 1 : 0) : o;
    if (v !== 0 && v !== 1) throw new RangeError(`plattScaling: outcomes[${i}] is ${o}: must be 0/1 or true/false`);
    if (!Number.isFinite(scores[i]!))
      throw new RangeError(`plattScaling: scores[${i}] is ${scores[i]}: must be finite`);
    return v;
  });
  const w = (i: number): number => weights?.[i] ?? 1;
  const loss = (a: number, b: number): number => {
    let total = (ridge / 2) * (a * a + b * b);
    for (let i = 0; i < n; i++) {
      const z = a * scores[i]! + b;
      total += w(i) * (softplus(z) - y[i]! * z);
    }
    return total;
  };

  let a = 0;
  let b = 0;
  let current = loss(a, b);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let ga = ridge * a;
    let gb = ridge * b;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      const p = sigmoid(a * s + b);
      const r = w(i) * (p - y[i]!);
      const v = w(i) * p * (1 - p);
      ga += r * s;
      gb += r;
      haa += v * s * s;
      hab += v * s;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 1e-300))
      throw new RangeError('plattScaling: the scores do not vary (singular Hessian): use a ridge > 0');
    let stepA = (hbb * ga - hab * gb) / det;
    let stepB = (haa * gb - hab * ga) / det;
    let next = loss(a - stepA, b - stepB);
    for (let halvings = 0; next > current && halvings < 50; halvings++) {
      stepA /= 2;
      stepB /= 2;
      next = loss(a - stepA, b - stepB);
    }
    a -= stepA;
    b -= stepB;
    current = next;
    if (Math.max(Math.abs(stepA), Math.abs(stepB)) < tolerance)
      return { slope: a, intercept: b, iterations: iteration, converged: true };
  }
  return { slope: a, intercept: b, iterations: maxIterations, converged: false };
}

/** The fitted probability at `score`. */
export function predictPlatt(fit: PlattFit, score: number): number {
  return sigmoid(fit.slope * score + fit.intercept);
}
