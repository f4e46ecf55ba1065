// OI-vs-price divergence: open interest falling while price holds means forced/leveraged selling is
// running out (downside momentum weakening); OI rising into a falling price means new shorts or
// levered longs averaging down (decline still being fuelled).
import type { DailyBar, DatedValue } from '../domain/market-series.js';
import { addDays } from '../domain/dates.js';
import { lastOf, pointOnOrBefore } from './series-helpers.js';
import type { OiPriceDivergence } from '../domain/sections/positioning.js';

export interface OiPriceDivergenceOptions {
  /** Calendar days compared. Default 14. */
  readonly windowDays?: number;
  /** OI must fall at least this percent to count as falling. Default 10 (below that is churn). */
  readonly oiFallPct?: number;
  /** OI must rise at least this percent to count as rising. Default 5. */
  readonly oiRisePct?: number;
  /** Price "holds" when it lost less than this percent; it "falls" when it lost at least this much. Default 3. */
  readonly priceMovePct?: number;
}

export interface OiPriceDivergenceResult {
  readonly divergence: OiPriceDivergence | null;
  readonly oiChangePct: number | null;
  readonly priceChangePct: number | null;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * Compare the OI change and the close-to-close price change over the same window, ending at the
 * latest date both series have. null divergence when either series lacks a point at the window start.
 */
export function oiPriceDivergence(
  openInterestUsd: readonly DatedValue[],
  spot: readonly DailyBar[],
  options: OiPriceDivergenceOptions = {},
): OiPriceDivergenceResult {
  const { windowDays = 14, oiFallPct = 10, oiRisePct = 5, priceMovePct = 3 } = options;
  const empty: OiPriceDivergenceResult = {
    divergence: null,
    oiChangePct: null,
    priceChangePct: null,
    from: null,
    to: null,
  };
  const lastOi = lastOf(openInterestUsd);
  const lastBar = lastOf(spot);
  if (lastOi === null || lastBar === null) return empty;
  const to = lastOi.date < lastBar.date ? lastOi.date : lastBar.date;
  const from = addDays(to, -windowDays);
  const oiEnd = pointOnOrBefore(openInterestUsd, to);
  const oiStart = pointOnOrBefore(openInterestUsd, from);
  const priceEnd = pointOnOrBefore(spot, to);
  const priceStart = pointOnOrBefore(spot, from);
  if (!oiEnd || !oiStart || !priceEnd || !priceStart || oiStart.value <= 0 || priceStart.close <= 0) return empty;
  const oiChangePct = (oiEnd.value / oiStart.value - 1) * 100;
  const priceChangePct = (priceEnd.close / priceStart.close - 1) * 100;
  let divergence: OiPriceDivergence = 'aligned';
  if (oiChangePct <= -oiFallPct && priceChangePct > -priceMovePct) divergence = 'oi-falling-price-holding';
  else if (oiChangePct >= oiRisePct && priceChangePct <= -priceMovePct) divergence = 'oi-rising-price-falling';
  return { divergence, oiChangePct, priceChangePct, from, to };
}
