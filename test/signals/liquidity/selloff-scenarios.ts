// Synthetic sell-off scenarios for the classifier tests: a calm 40-day baseline, then a 5-day fall
// of 15 % that is either a planted liquidity failure (volume collapses, ranges blow out, OI and ETF
// flows flat) or a planted position rebalancing (volume up, ranges normal, OI and ETF flows drop).
import { addDays } from '../../../src/domain/dates.js';
import type { DailyBar, DatedValue, FundFlow } from '../../../src/domain/market-series.js';
import type { SelloffInputs } from '../../../src/signals/selloff-classifier.js';

export type PlantedKind = 'liquidity-failure' | 'position-rebalancing';

const BASELINE_DAYS = 40;
const FALL_DAYS = 5;
const AUM_USD = 100e9;

/** Inputs with a calm baseline from `start` and one planted 15 % sell-off of the given kind. */
export function plantedSelloff(kind: PlantedKind, start = '2025-01-01'): SelloffInputs {
  const spot: DailyBar[] = [];
  const oi: DatedValue[] = [];
  const flows: FundFlow[] = [];
  const aum: DatedValue[] = [];
  for (let i = 0; i < BASELINE_DAYS + FALL_DAYS + 5; i += 1) {
    const date = addDays(start, i);
    const inFall = i >= BASELINE_DAYS && i < BASELINE_DAYS + FALL_DAYS;
    const afterFall = i >= BASELINE_DAYS + FALL_DAYS;
    const step = i - BASELINE_DAYS + 1;
    const close = inFall ? 100 * (1 - 0.03 * step) : afterFall ? 85.5 + (i % 2) * 0.4 : 100 + (i % 2) * 0.5;
    const failing = kind === 'liquidity-failure' && inFall;
    const halfRange = failing ? 0.07 : 0.01; // wide bid-ask bounce: highs at the ask, lows at the bid
    const volumeUsd = inFall ? (kind === 'liquidity-failure' ? 3e8 : 2e9) : 1e9;
    spot.push({
      date,
      open: close,
      high: close * (1 + halfRange),
      low: close * (1 - halfRange),
      close,
      volumeUsd,
      volumeUnits: null,
    });
    const oiUsd =
      kind === 'position-rebalancing' && (inFall || afterFall) ? 30e9 * (1 - 0.05 * Math.min(step, FALL_DAYS)) : 30e9;
    oi.push({ date, value: oiUsd });
    const flowUsd = kind === 'position-rebalancing' && inFall ? -0.3e9 : i % 2 === 0 ? 50e6 : -40e6;
    flows.push({ date, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: flowUsd });
    aum.push({ date, value: AUM_USD });
  }
  return { spot, openInterestUsd: oi, cmeOpenInterestCoins: [], etfFlows: flows, etfAumUsd: aum };
}
