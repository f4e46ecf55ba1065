// Simulated treasury company and equities: Strategy's coin purchases (announced on Mondays) and
// mNAV (drifting to each step's planted level, knocked down by the policy event), MSTR bars priced
// from mNAV × coins × BTC, SPY bars, and monthly global equity-ETF flows.
import {
  EQUITY_ETF_MONTHLY_FLOW_USD,
  MSTR_MEDIAN_VOLUME_SHARES,
  MSTR_START_SHARES,
  SPY_START_PRICE,
  STRATEGY_START_COINS,
} from './calibration/constants.js';
import { addDays, dayOfWeek } from '../domain/dates.js';
import type { SpotPath } from './price-path.js';
import type { Random } from '../signals/stats/seeded-random.js';
import { stepIndexer, type PlacedStep } from './scenario.js';

/** Daily bars of a listed instrument per trading-day position k. */
export interface EquityBars {
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volumeShares: number[];
}

export interface TreasurySeries {
  /** Purchase announcements: calendar index and coins held after it. */
  readonly purchases: { readonly index: number; readonly coinsHeld: number }[];
  /** mNAV per trading-day position k. */
  readonly mnav: number[];
  readonly mstr: EquityBars;
}

/** The mNAV drop on the policy event day (log). */
const POLICY_EVENT_MNAV_SHOCK = -0.1;

/** Mean coins bought per announcement by phase (before jitter). */
const PURCHASE_SIZE: Readonly<Record<string, number>> = {
  uptrend: 7_000,
  topping: 4_000,
  'trend-decline': 2_500,
  bottoming: 3_000,
};
/** Chance of an announcement on a given Monday by phase. */
const PURCHASE_CHANCE: Readonly<Record<string, number>> = {
  uptrend: 0.75,
  topping: 0.6,
  'trend-decline': 0.45,
  bottoming: 0.55,
};

function barsFromCloses(closes: readonly number[], medianVolume: number, dailyVol: number, random: Random): EquityBars {
  const out: EquityBars = { open: [], high: [], low: [], close: [], volumeShares: [] };
  closes.forEach((c, k) => {
    const prev = closes[k - 1] ?? c;
    const o = prev * Math.exp(0.3 * dailyVol * random.normal());
    out.open.push(o);
    out.close.push(c);
    out.high.push(Math.max(o, c) * Math.exp(dailyVol * (0.2 + 0.4 * Math.abs(random.normal()))));
    out.low.push(Math.min(o, c) * Math.exp(-dailyVol * (0.2 + 0.4 * Math.abs(random.normal()))));
    const activity = 0.7 + (0.6 * Math.abs(Math.log(c / prev))) / dailyVol;
    out.volumeShares.push(Math.round(medianVolume * activity * Math.exp(0.3 * random.normal())));
  });
  return out;
}

/**
 * Strategy's holdings, mNAV and MSTR bars. mNAV follows a log bridge to each step's `mnavEnd`
 * with AR(1) noise; on `eventIndex` it drops by POLICY_EVENT_MNAV_SHOCK.
 */
export function simulateTreasury(
  steps: readonly PlacedStep[],
  dates: readonly string[],
  tradingIndexes: readonly number[],
  btc: SpotPath,
  eventIndex: number,
  random: Random,
): TreasurySeries {
  const stepAt = stepIndexer(steps);
  const purchases: { index: number; coinsHeld: number }[] = [];
  let coins = STRATEGY_START_COINS;
  const coinsAt: number[] = [];
  const firstWeekday = dates.length > 0 ? dayOfWeek(dates[0]!) : 0;
  for (let i = 0; i < dates.length; i++) {
    const phase = stepAt(i).phase;
    if ((firstWeekday + i) % 7 === 1 && random.uniform() < (PURCHASE_CHANCE[phase] ?? 0.5)) {
      coins += Math.round((PURCHASE_SIZE[phase] ?? 3000) * (0.4 + 1.2 * random.uniform()));
      purchases.push({ index: i, coinsHeld: coins });
    }
    coinsAt.push(coins);
  }
  // log-mNAV per calendar day: linear path between step ends, AR(1) noise, the event shock carried.
  const logMnav: number[] = [];
  let level = Math.log(steps[0]!.name === 'filler' ? 2.0 : 1.8);
  let noise = 0;
  let shock = 0;
  for (const s of steps) {
    const from = level;
    const to = Math.log(s.mnavEnd);
    for (let i = s.startIndex; i < s.endIndex; i++) {
      if (i === eventIndex) shock = POLICY_EVENT_MNAV_SHOCK;
      shock *= 0.97;
      noise = 0.9 * noise + 0.02 * random.normal();
      logMnav.push(from + ((to - from) * (i - s.startIndex + 1)) / s.days + noise + shock);
    }
    level = to;
  }
  const mnav = tradingIndexes.map((i) => Math.exp(logMnav[i]!));
  const closes = tradingIndexes.map((i, k) => {
    const shares = MSTR_START_SHARES * (coinsAt[i]! / STRATEGY_START_COINS) ** 0.6;
    return (mnav[k]! * coinsAt[i]! * btc.close[i]!) / shares;
  });
  return { purchases, mnav, mstr: barsFromCloses(closes, MSTR_MEDIAN_VOLUME_SHARES, 0.04, random) };
}

/** SPY bars on the trading days: a steady ~10 %/year drift, 1 % daily volatility. */
export function simulateSpy(tradingIndexes: readonly number[], random: Random): EquityBars {
  let p = SPY_START_PRICE;
  const closes = tradingIndexes.map(() => (p *= Math.exp(0.0004 + 0.01 * random.normal())));
  return barsFromCloses(closes, 70e6, 0.01, random);
}

/** Monthly global equity-ETF net flows, dated by each complete month's last day; December runs hot. */
export function simulateEquityEtfFlows(
  dates: readonly string[],
  random: Random,
): { date: string; netFlowUsd: number }[] {
  const out: { date: string; netFlowUsd: number }[] = [];
  for (const date of dates) {
    if (addDays(date, 1).slice(8) !== '01') continue;
    const december = date.slice(5, 7) === '12' ? 1.9 : 1;
    out.push({
      date,
      netFlowUsd: Math.round((EQUITY_ETF_MONTHLY_FLOW_USD * december * (1 + 0.25 * random.normal())) / 1e6) * 1e6,
    });
  }
  return out;
}
