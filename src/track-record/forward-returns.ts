// What followed each call: forward return and forward max drawdown over fixed horizons, per label,
// with moving-block bootstrap intervals (overlapping windows from consecutive calls are dependent).
import { PHASE_LABELS, type PhaseLabel } from '../domain/analysis.js';
import type { DailyClose, ForwardReturnStats, IntervalEstimate } from '../domain/track-record.js';
import { median } from '../signals/stats/median.js';
import { BLOCK_BOOTSTRAP_DEFAULTS, blockBootstrapMeans } from './block-bootstrap.js';
import { assertDailyCloses, dayIndex } from './daily-closes.js';

/** Default horizons 20, 60, 120 calendar days: about one, two and four months of 24/7 trading. */
export const FORWARD_RETURN_DEFAULTS = { horizons: [20, 60, 120] } as const;

/** Forward outcomes of an entry at every close, for one horizon (NaN where the horizon runs past the data). */
export interface ForwardOutcomes {
  readonly horizonDays: number;
  /** close(i + h) / close(i) − 1. */
  readonly returns: Float64Array;
  /** Largest fall from a running high within closes i … i + h, the entry close the first high. */
  readonly maxDrawdowns: Float64Array;
}

/**
 * Forward return and forward max drawdown from each close over `horizonDays` closes (consecutive
 * daily closes, so calendar days). O(n × h). Example: closes 100, 120, 90, 110 with h = 3 from the
 * first: return +10 %, max drawdown 1 − 90/120 = 25 %.
 */
export function forwardOutcomes(closes: readonly DailyClose[], horizonDays: number): ForwardOutcomes {
  if (!Number.isInteger(horizonDays) || horizonDays < 1)
    throw new RangeError(`forwardOutcomes: horizon is ${horizonDays}: must be a positive whole number of days`);
  const n = closes.length;
  const returns = new Float64Array(n).fill(Number.NaN);
  const maxDrawdowns = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i + horizonDays < n; i++) {
    let high = closes[i]!.close;
    let worst = 0;
    for (let j = i + 1; j <= i + horizonDays; j++) {
      const c = closes[j]!.close;
      if (c > high) high = c;
      else if (1 - c / high > worst) worst = 1 - c / high;
    }
    returns[i] = closes[i + horizonDays]!.close / closes[i]!.close - 1;
    maxDrawdowns[i] = worst;
  }
  return { horizonDays, returns, maxDrawdowns };
}

export interface ForwardReturnOptions {
  /** Calendar-day horizons. Default 20, 60, 120. */
  readonly horizons?: readonly number[];
  /** Calls per bootstrap block; default null = the horizon (conservative: calls are on trading days). */
  readonly blockLength?: number | null;
  readonly resamples?: number;
  readonly level?: number;
  readonly seed?: number;
  /** Outcomes already computed for these closes (one per horizon), to share them between engines. */
  readonly outcomes?: readonly ForwardOutcomes[];
}

/**
 * Per horizon, for all calls and for each label (in that order): n, mean and median forward return,
 * share up (return > 0) and mean forward max drawdown, with moving-block bootstrap intervals
 * (`blockBootstrapMeans`) for the mean, share up and mean max drawdown. A call dated D enters at
 * close(D); calls whose horizon runs past the last close (or whose date has no close) are excluded
 * and counted. `closes` must be consecutive calendar days.
 */
export function forwardReturnStats(
  calls: readonly { readonly date: string; readonly label: PhaseLabel }[],
  closes: readonly DailyClose[],
  options: ForwardReturnOptions = {},
): ForwardReturnStats[] {
  const {
    horizons = FORWARD_RETURN_DEFAULTS.horizons,
    blockLength = null,
    resamples = BLOCK_BOOTSTRAP_DEFAULTS.resamples,
    level = BLOCK_BOOTSTRAP_DEFAULTS.level,
    seed = BLOCK_BOOTSTRAP_DEFAULTS.seed,
  } = options;
  if (!options.outcomes) assertDailyCloses(closes, 'forwardReturnStats', true);
  const indexOf = dayIndex(closes);
  const positions = calls.map((c) => indexOf(c.date));
  const out: ForwardReturnStats[] = [];
  for (const horizon of horizons) {
    const outcome = options.outcomes?.find((o) => o.horizonDays === horizon) ?? forwardOutcomes(closes, horizon);
    for (const label of ['all', ...PHASE_LABELS] as const) {
      const returns: number[] = [];
      const drawdowns: number[] = [];
      let excluded = 0;
      calls.forEach((call, k) => {
        if (label !== 'all' && call.label !== label) return;
        const i = positions[k]!;
        const r = i >= 0 ? outcome.returns[i]! : Number.NaN;
        if (Number.isNaN(r)) excluded++;
        else {
          returns.push(r);
          drawdowns.push(outcome.maxDrawdowns[i]!);
        }
      });
      const ups = returns.map((r) => (r > 0 ? 1 : 0));
      const intervals = blockBootstrapMeans([returns, ups, drawdowns], {
        blockLength: blockLength ?? horizon,
        resamples,
        level,
        seed,
      });
      const n = returns.length;
      const estimate = (values: readonly number[], k: number): IntervalEstimate => ({
        value: n > 0 ? values.reduce((a, b) => a + b, 0) / n : null,
        lower: intervals?.[k]?.lower ?? null,
        upper: intervals?.[k]?.upper ?? null,
      });
      out.push({
        label,
        horizonDays: horizon,
        n,
        excludedPastData: excluded,
        meanReturn: estimate(returns, 0),
        medianReturn: n > 0 ? median(returns) : null,
        shareUp: estimate(ups, 1),
        meanMaxDrawdown: estimate(drawdowns, 2),
      });
    }
  }
  return out;
}
