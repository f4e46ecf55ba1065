// The calibration statistics of a simulated market, computed like realMarketStats computes them
// from the real files, so the two can be compared figure by figure.
import type { Observation } from '../../domain/observation.js';
import type { SimulatedMarket } from '../simulate-market.js';
import { lag1Autocorrelation, mean, median, stdev } from '../stats.js';
import type { MarketStats } from './real-stats.js';

function values(
  observations: readonly Observation[],
  dataset: string,
  field: string,
  asset: string,
  key?: string,
): number[] {
  return observations
    .filter(
      (o) => o.dataset === dataset && o.field === field && o.asset === asset && (key === undefined || o.key === key),
    )
    .map((o) => o.value);
}

function logChanges(series: readonly number[]): number[] {
  return series.slice(1).map((v, i) => Math.log(v / series[i]!));
}

/** The MarketStats of a simulated market (whole simulated span). */
export function simulatedMarketStats(market: SimulatedMarket): MarketStats {
  const obs = market.observations;
  const btcTotal = values(obs, 'etf-flows-total', 'netFlowUsd', 'BTC');
  let absAll = 0;
  let absIbit = 0;
  for (const o of obs) {
    if (o.dataset !== 'etf-flows' || o.asset !== 'BTC') continue;
    absAll += Math.abs(o.value);
    if (o.key === 'IBIT') absIbit += Math.abs(o.value);
  }
  const funding = values(obs, 'perp', 'fundingRate8h', 'BTC');
  const mnav = values(obs, 'treasury', 'mnav', 'BTC', 'strategy');
  return {
    btcDailyLogReturnStdev: stdev(logChanges(values(obs, 'spot', 'close', 'BTC'))),
    ethDailyLogReturnStdev: stdev(logChanges(values(obs, 'spot', 'close', 'ETH'))),
    btcEtfTotalFlowStdevUsd: stdev(btcTotal),
    btcEtfTotalFlowLag1Autocorr: lag1Autocorrelation(btcTotal),
    ibitShareOfAbsFlow: absIbit / absAll,
    ethEtfTotalFlowStdevUsd: stdev(values(obs, 'etf-flows-total', 'netFlowUsd', 'ETH')),
    btcOpenInterestMedianUsd: median(values(obs, 'perp', 'openInterestUsd', 'BTC')),
    btcOpenInterestLogChangeStdev: stdev(logChanges(values(obs, 'perp', 'openInterestUsd', 'BTC'))),
    btcFundingMean8h: mean(funding),
    btcFundingStdev8h: stdev(funding),
    btcLongLiquidationsMedianUsd: median(values(obs, 'perp', 'longLiquidationsUsd', 'BTC')),
    cmeFrontOpenInterestMedianContracts: median(values(obs, 'cme', 'openInterestContracts', 'BTC', 'front')),
    strategyMnavMin: Math.min(...mnav),
    strategyMnavMax: Math.max(...mnav),
  };
}
