// CFTC Traders in Financial Futures positioning: leveraged funds and asset managers' net coins,
// their 4-week change and their percentile within a trailing history.
import type { CotWeek } from '../domain/market-series.js';
import { lastOf, percentileRankOf } from './series-helpers.js';
import type { CotPositioning } from '../domain/sections/positioning.js';

export interface CotPositioningOptions {
  /** Reports back for the change. Default 4. */
  readonly changeWeeks?: number;
  /** Reports in the percentile history (latest included). Default 156 (three years). */
  readonly percentileWeeks?: number;
}

/** Latest COT net positions with change and percentile; null when there is no report. */
export function cotPositioning(cot: readonly CotWeek[], options: CotPositioningOptions = {}): CotPositioning | null {
  const { changeWeeks = 4, percentileWeeks = 156 } = options;
  const last = lastOf(cot);
  if (last === null) return null;
  const before = cot[cot.length - 1 - changeWeeks];
  const history = cot.slice(-percentileWeeks);
  return {
    date: last.date,
    leveragedFundsNetCoins: last.leveragedFundsNetCoins,
    assetManagersNetCoins: last.assetManagersNetCoins,
    change4w:
      before === undefined
        ? null
        : {
            leveragedFundsNetCoins: last.leveragedFundsNetCoins - before.leveragedFundsNetCoins,
            assetManagersNetCoins: last.assetManagersNetCoins - before.assetManagersNetCoins,
          },
    percentile: {
      leveragedFundsNet: percentileRankOf(
        last.leveragedFundsNetCoins,
        history.map((w) => w.leveragedFundsNetCoins),
      ),
      assetManagersNet: percentileRankOf(
        last.assetManagersNetCoins,
        history.map((w) => w.assetManagersNetCoins),
      ),
    },
  };
}
