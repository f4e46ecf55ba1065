// Simulated derivatives positioning per asset: aggregate perps (OI, funding, leverage,
// liquidations; calendar days), CME front month (bars, OI; US trading days) and weekly CFTC COT.
// Leverage builds in uptrends, is flushed in one day, and CME OI unwinds with the ETF outflow wave.
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays, dayOfWeek } from '../domain/dates.js';
import { CALIBRATION, COT_OI_OVER_FRONT } from './calibration/constants.js';
import type { SpotPath } from './price-path.js';
import type { Random } from '../signals/stats/seeded-random.js';
import { stepIndexer, type PlacedStep } from './scenario.js';

/** Perp aggregate per calendar index. */
export interface PerpSeries {
  readonly openInterestCoins: number[];
  readonly openInterestUsd: number[];
  readonly fundingRate8h: number[];
  readonly leverageRatio: number[];
  readonly longLiquidationsUsd: number[];
  readonly shortLiquidationsUsd: number[];
}

/** CME front month per trading-day position k (index-aligned with `tradingIndexes`). */
export interface CmeSeries {
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volumeContracts: number[];
  readonly openInterestContracts: number[];
  readonly openInterestUsd: number[];
  readonly basisUsd: number[];
}

/** One weekly COT report (positions in coins). */
export interface CotReport {
  readonly date: string;
  readonly openInterestCoins: number;
  readonly leveragedFundsLongCoins: number;
  readonly leveragedFundsShortCoins: number;
  readonly assetManagersLongCoins: number;
  readonly assetManagersShortCoins: number;
  readonly dealersLongCoins: number;
  readonly dealersShortCoins: number;
}

/** Persistence of OI's deviation from its planned path (daily AR(1) coefficient). */
const OI_DEVIATION_AR1 = 0.9;
/** Days the funding stays pulled negative after the flush. */
const FLUSH_NEGATIVE_FUNDING_DAYS = 4;

/**
 * Perp positioning of one asset. On `flushIndex` OI in USD falls by `flushDrop` (a fraction, e.g.
 * 0.25), long liquidations spike to ~2.3 % of the previous day's OI and funding turns negative.
 */
export function simulatePerp(
  asset: AnalysedAsset,
  steps: readonly PlacedStep[],
  spot: SpotPath,
  flushIndex: number,
  flushDrop: number,
  random: Random,
): PerpSeries {
  const cal = CALIBRATION[asset];
  const stepAt = stepIndexer(steps);
  const n = spot.close.length;
  const out: PerpSeries = {
    openInterestCoins: [],
    openInterestUsd: [],
    fundingRate8h: [],
    leverageRatio: [],
    longLiquidationsUsd: [],
    shortLiquidationsUsd: [],
  };
  let planned = Math.log(cal.startOpenInterestCoins);
  let deviation = 0;
  let coins = cal.startOpenInterestCoins;
  let funding = cal.fundingMean8h;
  const reference = cal.startOpenInterestCoins * 1.15;
  for (let i = 0; i < n; i++) {
    const s = stepAt(i);
    const r = spot.logReturn[i]!;
    const prevUsd = out.openInterestUsd[i - 1] ?? coins * spot.close[i]!;
    planned += s.oiDrift;
    if (i === flushIndex) {
      // The flush resets the level: positioning stays lower afterwards.
      coins = (prevUsd * (1 - flushDrop)) / spot.close[i]!;
      planned = Math.log(coins);
      deviation = 0;
    } else {
      // Mean-reverting deviation from the planned leverage path (OI coins lean with the price).
      deviation = OI_DEVIATION_AR1 * deviation + s.oiNoise * random.normal() + 0.25 * r;
      coins = Math.exp(planned + deviation);
    }
    const afterFlush = i >= flushIndex && i <= flushIndex + FLUSH_NEGATIVE_FUNDING_DAYS;
    const target = afterFlush ? -1.2 * cal.fundingMean8h : s.fundingMultiple * cal.fundingMean8h;
    funding =
      i === flushIndex
        ? -2.5 * cal.fundingMean8h
        : target + 0.75 * (funding - target) + cal.fundingStdev8h * 0.66 * random.normal();
    const down = Math.max(0, -r) / cal.baseDailyVol;
    const up = Math.max(0, r) / cal.baseDailyVol;
    const longLiq =
      i === flushIndex
        ? 0.023 * prevUsd * Math.exp(0.1 * random.normal())
        : 0.7 * cal.medianLongLiquidationsUsd * (1 + 0.6 * down) ** 1.6 * Math.exp(0.5 * random.normal());
    const shortLiq = 0.7 * cal.medianShortLiquidationsUsd * (1 + 0.6 * up) ** 1.6 * Math.exp(0.5 * random.normal());
    out.openInterestCoins.push(coins);
    out.openInterestUsd.push(coins * spot.close[i]!);
    out.fundingRate8h.push(funding);
    out.leverageRatio.push(cal.medianLeverageRatio * (coins / reference) * Math.exp(0.01 * random.normal()));
    out.longLiquidationsUsd.push(longLiq);
    out.shortLiquidationsUsd.push(shortLiq);
  }
  return out;
}

