// The four phase labels in hindsight: when is `topping` or `bottoming` right? An extension of the
// bull/bear dating with zones around each dated peak and trough; each day gets the set of labels
// counted right on it and one primary label for display.
import type { PhaseLabel } from '../domain/analysis.js';
import type { DailyClose } from '../domain/track-record.js';
import type { HindsightDating } from './hindsight-dating.js';

/**
 * Default zoneBand 0.10: half the default 20 % dating threshold. A zone is the half of the dating
 * move nearest the extreme: `topping` counts as right while the price is within 10 % of the coming
 * (or just passed) high, and stops counting once half the fall that dates the peak has happened;
 * a peak's zone ends before the trough's begins (a 20 % fall leaves 1.1 × trough < 0.9 × peak).
 */
export const HINDSIGHT_LABEL_DEFAULTS = { zoneBand: 0.1 } as const;

export interface HindsightLabelOptions {
  /** Width of the topping/bottoming zones as a fraction of the extreme's close. Default 0.10. */
  readonly zoneBand?: number;
}

export type HindsightZone = 'topping' | 'bottoming';

export interface HindsightLabels {
  /** Per close: the labels counted right, or null when the day is not scored. */
  readonly acceptable: readonly (readonly PhaseLabel[] | null)[];
  /** Per close: the label shown in charts (zones → topping/bottoming), null when not scored. */
  readonly primary: readonly (PhaseLabel | null)[];
  /** Per close: the zone the day lies in, if any. */
  readonly zone: readonly (HindsightZone | null)[];
}

const BULL: readonly PhaseLabel[] = Object.freeze(['uptrend']);
const BEAR: readonly PhaseLabel[] = Object.freeze(['trend-decline']);
const TOPPING_BEFORE: readonly PhaseLabel[] = Object.freeze(['topping', 'uptrend']);
const TOPPING_AFTER: readonly PhaseLabel[] = Object.freeze(['topping', 'trend-decline']);
const BOTTOMING_BEFORE: readonly PhaseLabel[] = Object.freeze(['bottoming', 'trend-decline']);
const BOTTOMING_AFTER: readonly PhaseLabel[] = Object.freeze(['bottoming', 'uptrend']);

/**
 * The hindsight labels of each day, from the bull/bear dating of the same closes.
 *
 * A topping zone is the contiguous run of days around a dated peak whose close is at least
 * (1 − zoneBand) × the peak's close; a bottoming zone the run around a dated trough whose close is at
 * most (1 + zoneBand) × the trough's close. Zones stop at the neighbouring turning points; a day in
 * two zones belongs to the nearer extreme (the earlier on a tie). Acceptable labels:
 * - bull day outside zones: uptrend; bear day outside zones: trend-decline;
 * - topping zone up to and including the peak: topping or uptrend; after it: topping or trend-decline;
 * - bottoming zone up to and including the trough: bottoming or trend-decline; after it: bottoming or uptrend;
 * - unsettled days: null (not scored), and so are the days of the run around the pending extremum
 *   that would form its zone: whether they are in a zone depends on whether it becomes a turning point.
 * Primary label: topping/bottoming in a zone, else uptrend (bull) or trend-decline (bear).
 */
export function hindsightLabels(
  closes: readonly DailyClose[],
  dating: HindsightDating,
  options: HindsightLabelOptions = {},
): HindsightLabels {
  const { zoneBand = HINDSIGHT_LABEL_DEFAULTS.zoneBand } = options;
  if (!(zoneBand >= 0 && zoneBand < 1))
    throw new RangeError(`hindsightLabels: zoneBand is ${zoneBand}: must be in [0, 1)`);
  const n = closes.length;
  if (dating.states.length !== n)
    throw new RangeError(`hindsightLabels: ${n} closes but a dating of ${dating.states.length} days`);

  // Zone membership: owner turning point (position in the list) and its distance, nearest wins.
  const owner = new Int32Array(n).fill(-1);
  const distance = new Int32Array(n).fill(-1);
  const claim = (i: number, k: number, extremeIndex: number): void => {
    const d = Math.abs(i - extremeIndex);
    if (owner[i] === -1 || d < distance[i]!) [owner[i], distance[i]] = [k, d];
  };
  const tps = dating.turningPoints;
  const inBand = (kind: 'peak' | 'trough', c: number, extreme: number): boolean =>
    kind === 'peak' ? c >= (1 - zoneBand) * extreme : c <= (1 + zoneBand) * extreme;
  tps.forEach((tp, k) => {
    const lowerBound = k > 0 ? tps[k - 1]!.index : -1;
    const upperBound = k + 1 < tps.length ? tps[k + 1]!.index : n;
    claim(tp.index, k, tp.index);
    for (let i = tp.index - 1; i > lowerBound && inBand(tp.kind, closes[i]!.close, tp.close); i--)
      claim(i, k, tp.index);
    for (let i = tp.index + 1; i < upperBound && inBand(tp.kind, closes[i]!.close, tp.close); i++)
      claim(i, k, tp.index);
  });

  const acceptable: (readonly PhaseLabel[] | null)[] = new Array<readonly PhaseLabel[] | null>(n).fill(null);
  const primary: (PhaseLabel | null)[] = new Array<PhaseLabel | null>(n).fill(null);
  const zone: (HindsightZone | null)[] = new Array<HindsightZone | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const state = dating.states[i]!;
    if (state === 'unsettled') continue;
    const k = owner[i]!;
    if (k === -1) {
      acceptable[i] = state === 'bull' ? BULL : BEAR;
      primary[i] = state === 'bull' ? 'uptrend' : 'trend-decline';
      continue;
    }
    const tp = tps[k]!;
    const after = i > tp.index;
    if (tp.kind === 'peak') {
      acceptable[i] = after ? TOPPING_AFTER : TOPPING_BEFORE;
      primary[i] = zone[i] = 'topping';
    } else {
      acceptable[i] = after ? BOTTOMING_AFTER : BOTTOMING_BEFORE;
      primary[i] = zone[i] = 'bottoming';
    }
  }

  // The run that would be the pending extremum's zone is not settled yet.
  const pending = dating.pending;
  if (pending) {
    const lastIndex = tps[tps.length - 1]!.index;
    for (let i = pending.index; i > lastIndex && inBand(pending.kind, closes[i]!.close, pending.close); i--) {
      if (owner[i] !== -1 && distance[i]! <= pending.index - i) continue; // stays with the nearer extreme
      acceptable[i] = null;
      primary[i] = null;
      zone[i] = null;
    }
  }
  return { acceptable, primary, zone };
}
