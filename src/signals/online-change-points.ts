// Bayesian online change-point detection (Adams & MacKay 2007) for a Gaussian series with unknown
// mean and variance (Normal-Gamma conjugate prior, Student-t predictive) and a constant hazard.
// Each day's run-length posterior uses only observations up to that day, so it is point-in-time.
import { logGamma } from './stats/log-gamma.js';
import { mean } from './stats/mean.js';
import { sampleStandardDeviation } from './stats/sample-standard-deviation.js';

export interface OnlineChangePointOptions {
  /** Expected run length between changes, in observations: hazard = 1 / expectedRunLength (default 250, about a year of trading days). */
  readonly expectedRunLength?: number;
  /** Observations used to set the prior's mean and scale; no change is reported inside them (default 20). */
  readonly warmup?: number;
  /** Prior pseudo-observations for the mean (default 1). */
  readonly kappa0?: number;
  /** Prior shape for the precision (default 3: predictive tails like a t with 6 d.o.f., so one outlier does not open a new regime). */
  readonly alpha0?: number;
  /** Runs of at most this many observations count as "short" (default 10). */
  readonly shortRun?: number;
  /** Posterior mass on short runs needed to confirm a reset (default 0.5). */
  readonly minShortRunProbability?: number;
  /** Run lengths kept (posterior truncated beyond; default 400). */
  readonly maxRunLength?: number;
}

export interface RunLengthStep {
  readonly index: number;
  /** Most probable current run length (observations in the current regime, this one included). */
  readonly mapRunLength: number;
  /** Posterior probability that the current run is at most `shortRun` observations long. */
  readonly probShortRun: number;
}

export interface ChangePoint {
  /** Index at which the reset was seen (using observations 0..detectedAt only). */
  readonly detectedAt: number;
  /** Estimated first index of the new regime: detectedAt − mapRunLength + 1. */
  readonly startsAt: number;
}

export interface OnlineChangePointResult {
  readonly steps: readonly RunLengthStep[];
  readonly changePoints: readonly ChangePoint[];
}

interface RunState {
  logMass: number;
  length: number;
  mu: number;
  kappa: number;
  alpha: number;
  beta: number;
}

/**
 * logΓ((ν+1)/2) − logΓ(ν/2) by ν: it depends only on the run length (α grows by ½ per observation),
 * so it is computed once per distinct ν instead of once per run per step. Same numbers.
 */
const logGammaRatioByNu = new Map<number, number>();

function logGammaRatio(nu: number): number {
  let v = logGammaRatioByNu.get(nu);
  if (v === undefined) {
    v = logGamma((nu + 1) / 2) - logGamma(nu / 2);
    if (logGammaRatioByNu.size < 100_000) logGammaRatioByNu.set(nu, v);
  }
  return v;
}

function logStudentT(x: number, s: RunState): number {
  const nu = 2 * s.alpha;
  const scale2 = (s.beta * (s.kappa + 1)) / (s.alpha * s.kappa);
  const z = ((x - s.mu) * (x - s.mu)) / (nu * scale2);
  return logGammaRatio(nu) - 0.5 * Math.log(nu * Math.PI * scale2) - ((nu + 1) / 2) * Math.log1p(z);
}

function updated(s: RunState, x: number, logMass: number): RunState {
  return {
    logMass,
    length: s.length + 1,
    mu: (s.kappa * s.mu + x) / (s.kappa + 1),
    kappa: s.kappa + 1,
    alpha: s.alpha + 0.5,
    beta: s.beta + (s.kappa * (x - s.mu) ** 2) / (2 * (s.kappa + 1)),
  };
}

function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return max;
  let total = 0;
  for (const v of values) total += Math.exp(v - max);
  return max + Math.log(total);
}

/**
 * Runs BOCPD over `values` (finite numbers, oldest first). Returns the MAP run length per step and
 * the change points: steps after the warmup where the MAP run length resets from a long run
 * (> shortRun) to a short one (≤ shortRun) and the posterior mass on short runs is at least
 * minShortRunProbability; one detection per reset. Fewer than warmup + 2 values → no change points. A series with zero spread in the warmup
 * uses a scale of 1 (or |mean| when non-zero) so the prior stays proper.
 */
export function onlineChangePoints(
  values: readonly number[],
  options: OnlineChangePointOptions = {},
): OnlineChangePointResult {
  const hazard = 1 / (options.expectedRunLength ?? 250);
  const warmup = Math.max(2, options.warmup ?? 20);
  const minShortProb = options.minShortRunProbability ?? 0.5;
  const shortRun = options.shortRun ?? 10;
  const maxRunLength = options.maxRunLength ?? 400;
  const head = values.slice(0, warmup);
  const m0 = head.length > 0 ? mean(head) : 0;
  let sd = head.length >= 2 ? sampleStandardDeviation(head) : Number.NaN;
  if (!(sd > 0)) sd = Math.abs(m0) > 0 ? Math.abs(m0) : 1;
  const alpha0 = options.alpha0 ?? 3;
  const prior: RunState = {
    logMass: 0,
    length: 0,
    mu: m0,
    kappa: options.kappa0 ?? 1,
    alpha: alpha0,
    beta: Math.max(alpha0 - 1, 0.5) * sd * sd,
  };
  const logH = Math.log(hazard);
  const log1mH = Math.log1p(-hazard);

  let runs: RunState[] = [prior];
  const steps: RunLengthStep[] = [];
  const changePoints: ChangePoint[] = [];
  let previousMap = 0;
  // Armed while the MAP run is long; a detection disarms until the new run has grown long again.
  let armed = false;
  for (let t = 0; t < values.length; t++) {
    const x = values[t]!;
    const next: RunState[] = [];
    // A new regime starting with x: every old run ends with probability H (masses sum to 1).
    next.push(updated(prior, x, logH + logStudentT(x, prior)));
    for (const r of runs) next.push(updated(r, x, r.logMass + log1mH + logStudentT(x, r)));
    const norm = logSumExp(next.map((r) => r.logMass));
    for (const r of next) r.logMass -= norm;
    runs = next.length > maxRunLength ? next.slice(0, maxRunLength) : next;
    let best = runs[0]!;
    let shortMass = 0;
    for (const r of runs) {
      if (r.logMass > best.logMass) best = r;
      if (r.length <= shortRun) shortMass += Math.exp(r.logMass);
    }
    steps.push({ index: t, mapRunLength: best.length, probShortRun: Math.min(1, shortMass) });
    const startsAt = t - best.length + 1;
    if (best.length > shortRun) armed = true;
    else if (armed && t >= warmup && best.length <= previousMap && shortMass >= minShortProb) {
      changePoints.push({ detectedAt: t, startsAt });
      armed = false;
    }
    previousMap = best.length;
  }
  return { steps, changePoints };
}
