// Estimated leverage ratio (OI / exchange reserve) and its trend over a window.
import type { DatedValue } from '../domain/market-series.js';
import { lastOf, pctChangeOverDays } from './series-helpers.js';

export type LeverageTrend = 'rising' | 'falling' | 'flat';

export interface LeverageTrendOptions {
  /** Calendar days for the change. Default 30. */
  readonly windowDays?: number;
  /** Percent change beyond which the ratio counts as rising/falling. Default 5 (smaller moves are noise). */
  readonly flatBandPct?: number;
}

export interface LeverageTrendResult {
  readonly date: string | null;
  readonly leverageRatio: number | null;
  readonly changePct: number | null;
  readonly trend: LeverageTrend | null;
}

/** Latest estimated leverage ratio, its percent change over `windowDays` and the trend. Empty → nulls. */
export function leverageTrend(
  leverageRatio: readonly DatedValue[],
  options: LeverageTrendOptions = {},
): LeverageTrendResult {
  const { windowDays = 30, flatBandPct = 5 } = options;
  const last = lastOf(leverageRatio);
  const changePct = pctChangeOverDays(leverageRatio, windowDays);
  const trend: LeverageTrend | null =
    changePct === null ? null : changePct > flatBandPct ? 'rising' : changePct < -flatBandPct ? 'falling' : 'flat';
  return { date: last?.date ?? null, leverageRatio: last?.value ?? null, changePct, trend };
}
