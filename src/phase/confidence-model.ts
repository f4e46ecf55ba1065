// The confidence of a call as a probability: a logistic model of "this call is right in hindsight"
// on a handful of features of how the call was reached. Its coefficients were fitted on the
// in-sample period only — the simulator and BTC up to 2022-12-31 — by `npm run judgment-study`
// (bench/judgment-study.ts), which prints them; docs/judgment.md shows the fit and its calibration.
import type { PhaseLabel } from '../domain/analysis.js';

/** How the call was reached: the inputs of the confidence model. */
export interface CallBasis {
  readonly side: 'bull' | 'bear';
  /** The side came from the 200-day average: no regime move in the history yet. */
  readonly fromAverage: boolean;
  /** The side was switched early against the regime. */
  readonly earlySwitch: boolean;
  /** Move against the regime from its extreme, a fraction (0 without a regime). */
  readonly moveAgainstRegime: number;
  /** Days since the regime was confirmed (0 without a regime). */
  readonly regimeAgeDays: number;
  /** +1 when the close is on the side's side of its 200-day average, −1 when not, 0 unknown. */
  readonly agreesWithSma200: number;
}

/** The model's features, in order; see `confidenceFeatures`. */
export const CONFIDENCE_FEATURES = [
  'intercept',
  'moveAgainstRegimeOverThreshold',
  'agreesWithSma200',
  'earlySwitch',
  'logRegimeAgeMonths',
  'bottoming',
  'topping',
  'fromAverage',
] as const;

/** Coefficients fitted in sample by `npm run judgment-study` (24,491 calls; Brier 0.170 vs 0.193 constant). */
export const CONFIDENCE_COEFFICIENTS: readonly number[] = [1.838, -3.013, 0.049, 0.66, 0.259, -1.559, -2.143, 0];

/** The regime move that counts as a full threshold, for scaling the move feature. */
const THRESHOLD_SCALE = 0.15;

/** The feature vector of a call (same order as CONFIDENCE_FEATURES). */
export function confidenceFeatures(label: PhaseLabel, basis: CallBasis): number[] {
  return [
    1,
    Math.min(2, basis.moveAgainstRegime / THRESHOLD_SCALE),
    basis.agreesWithSma200,
    basis.earlySwitch ? 1 : 0,
    Math.log1p(basis.regimeAgeDays / 30),
    label === 'bottoming' ? 1 : 0,
    label === 'topping' ? 1 : 0,
    basis.fromAverage ? 1 : 0,
  ];
}

/** The calibrated probability that the call is right: σ(coefficients · features). */
export function callConfidence(
  label: PhaseLabel,
  basis: CallBasis,
  coefficients: readonly number[] = CONFIDENCE_COEFFICIENTS,
): number {
  const x = confidenceFeatures(label, basis);
  let z = 0;
  for (let i = 0; i < x.length; i += 1) z += (coefficients[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
