// Liquidations: long vs short on the latest day and whether the day is a spike against the trailing median.
import type { DatedValue } from '../domain/market-series.js';
import { medianInPlace } from './stats/median-in-place.js';
import { nullIfNaN } from './stats/null-if-nan.js';

export interface LiquidationSpikeOptions {
  /** Trailing days (before the day tested) for the median. Default 30. */
  readonly medianWindow?: number;
  /**
   * A day is a spike when its total is at least this multiple of the trailing median. Default 5:
   * ordinary busy days reach 2–3× the median; forced-deleveraging days (2025-10-10: ~1.2 bn USD of
   * BTC liquidations against a ~0.1 bn median) are an order of magnitude above it.
   */
  readonly spikeMultiple?: number;
  /** Days at the end of the series scanned for recent spikes. Default 14. */
  readonly recentDays?: number;
}

export interface LiquidationDay {
  readonly date: string;
  readonly longUsd: number;
  readonly shortUsd: number;
  readonly totalUsd: number;
  /** total / trailing median; null when the trailing window is short or its median is 0. */
  readonly multipleOfMedian: number | null;
  readonly spike: boolean;
}

export interface LiquidationSpikeResult {
  readonly date: string | null;
  readonly longUsd: number | null;
  readonly shortUsd: number | null;
  /** long / (long + short) on the latest day. */
  readonly longShare: number | null;
  readonly multipleOfMedian: number | null;
  readonly spike: boolean;
  /** Spike days within the last `recentDays` points. */
  readonly recentSpikes: readonly LiquidationDay[];
}

const MIN_MEDIAN_POINTS = 5;

/**
 * Per-day long/short liquidations joined on date, each day scored against the median of the
 * previous `medianWindow` days. Dates present in only one of the two series are skipped.
 */
export function liquidationDays(
  longLiquidationsUsd: readonly DatedValue[],
  shortLiquidationsUsd: readonly DatedValue[],
  options: LiquidationSpikeOptions = {},
): LiquidationDay[] {
  return scoreDays(joinLiquidations(longLiquidationsUsd, shortLiquidationsUsd), 0, options);
}

type JoinedDay = Pick<LiquidationDay, 'date' | 'longUsd' | 'shortUsd' | 'totalUsd'>;

function joinLiquidations(
  longLiquidationsUsd: readonly DatedValue[],
  shortLiquidationsUsd: readonly DatedValue[],
): JoinedDay[] {
  const shortByDate = new Map(shortLiquidationsUsd.map((p) => [p.date, p.value]));
  return longLiquidationsUsd
    .filter((p) => shortByDate.has(p.date))
    .map((p) => ({
      date: p.date,
      longUsd: p.value,
      shortUsd: shortByDate.get(p.date)!,
      totalUsd: p.value + shortByDate.get(p.date)!,
    }));
}

/** Scores joined[from..] against their trailing medians (earlier days only serve as the window). */
function scoreDays(joined: readonly JoinedDay[], from: number, options: LiquidationSpikeOptions): LiquidationDay[] {
  const { medianWindow = 30, spikeMultiple = 5 } = options;
  const out: LiquidationDay[] = [];
  // The trailing totals are copied into one buffer and their median taken in place.
  const totals = Float64Array.from(joined, (d) => d.totalUsd);
  const buffer = new Float64Array(joined.length);
  for (let i = Math.max(0, from); i < joined.length; i += 1) {
    const { date, longUsd, shortUsd, totalUsd } = joined[i]!;
    const first = Math.min(i, Math.max(0, Math.trunc(i - medianWindow)));
    const trailing = buffer.subarray(0, i - first);
    trailing.set(totals.subarray(first, i));
    const trailingMedian = trailing.length >= MIN_MEDIAN_POINTS ? nullIfNaN(medianInPlace(trailing)) : null;
    const multipleOfMedian = trailingMedian !== null && trailingMedian > 0 ? totalUsd / trailingMedian : null;
    const spike = multipleOfMedian !== null && multipleOfMedian >= spikeMultiple;
    out.push({ date, longUsd, shortUsd, totalUsd, multipleOfMedian, spike });
  }
  return out;
}

/** The latest day's long/short liquidations and whether it (or a recent day) was a spike. Empty → nulls, spike false. */
export function liquidationSpike(
  longLiquidationsUsd: readonly DatedValue[],
  shortLiquidationsUsd: readonly DatedValue[],
  options: LiquidationSpikeOptions = {},
): LiquidationSpikeResult {
  const { recentDays = 14 } = options;
  // Only the last `recentDays` days are reported: score just those (same numbers as liquidationDays).
  const joined = joinLiquidations(longLiquidationsUsd, shortLiquidationsUsd);
  const days = scoreDays(joined, recentDays > 0 ? joined.length - recentDays : 0, options);
  const last = days[days.length - 1];
  if (last === undefined) {
    return {
      date: null,
      longUsd: null,
      shortUsd: null,
      longShare: null,
      multipleOfMedian: null,
      spike: false,
      recentSpikes: [],
    };
  }
  return {
    date: last.date,
    longUsd: last.longUsd,
    shortUsd: last.shortUsd,
    longShare: last.totalUsd > 0 ? last.longUsd / last.totalUsd : null,
    multipleOfMedian: last.multipleOfMedian,
    spike: last.spike,
    recentSpikes: days.slice(-recentDays).filter((d) => d.spike),
  };
}
