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
 * The run-length posterior as parallel arrays (one slot per run, newest run first): a step writes
 * the next posterior into the spare set and swaps, so the replay allocates nothing per run and step
 * (an object per run and step cost more in garbage collection than the arithmetic).
 */
class RunArrays {
  readonly logMass: Float64Array;
  readonly length: Float64Array;
  readonly mu: Float64Array;
  readonly kappa: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  constructor(capacity: number) {
    this.logMass = new Float64Array(capacity);
    this.length = new Float64Array(capacity);
    this.mu = new Float64Array(capacity);
    this.kappa = new Float64Array(capacity);
    this.alpha = new Float64Array(capacity);
    this.beta = new Float64Array(capacity);
  }
}

/**
 * logΓ((ν+1)/2) − logΓ(ν/2) by ν: it depends only on the run length (α grows by ½ per observation),
 * so it is computed once per distinct ν instead of once per run per step. Same numbers. ν = 2α takes
 * whole values for the default α₀ (and any α₀ in halves), looked up in an array; others in a map.
 */
const logGammaRatioByWholeNu: number[] = [];
const logGammaRatioByNu = new Map<number, number>();

function logGammaRatio(nu: number): number {
  if (Number.isInteger(nu) && nu < 100_000) {
    const v = logGammaRatioByWholeNu[nu];
    if (v !== undefined) return v;
    return (logGammaRatioByWholeNu[nu] = logGamma((nu + 1) / 2) - logGamma(nu / 2));
  }
  let v = logGammaRatioByNu.get(nu);
  if (v === undefined) {
    v = logGamma((nu + 1) / 2) - logGamma(nu / 2);
    if (logGammaRatioByNu.size < 100_000) logGammaRatioByNu.set(nu, v);
  }
  return v;
}

/** log Student-t predictive density of x under a run with parameters (mu, kappa, alpha, beta). */
function logStudentT(x: number, mu: number, kappa: number, alpha: number, beta: number): number {
  const nu = 2 * alpha;
  const scale2 = (beta * (kappa + 1)) / (alpha * kappa);
  const z = ((x - mu) * (x - mu)) / (nu * scale2);
  return logGammaRatio(nu) - 0.5 * Math.log(nu * Math.PI * scale2) - ((nu + 1) / 2) * Math.log1p(z);
}

/** Writes into slot `i` of `out` the run (length, mu, kappa, alpha, beta) updated with x, with its mass. */
function writeUpdated(
  out: RunArrays,
  i: number,
  x: number,
  logMass: number,
  length: number,
  mu: number,
  kappa: number,
  alpha: number,
  beta: number,
): void {
  out.logMass[i] = logMass;
  out.length[i] = length + 1;
  out.mu[i] = (kappa * mu + x) / (kappa + 1);
  out.kappa[i] = kappa + 1;
  out.alpha[i] = alpha + 0.5;
  out.beta[i] = beta + (kappa * (x - mu) ** 2) / (2 * (kappa + 1));
}

function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let i = 0; i < count; i++) if (values[i]! > max) max = values[i]!;
  if (max === -Infinity) return max;
  let total = 0;
  for (let i = 0; i < count; i++) total += Math.exp(values[i]! - max);
  return max + Math.log(total);
}

/**
 * One step of the recursion: writes into `next` the posterior after `x` from the `runCount` runs of
 * `runs` (the new run first), normalised. Its own function, like the two below, so V8 optimises it
 * as a whole on the first long series (compiled on the fly inside the caller's loop it was
 * recompiled after each rare branch: ~90 ms for a first 640-day series, ~20 ms once warm).
 */
function step(
  runs: RunArrays,
  next: RunArrays,
  runCount: number,
  x: number,
  prior: RunState,
  logH: number,
  log1mH: number,
): void {
  // A new regime starting with x: every old run ends with probability H (masses sum to 1).
  const { mu: mu0, kappa: kappa0, alpha: a0, beta: b0 } = prior;
  writeUpdated(next, 0, x, logH + logStudentT(x, mu0, kappa0, a0, b0), prior.length, mu0, kappa0, a0, b0);
  for (let i = 0; i < runCount; i++) {
    const mu = runs.mu[i]!;
    const kappa = runs.kappa[i]!;
    const alpha = runs.alpha[i]!;
    const beta = runs.beta[i]!;
    const logMass = runs.logMass[i]! + log1mH + logStudentT(x, mu, kappa, alpha, beta);
    writeUpdated(next, i + 1, x, logMass, runs.length[i]!, mu, kappa, alpha, beta);
  }
  const nextCount = runCount + 1;
  const norm = logSumExp(next.logMass, nextCount);
  for (let i = 0; i < nextCount; i++) next.logMass[i] = next.logMass[i]! - norm;
}

/** The slot of the most probable run (the first of equals). */
function mapRunIndex(runs: RunArrays, runCount: number): number {
  let bestIndex = 0;
  for (let i = 0; i < runCount; i++) if (runs.logMass[i]! > runs.logMass[bestIndex]!) bestIndex = i;
  return bestIndex;
}

/** Posterior mass on runs of at most `shortRun` observations. */
function shortRunMass(runs: RunArrays, runCount: number, shortRun: number): number {
  let shortMass = 0;
  for (let i = 0; i < runCount; i++) if (runs.length[i]! <= shortRun) shortMass += Math.exp(runs.logMass[i]!);
  return shortMass;
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

  // Slots for the new run plus every kept run (at most maxRunLength) before truncation; two sets, swapped each step.
  let runs = new RunArrays(maxRunLength + 1);
  let next = new RunArrays(maxRunLength + 1);
  runs.logMass[0] = prior.logMass;
  runs.length[0] = prior.length;
  runs.mu[0] = prior.mu;
  runs.kappa[0] = prior.kappa;
  runs.alpha[0] = prior.alpha;
  runs.beta[0] = prior.beta;
  let runCount = 1;
  const steps: RunLengthStep[] = [];
  const changePoints: ChangePoint[] = [];
  let previousMap = 0;
  // Armed while the MAP run is long; a detection disarms until the new run has grown long again.
  let armed = false;
  for (let t = 0; t < values.length; t++) {
    step(runs, next, runCount, values[t]!, prior, logH, log1mH);
    [runs, next] = [next, runs];
    runCount = Math.min(runCount + 1, maxRunLength);
    const bestIndex = mapRunIndex(runs, runCount);
    const shortMass = shortRunMass(runs, runCount, shortRun);
    const bestLength = runs.length[bestIndex]!;
    steps.push({ index: t, mapRunLength: bestLength, probShortRun: Math.min(1, shortMass) });
    const startsAt = t - bestLength + 1;
    if (bestLength > shortRun) armed = true;
    else if (armed && t >= warmup && bestLength <= previousMap && shortMass >= minShortProb) {
      changePoints.push({ detectedAt: t, startsAt });
      armed = false;
    }
    previousMap = bestLength;
  }
  return { steps, changePoints };
}