const expiryCache = new Map<string, number>();

/** Days from `date` to the front contract's expiry (last Friday of the month, or next month's). */
function daysToExpiry(date: string): number {
  const cached = expiryCache.get(date);
  if (cached !== undefined) return cached;
  const days = computeDaysToExpiry(date);
  expiryCache.set(date, days);
  return days;
}

function computeDaysToExpiry(date: string): number {
  const lastFriday = (d: string): string => {
    const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const last = addDays(next, -1);
    return addDays(last, -((dayOfWeek(last) - 5 + 7) % 7));
  };
  let expiry = lastFriday(date);
  if (expiry < date) expiry = lastFriday(addDays(date.slice(0, 8) + '01', 32));
  return Math.max(1, Math.round((Date.parse(expiry) - Date.parse(date)) / 86_400_000));
}

/** CME front month of one asset on the trading days `tradingIndexes` of `dates`. */
export function simulateCme(
  asset: AnalysedAsset,
  steps: readonly PlacedStep[],
  dates: readonly string[],
  tradingIndexes: readonly number[],
  spot: SpotPath,
  random: Random,
): CmeSeries {
  const cal = CALIBRATION[asset];
  const stepAt = stepIndexer(steps);
  const out: CmeSeries = {
    open: [],
    high: [],
    low: [],
    close: [],
    volumeContracts: [],
    openInterestContracts: [],
    openInterestUsd: [],
    basisUsd: [],
  };
  let contracts = cal.cmeStartOpenInterestContracts;
  let previous = tradingIndexes[0] ?? 0;
  for (const i of tradingIndexes) {
    const s = stepAt(i);
    contracts *= Math.exp(s.cmeOiDrift * Math.max(1, i - previous) + 0.015 * random.normal());
    previous = i;
    const premium = 1 + Math.max(-0.01, s.annualBasis + 0.015 * random.normal()) * (daysToExpiry(dates[i]!) / 365);
    const close = spot.close[i]! * premium;
    out.open.push(spot.open[i]! * premium);
    out.high.push(Math.max(spot.high[i]! * premium, close));
    out.low.push(Math.min(spot.low[i]! * premium, close));
    out.close.push(close);
    const activity = 0.7 + (0.6 * Math.abs(spot.logReturn[i]!)) / cal.baseDailyVol;
    out.volumeContracts.push(
      Math.round(0.6 * cal.cmeStartOpenInterestContracts * activity * Math.exp(0.3 * random.normal())),
    );
    out.openInterestContracts.push(Math.round(contracts));
    out.openInterestUsd.push(Math.round(contracts) * cal.cmeCoinsPerContract * close);
    out.basisUsd.push(close - spot.close[i]!);
  }
  return out;
}

/** Weekly COT reports (Tuesdays) built from the CME open interest in force on each Tuesday. */
export function simulateCot(
  asset: AnalysedAsset,
  dates: readonly string[],
  tradingIndexes: readonly number[],
  cme: CmeSeries,
  random: Random,
): CotReport[] {
  const cal = CALIBRATION[asset];
  const reports: CotReport[] = [];
  let k = -1;
  const firstWeekday = dates.length > 0 ? dayOfWeek(dates[0]!) : 0;
  for (let i = 0; i < dates.length; i++) {
    while (k + 1 < tradingIndexes.length && tradingIndexes[k + 1]! <= i) k++;
    if (k < 0 || (firstWeekday + i) % 7 !== 2) continue;
    const oi = cme.openInterestContracts[k]! * cal.cmeCoinsPerContract * COT_OI_OVER_FRONT;
    const part = (share: number): number => Math.round(oi * share * Math.exp(0.05 * random.normal()) * 10) / 10;
    reports.push({
      date: dates[i]!,
      openInterestCoins: Math.round(oi * 10) / 10,
      leveragedFundsLongCoins: part(0.12),
      leveragedFundsShortCoins: part(0.5),
      assetManagersLongCoins: part(0.3),
      assetManagersShortCoins: part(0.03),
      dealersLongCoins: part(0.16),
      dealersShortCoins: part(0.13),
    });
  }
  return reports;
}
