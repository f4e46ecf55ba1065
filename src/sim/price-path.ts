// Spot price paths and daily OHLCV bars on calendar days. Each step's log returns are a bridge:
// seeded fat-tailed noise with clustered volatility, re-centred so the step lands on its planted
// move. The flush day is a forced gap; the second decline is tuned to its planted drawdown.
import type { AnalysedAsset } from '../domain/assets.js';
import { CALIBRATION, ETH_BETA, ETH_IDIOSYNCRATIC_VOL } from './calibration/constants.js';
import type { Random } from '../signals/stats/seeded-random.js';
import { stepIndexer, type PlacedStep } from './scenario.js';

/** One asset's daily spot series, index-aligned with the calendar dates. */
export interface SpotPath {
  readonly logReturn: number[];
  /** Daily volatility in force (base × step multiplier × clustering). */
  readonly vol: number[];
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volumeCoins: number[];
}

/** Where the planted price features sit (calendar-day indexes). */
export interface PricePlan {
  readonly flushIndex: number;
  /** First and last index (inclusive) of the second decline and its target drawdown. */
  readonly secondDecline: { readonly from: number; readonly to: number; readonly drawdown: number };
}

/** Peak-to-trough drawdown of `closes` between indexes `from` and `to` (inclusive): 0.25 = −25 %. */
export function maxDrawdown(closes: readonly number[], from: number, to: number): number {
  let peak = -Infinity;
  let worst = 0;
  for (let i = Math.max(0, from); i <= to && i < closes.length; i++) {
    const c = closes[i]!;
    if (c > peak) peak = c;
    worst = Math.max(worst, 1 - c / peak);
  }
  return worst;
}

function clusteredVol(n: number, random: Random): number[] {
  const out: number[] = [];
  let x = 0;
  for (let i = 0; i < n; i++) {
    x = 0.97 * x + Math.sqrt(1 - 0.97 ** 2) * random.normal();
    out.push(Math.exp(0.22 * x - 0.0242));
  }
  return out;
}

/** Bridge noise per step: the step's returns sum exactly to its planted move (forced days kept). */
function bridgeReturns(
  steps: readonly PlacedStep[],
  shocks: readonly number[],
  target: (s: PlacedStep) => number,
  forced: ReadonlyMap<number, number>,
): number[] {
  const r = new Array<number>(shocks.length).fill(0);
  for (const s of steps) {
    const free: number[] = [];
    let forcedSum = 0;
    for (let i = s.startIndex; i < s.endIndex; i++) {
      const f = forced.get(i);
      if (f === undefined) free.push(i);
      else {
        r[i] = f;
        forcedSum += f;
      }
    }
    if (free.length === 0) continue;
    const meanShock = free.reduce((sum, i) => sum + shocks[i]!, 0) / free.length;
    const drift = (target(s) - forcedSum) / free.length;
    for (const i of free) r[i] = drift + shocks[i]! - meanShock;
  }
  return r;
}

function closesFrom(start: number, r: readonly number[]): number[] {
  const out: number[] = [];
  let p = start;
  for (const x of r) out.push((p *= Math.exp(x)));
  return out;
}

/** Shifts the second decline's daily returns until its drawdown matches the target (bisection). */
function tuneDrawdown(r: number[], start: number, plan: PricePlan): void {
  const { from, to, drawdown } = plan.secondDecline;
  const original = r.slice(from, to + 1);
  let lo = -0.02;
  let hi = 0.02;
  for (let iter = 0; iter < 40; iter++) {
    const mid = (lo + hi) / 2;
    for (let i = from; i <= to; i++) r[i] = original[i - from]! + mid;
    const dd = maxDrawdown(closesFrom(start, r), from - 1, to);
    if (dd > drawdown) lo = mid;
    else hi = mid;
  }
}

function bars(
  asset: AnalysedAsset,
  steps: readonly PlacedStep[],
  r: number[],
  vol: number[],
  random: Random,
): SpotPath {
  const cal = CALIBRATION[asset];
  const close = closesFrom(cal.startPrice * Math.exp(-sumBeforeEpisode(steps, r)), r);
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const volumeCoins: number[] = [];
  const stepAt = stepIndexer(steps);
  for (let i = 0; i < r.length; i++) {
    const s = stepAt(i);
    const o = i === 0 ? close[0]! / Math.exp(r[0]!) : close[i - 1]!;
    const c = close[i]!;
    const wick = vol[i]! * s.rangeMultiplier;
    open.push(o);
    high.push(Math.max(o, c) * Math.exp(wick * (0.25 + 0.45 * Math.abs(random.normal()))));
    low.push(Math.min(o, c) * Math.exp(-wick * (0.25 + 0.45 * Math.abs(random.normal()))));
    const activity = 0.7 + (0.6 * Math.abs(r[i]!)) / cal.baseDailyVol;
    volumeCoins.push(cal.medianVolumeCoins * s.volumeMultiplier * activity * Math.exp(0.25 * random.normal() - 0.1));
  }
  return { logReturn: r, vol, open, high, low, close, volumeCoins };
}

function sumBeforeEpisode(steps: readonly PlacedStep[], r: readonly number[]): number {
  const firstEpisode = steps.find((s) => s.name !== 'filler');
  let sum = 0;
  for (let i = 0; i < (firstEpisode?.startIndex ?? 0); i++) sum += r[i]!;
  return sum;
}

/**
 * BTC and ETH spot paths over `steps`: BTC's bridge returns with the flush gap forced and the
 * second decline tuned to `plan.secondDecline.drawdown`; ETH = ETH_BETA × BTC shock + its own noise.
 */
export function simulateSpot(
  steps: readonly PlacedStep[],
  plan: PricePlan,
  random: Random,
): Record<AnalysedAsset, SpotPath> {
  const n = steps[steps.length - 1]!.endIndex;
  const stepAt = stepIndexer(steps);
  const cluster = clusteredVol(n, random);
  const btcVol = cluster.map((c, i) => CALIBRATION.BTC.baseDailyVol * stepAt(i).volMultiplier * c);
  const btcShocks = btcVol.map((v) => v * random.fatTail(5));
  const btcR = bridgeReturns(
    steps,
    btcShocks,
    (s) => s.logReturn,
    new Map([[plan.flushIndex, CALIBRATION.BTC.flushGapLogReturn]]),
  );
  tuneDrawdown(btcR, CALIBRATION.BTC.startPrice, plan);

  const ethIdio = btcVol.map((v) => (v / CALIBRATION.BTC.baseDailyVol) * ETH_IDIOSYNCRATIC_VOL * random.fatTail(5));
  // ETH shares BTC's planted moves and amplifies its shocks (beta), plus bridged noise of its own.
  const ethForced = new Map([[plan.flushIndex, CALIBRATION.ETH.flushGapLogReturn]]);
  const noFlush = new Map([[plan.flushIndex, 0]]);
  const btcNoise = bridgeReturns(steps, btcShocks, () => 0, noFlush);
  const ethNoise = bridgeReturns(steps, ethIdio, () => 0, noFlush);
  const ethR = btcR.map((x, i) => ethForced.get(i) ?? x + (ETH_BETA - 1) * btcNoise[i]! + ethNoise[i]!);
  const ethVol = btcVol.map((v) =>
    Math.hypot(ETH_BETA * v, (v / CALIBRATION.BTC.baseDailyVol) * ETH_IDIOSYNCRATIC_VOL),
  );
  return { BTC: bars('BTC', steps, btcR, btcVol, random), ETH: bars('ETH', steps, ethR, ethVol, random) };
}
