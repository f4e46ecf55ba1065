// Is the confidence a probability? The reliability table (bins of width 0.1), the Brier score of the
// confidence read as P(label right), and the Brier of always answering the calls' own hit rate.
import type { Calibration, ReliabilityBin } from '../domain/track-record.js';

/** Reliability bins of width 0.1: [0, 0.1), [0.1, 0.2) … [0.9, 1]. */
export const RELIABILITY_BIN_WIDTH = 0.1;
const BINS = Math.round(1 / RELIABILITY_BIN_WIDTH);

/**
 * Calibration of the calls with both a confidence (in [0, 1]) and a score (right true/false); the
 * others are skipped. brier = mean((confidence − right)²); constantRate = share right of the same
 * calls; constantRateBrier = rate × (1 − rate), the Brier of answering that rate every time;
 * brierSkill = 1 − brier / constantRateBrier (> 0: the confidence beats the constant rate; null when
 * every call was right or every call wrong). Example: confidences 0.8, 0.8, 0.2 with right yes, no,
 * no → brier (0.04 + 0.64 + 0.04) / 3 = 0.24, rate 1/3, constant Brier 2/9, skill −0.08.
 */
export function calibration(
  calls: readonly { readonly confidence: number | null; readonly right: boolean | null }[],
): Calibration {
  const count = new Array<number>(BINS).fill(0);
  const confidenceSum = new Array<number>(BINS).fill(0);
  const rightCount = new Array<number>(BINS).fill(0);
  let n = 0;
  let squaredErrors = 0;
  let rights = 0;
  calls.forEach((call, k) => {
    const { confidence, right } = call;
    if (confidence === null || right === null) return;
    if (!(confidence >= 0 && confidence <= 1))
      throw new RangeError(`calibration: calls[${k}].confidence is ${confidence}: must be in [0, 1]`);
    const bin = Math.min(BINS - 1, Math.floor(confidence * BINS + 1e-9));
    const y = right ? 1 : 0;
    count[bin]!++;
    confidenceSum[bin]! += confidence;
    rightCount[bin]! += y;
    n++;
    rights += y;
    squaredErrors += (confidence - y) ** 2;
  });
  const bins: ReliabilityBin[] = count.map((c, b) => ({
    from: Math.round(b * RELIABILITY_BIN_WIDTH * 10) / 10,
    to: Math.round((b + 1) * RELIABILITY_BIN_WIDTH * 10) / 10,
    calls: c,
    meanConfidence: c > 0 ? confidenceSum[b]! / c : null,
    shareRight: c > 0 ? rightCount[b]! / c : null,
  }));
  if (n === 0) return { calls: 0, bins, brier: null, constantRate: null, constantRateBrier: null, brierSkill: null };
  const brier = squaredErrors / n;
  const rate = rights / n;
  const constantRateBrier = rate * (1 - rate);
  return {
    calls: n,
    bins,
    brier,
    constantRate: rate,
    constantRateBrier,
    brierSkill: constantRateBrier > 0 ? 1 - brier / constantRateBrier : null,
  };
}
