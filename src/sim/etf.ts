// Simulated US spot ETF flows per fund (US trading days), per-fund holdings and AUM (calendar days,
// weekends carried forward) and total coins held. One-way regimes have a steady mean and
// autocorrelated noise; two-way regimes alternate so that 10-day sums nearly cancel.
import type { FlowRegime } from '../domain/analysis.js';
import type { AnalysedAsset } from '../domain/assets.js';
import {
  CALIBRATION,
  FLOW_NOISE_AR1,
  FLOW_SHARES,
  HOLDING_SHARES,
  ONE_WAY_MEAN_MULTIPLE,
  ONE_WAY_LOG_SIZE_STDEV,
  ONE_WAY_NOISE,
  TWO_WAY_INNOVATION,
  TWO_WAY_MAX_DIRECTIONALITY,
  TWO_WAY_OFFSET,
} from './calibration/constants.js';
import { FUNDS } from '../domain/etf-funds.js';
import type { Random } from '../signals/stats/seeded-random.js';

/** One asset's ETF series. Flows are per trading-day index; holdings/AUM per calendar index. */
export interface EtfSeries {
  readonly funds: readonly string[];
  /** Calendar indexes of the US trading days that carry flows. */
  readonly tradingIndexes: readonly number[];
  /** netFlowUsd[fund][k] for the k-th trading day, rounded to 0.1 million USD like Farside. */
  readonly netFlowUsd: Readonly<Record<string, number[]>>;
  /** Sum of the rounded fund flows per trading day. */
  readonly totalFlowUsd: number[];
  /** Per fund, per calendar day. */
  readonly holdingsCoins: Readonly<Record<string, number[]>>;
  readonly aumUsd: Readonly<Record<string, number[]>>;
  readonly totalHoldingsCoins: number[];
}

/** Price level factor: flows scale with the square root of the price relative to this reference. */
const FLOW_PRICE_REFERENCE: Readonly<Record<AnalysedAsset, number>> = { BTC: 90_000, ETH: 3_000 };
/** Per-fund idiosyncratic noise (zero-sum across funds) as a fraction of the flow scale. */
const FUND_NOISE = 0.12;

/**
 * Trims a two-way day's total flow so the 10-day window ending today keeps |D| <= `limit`, given
 * the previous nine days' sum `sum9` and absolute sum `abs9`. Unchanged when already within.
 */
export function trimToDirectionality(flow: number, sum9: number, abs9: number, limit: number): number {
  const total = sum9 + flow;
  if (Math.abs(total) <= limit * (abs9 + Math.abs(flow))) return flow;
  const sL = Math.sign(total) * limit;
  const positive = (sL * abs9 - sum9) / (1 - sL);
  if (positive >= 0) return positive;
  return (sL * abs9 - sum9) / (1 + sL);
}

/**
 * Simulates one asset's ETF flows, holdings and AUM. `regimeAt(i)` is the flow regime of calendar
 * index i; `closes` the spot closes used to convert flows to coins and to value holdings.
 */
export function simulateEtf(
  asset: AnalysedAsset,
  tradingIndexes: readonly number[],
  regimeAt: (index: number) => FlowRegime,
  closes: readonly number[],
  random: Random,
): EtfSeries {
  const cal = CALIBRATION[asset];
  const shares = FLOW_SHARES[asset];
  const funds = FUNDS.filter((f) => f.asset === asset).map((f) => f.ticker);
  const netFlowUsd: Record<string, number[]> = Object.fromEntries(funds.map((f) => [f, []]));
  const totalFlowUsd: number[] = [];
  let ar = 0;
  let prevInnovation = 0;
  const recentRegimes: FlowRegime[] = [];
  for (const i of tradingIndexes) {
    const scale = cal.etfFlowScaleUsd * Math.sqrt(closes[i]! / FLOW_PRICE_REFERENCE[asset]);
    const regime = regimeAt(i);
    const innovation = random.normal();
    let total: number;
    if (regime === 'two-way') {
      total = scale * TWO_WAY_INNOVATION * (innovation - TWO_WAY_OFFSET * prevInnovation);
      const previous = totalFlowUsd.slice(-9);
      if (previous.length === 9 && recentRegimes.slice(-9).every((x) => x === 'two-way')) {
        total = trimToDirectionality(
          total,
          previous.reduce((a, b) => a + b, 0),
          previous.reduce((a, b) => a + Math.abs(b), 0),
          TWO_WAY_MAX_DIRECTIONALITY,
        );
      }
      ar = 0;
    } else {
      // Persistent, right-skewed day sizes (big days cluster) plus a little two-sided noise.
      ar = FLOW_NOISE_AR1 * ar + Math.sqrt(1 - FLOW_NOISE_AR1 ** 2) * innovation;
      const sign = regime === 'one-way-inflow' ? 1 : -1;
      const size = Math.exp(ONE_WAY_LOG_SIZE_STDEV * ar - ONE_WAY_LOG_SIZE_STDEV ** 2 / 2);
      total = scale * (sign * ONE_WAY_MEAN_MULTIPLE * size + ONE_WAY_NOISE * random.normal());
    }
    prevInnovation = innovation;
    recentRegimes.push(regime);
    const noise = funds.map((f) => FUND_NOISE * scale * Math.sqrt(shares[f] ?? 0) * random.normal());
    const noiseSum = noise.reduce((s, x) => s + x, 0);
    let rounded = 0;
    funds.forEach((f, k) => {
      const w = shares[f] ?? 0;
      const value = Math.round((w * total + noise[k]! - w * noiseSum) / 1e5) * 1e5;
      netFlowUsd[f]!.push(value);
      rounded += value;
    });
    totalFlowUsd.push(rounded);
  }
  return {
    funds,
    tradingIndexes,
    netFlowUsd,
    totalFlowUsd,
    ...holdings(asset, funds, tradingIndexes, netFlowUsd, closes),
  };
}

function holdings(
  asset: AnalysedAsset,
  funds: readonly string[],
  tradingIndexes: readonly number[],
  netFlowUsd: Readonly<Record<string, number[]>>,
  closes: readonly number[],
): Pick<EtfSeries, 'holdingsCoins' | 'aumUsd' | 'totalHoldingsCoins'> {
  const start = CALIBRATION[asset].startEtfHoldingsCoins;
  const held: Record<string, number> = Object.fromEntries(
    funds.map((f) => [f, start * (HOLDING_SHARES[asset][f] ?? 0)]),
  );
  const holdingsCoins: Record<string, number[]> = Object.fromEntries(funds.map((f) => [f, []]));
  const aumUsd: Record<string, number[]> = Object.fromEntries(funds.map((f) => [f, []]));
  const totalHoldingsCoins: number[] = [];
  let k = 0;
  let valuationClose = closes[0]!;
  for (let i = 0; i < closes.length; i++) {
    if (tradingIndexes[k] === i) {
      valuationClose = closes[i]!;
      for (const f of funds) held[f] = Math.max(0, held[f]! + netFlowUsd[f]![k]! / valuationClose);
      k++;
    }
    let total = 0;
    for (const f of funds) {
      holdingsCoins[f]!.push(held[f]!);
      aumUsd[f]!.push(held[f]! * valuationClose);
      total += held[f]!;
    }
    totalHoldingsCoins.push(total);
  }
  return { holdingsCoins, aumUsd, totalHoldingsCoins };
}
