// Synthetic sell-off scenarios for the classifier tests: a seeded, noisy 400-day baseline (1.2 % daily
// moves, ±1 % ranges, 1 bn USD/day of volume, flat positions), then a 5-day fall of 3 % a day and 15
// calm days. The fall is planted as one of:
// - 'liquidity-failure': trading dries up (volume × 0.3) and ranges blow out (±7 %), long
//   liquidations spike to ~20× their median, positions and ETF holdings unchanged;
// - 'position-rebalancing': volume doubles, ranges stay normal, perp OI in coins falls 5 % a day,
//   ETFs see 0.3 bn USD of outflows a day and their holdings fall;
// - 'volume-up-failure': volume doubles, as in most real crises, while ranges blow out (±8 %) and
//   each day closes at its low and the next day's range sits above that close (a bounce off the bid).
// Every item is public at the next midnight UTC (knownAt = date + 1), COT reports on Saturdays.
import { addDays, dayOfWeek } from '../../src/domain/dates.js';
import type { CotWeek, DailyBar, DatedValue, FundFlow } from '../../src/domain/market-series.js';
import type { SelloffInputs } from '../../src/signals/selloff-context.js';
import { createRandom } from '../../src/sim/random.js';

export type PlantedKind = 'liquidity-failure' | 'position-rebalancing' | 'volume-up-failure';

export const BASELINE_DAYS = 400;
export const FALL_DAYS = 5;
const AFTER_DAYS = 15;
const AUM_USD = 100e9;

const nextMidnight = (date: string): string => `${addDays(date, 1)}T00:00:00.000Z`;

/** Inputs with a calm baseline from `start` and one planted fall of the given kind (see the header). */
export function plantedSelloff(kind: PlantedKind, start = '2024-01-01', seed = 1): SelloffInputs {
  const random = createRandom(seed);
  const spot: DailyBar[] = [];
  const oi: DatedValue[] = [];
  const liquidations: DatedValue[] = [];
  const flows: FundFlow[] = [];
  const aum: DatedValue[] = [];
  const holdings: DatedValue[] = [];
  const cot: CotWeek[] = [];
  let close = 100;
  let holdingsCoins = 1e6;
  for (let i = 0; i < BASELINE_DAYS + FALL_DAYS + AFTER_DAYS; i += 1) {
    const date = addDays(start, i);
    const knownAt = nextMidnight(date);
    const step = i - BASELINE_DAYS + 1; // 1..FALL_DAYS inside the fall
    const inFall = step >= 1 && step <= FALL_DAYS;
    const open = close;
    close = inFall ? close * 0.97 : close * Math.exp(0.012 * random.normal());
    const wick = (): number => Math.exp(0.01 * (0.3 + 0.5 * Math.abs(random.normal())));
    let high = Math.max(open, close) * wick();
    let low = Math.min(open, close) / wick();
    let volumeUsd = 1e9 * Math.exp(0.3 * random.normal());
    if (inFall && kind === 'liquidity-failure') {
      high = close * 1.07;
      low = close * 0.93;
      volumeUsd *= 0.3;
    } else if (inFall && kind === 'volume-up-failure') {
      // closes at its low; the range reaches back up to the previous close and beyond
      high = open * 1.08;
      low = close;
      volumeUsd *= 2;
    } else if (inFall) volumeUsd *= 2;
    spot.push({ date, open, high, low, close, volumeUsd, volumeUnits: null, knownAt });
    const cutting = kind === 'position-rebalancing' && step >= 1;
    const oiCoins = 3e8 * (cutting ? 1 - 0.05 * Math.min(step, FALL_DAYS) : 1) * Math.exp(0.01 * random.normal());
    oi.push({ date, value: (oiCoins * close) / 100, knownAt });
    const liq = 3e7 * Math.exp(0.5 * random.normal()) * (inFall ? (kind === 'position-rebalancing' ? 3 : 20) : 1);
    liquidations.push({ date, value: liq, knownAt });
    if (cutting && inFall) holdingsCoins *= 0.995;
    holdings.push({ date, value: holdingsCoins, knownAt });
    aum.push({ date, value: AUM_USD, knownAt });
    if (dayOfWeek(date) >= 1 && dayOfWeek(date) <= 5) {
      const flow = cutting && inFall ? -0.3e9 : 5e7 * random.normal();
      flows.push({
        date,
        fund: 'IBIT',
        issuer: 'BlackRock',
        netFlowUsd: flow,
        knownAt: `${addDays(date, 1)}T02:00:00.000Z`,
      });
    }
    if (dayOfWeek(date) === 2) {
      cot.push({
        date,
        openInterestCoins: 150_000 * (cutting ? 0.9 : 1),
        leveragedFundsNetCoins: -40_000,
        assetManagersNetCoins: 20_000,
        dealersNetCoins: 10_000,
        knownAt: `${addDays(date, 4)}T00:00:00.000Z`,
      });
    }
  }
  return {
    spot,
    openInterestUsd: oi,
    longLiquidationsUsd: liquidations,
    cot,
    etfFlows: flows,
    etfAumUsd: aum,
    etfHoldingsCoins: holdings,
  };
}

/** Index of the planted peak (the last baseline bar). */
export const PLANTED_PEAK_INDEX = BASELINE_DAYS - 1;
