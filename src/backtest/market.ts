// The market a backtest trades: one close per calendar day (crypto trades 24/7; a missing day takes
// the previous close, a zero return, and has no volume) with the coins traded that day, and the
// decision days replayed point-in-time. Built once; every strategy run and sweep combination reads it.
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays, daysBetween } from '../domain/dates.js';
import type { DailyBar } from '../domain/market-series.js';
import type { DailyClose } from '../domain/track-record.js';
import type { DecisionDay } from './decision-days.js';

export interface BacktestMarket {
  readonly asset: AnalysedAsset;
  readonly simulated: boolean;
  /** The history was loaded as known at this date. */
  readonly asOf: string;
  /** Consecutive calendar days, ascending. */
  readonly closes: readonly DailyClose[];
  /** Coins traded per close (aligned with closes); NaN when unknown or the day was filled. */
  readonly volumeUnits: Float64Array;
  /** Decision days (ascending), each dated on a close. */
  readonly days: readonly DecisionDay[];
}

/**
 * Builds the market from daily bars (ascending, positive closes) and decision days. Gaps between
 * bars are filled with the previous close; decision days after the last bar (no close to fill at) or
 * before the first are dropped. Throws, naming the bar, on a non-ascending date or a bad close.
 */
export function backtestMarket(
  meta: { readonly asset: AnalysedAsset; readonly simulated: boolean; readonly asOf: string },
  bars: readonly DailyBar[],
  days: readonly DecisionDay[],
): BacktestMarket {
  const closes: DailyClose[] = [];
  const volumes: number[] = [];
  bars.forEach((bar, i) => {
    if (!(bar.close > 0 && Number.isFinite(bar.close)))
      throw new RangeError(`backtestMarket: bar ${i} (${bar.date}) has close ${bar.close}: must be a positive number`);
    const previous = closes[closes.length - 1];
    if (previous !== undefined) {
      const gap = daysBetween(previous.date, bar.date);
      if (!(gap >= 1))
        throw new RangeError(`backtestMarket: bar ${i} is dated ${bar.date}, not after ${previous.date}`);
      for (let d = 1; d < gap; d += 1) {
        closes.push({ date: addDays(previous.date, d), close: previous.close });
        volumes.push(Number.NaN);
      }
    }
    closes.push({ date: bar.date, close: bar.close });
    volumes.push(bar.volumeUnits ?? Number.NaN);
  });
  const first = closes[0]?.date;
  const last = closes[closes.length - 1]?.date;
  return {
    ...meta,
    closes,
    volumeUnits: Float64Array.from(volumes),
    days: first === undefined || last === undefined ? [] : days.filter((d) => d.date >= first && d.date <= last),
  };
}
