// Trading the calls: a phase-following strategy (an exposure per label, changed at the call's close,
// costs charged) and buy-and-hold over the same days, as equity runs.
import type { PhaseLabel } from '../domain/analysis.js';
import type { DailyClose } from '../domain/track-record.js';
import { equityMetrics, type EquityRun } from '../backtest/equity-metrics.js';

/**
 * Defaults. Exposure: uptrend 1 (fully invested), trend-decline 0 (cash); bottoming and topping 0.5:
 * each announces a turn that is not confirmed yet, so half a position hedges both outcomes, and the
 * same half for both keeps the strategy from favouring either side. Cost 10 bps per unit of exposure
 * changed: the base spot taker fee of the largest crypto exchange (0.1 %), which for BTC and ETH
 * also covers the spread of desk-sized orders; spot-ETF shares cost less, retail apps more.
 */
export const PHASE_FOLLOWING_DEFAULTS = {
  exposureByLabel: { 'trend-decline': 0, bottoming: 0.5, uptrend: 1, topping: 0.5 },
  costBps: 10,
} as const satisfies { exposureByLabel: Record<PhaseLabel, number>; costBps: number };

export interface PhaseFollowingOptions {
  /** Share of equity held after a call with each label, in [0, 1]. Defaults above. */
  readonly exposureByLabel?: Partial<Record<PhaseLabel, number>>;
  /** Default 10 bps. */
  readonly costBps?: number;
  /** Only calls dated from `from` through `to` (both included); the run ends at `to` or the last close. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * The phase-following equity run: from the close of the first call within [from, to] that has a
 * close, each close holds the exposure of the latest call dated on or before it (a call dated D is
 * executed at close(D) and applies to the returns of D+1 … through the next call's date; weekends
 * carry Friday's call), through `to` or the last close. The first trade is charged from cash. Null
 * when no call falls within the closes.
 */
export function phaseFollowing(
  closes: readonly DailyClose[],
  calls: readonly { readonly date: string; readonly label: PhaseLabel }[],
  options: PhaseFollowingOptions = {},
): EquityRun | null {
  const exposureByLabel = { ...PHASE_FOLLOWING_DEFAULTS.exposureByLabel, ...options.exposureByLabel };
  const { costBps = PHASE_FOLLOWING_DEFAULTS.costBps } = options;
  const window = callWindow(closes, calls, options);
  if (!window) return null;
  const { start, end, inWindow } = window;
  const exposure: number[] = [];
  let c = 0;
  let label = inWindow[0]!.label;
  for (let i = start; i <= end; i++) {
    while (c < inWindow.length && inWindow[c]!.date <= closes[i]!.date) label = inWindow[c++]!.label;
    exposure.push(exposureByLabel[label]);
  }
  return equityMetrics(closes.slice(start, end + 1), exposure, { costBps });
}

/** Buy-and-hold over the same window as phaseFollowing with the same calls and range (entry charged). */
export function buyAndHold(
  closes: readonly DailyClose[],
  calls: readonly { readonly date: string; readonly label: PhaseLabel }[],
  options: Omit<PhaseFollowingOptions, 'exposureByLabel'> = {},
): EquityRun | null {
  const window = callWindow(closes, calls, options);
  if (!window) return null;
  const slice = closes.slice(window.start, window.end + 1);
  return equityMetrics(
    slice,
    slice.map(() => 1),
    { costBps: options.costBps ?? PHASE_FOLLOWING_DEFAULTS.costBps },
  );
}

/** Positions of the first in-range call's close and of the window's last close, and the calls used. */
function callWindow(
  closes: readonly DailyClose[],
  calls: readonly { readonly date: string; readonly label: PhaseLabel }[],
  { from, to }: { readonly from?: string; readonly to?: string },
): { start: number; end: number; inWindow: readonly { date: string; label: PhaseLabel }[] } | null {
  if (closes.length === 0) return null;
  const firstClose = closes[0]!.date;
  const lastClose = closes[closes.length - 1]!.date;
  const inWindow = calls.filter(
    (c) =>
      (from === undefined || c.date >= from) &&
      (to === undefined || c.date <= to) &&
      c.date >= firstClose &&
      c.date <= lastClose,
  );
  const first = inWindow[0];
  if (!first) return null;
  const start = closes.findIndex((c) => c.date >= first.date);
  if (closes[start]!.date !== first.date)
    throw new RangeError(`phaseFollowing: the call of ${first.date} has no close: closes must cover every day`);
  let end = closes.length - 1;
  if (to !== undefined) while (end > start && closes[end]!.date > to) end--;
  return { start, end, inWindow };
}
