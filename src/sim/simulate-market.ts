// The pure market generator: seed and dates in, every dataset the engine reads (as observations),
// the simulated events and the planted ground truth out. No I/O, no clock; same seed → same output.
import type { AnalysedAsset } from '../domain/assets.js';
import { ANALYSED_ASSETS } from '../domain/assets.js';
import { addDays, dateRange, isIsoDate, timestampOn } from '../domain/dates.js';
import type { MarketEvent } from '../domain/events.js';
import { cryptoDailyKnownAt } from '../domain/known-at.js';
import type { Observation } from '../domain/observation.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import { simulateCme, simulateCot, simulatePerp } from './derivatives.js';
import { simulateEtf } from './etf.js';
import type { GroundTruth } from './ground-truth.js';
import { simulateSpot } from './price-path.js';
import { createRandom } from '../signals/stats/seeded-random.js';
import { EVENT_AFTER_FLUSH, planSteps, stepIndexer, stepNamed } from './scenario.js';
import { simulateEquityEtfFlows, simulateSpy, simulateTreasury } from './treasury-equity.js';
import { addCryptoObservations, addEquityObservations, ObservationSink } from './to-observations.js';
import { buildTruth, type AssetSimulation } from './truth.js';

/** The last simulated day unless told otherwise (the seed episode's analysis date). */
export const DEFAULT_END_DATE = '2026-03-31';
export const DEFAULT_YEARS = 3;
/** Planted drawdown of the second decline (peak-to-trough of BTC daily closes). */
export const SECOND_DECLINE_DRAWDOWN = 0.25;
/** Bounds of the flush-day OI drop (fraction of the previous day's OI in USD). */
export const FLUSH_DROP_RANGE = { min: 0.22, max: 0.28 } as const;

export interface SimulateMarketOptions {
  /** PRNG seed (default 42). */
  readonly seed?: number;
  /** First simulated date; default: counted back from endDate. */
  readonly startDate?: string;
  /** Last simulated date (default DEFAULT_END_DATE); ignored when startDate is given. */
  readonly endDate?: string;
  /** Calendar days to simulate; overrides years. */
  readonly days?: number;
  /** Years to simulate (default 3; 365.25 days each). */
  readonly years?: number;
}

/** What the generator produces. */
export interface SimulatedMarket {
  readonly observations: Observation[];
  readonly events: MarketEvent[];
  readonly truth: GroundTruth;
}

function resolveDates(options: SimulateMarketOptions): string[] {
  const days = options.days ?? Math.round((options.years ?? DEFAULT_YEARS) * 365.25);
  if (!Number.isInteger(days) || days <= 0)
    throw new RangeError(`simulateMarket: days must be a positive integer, got ${days}`);
  for (const [name, d] of [
    ['startDate', options.startDate],
    ['endDate', options.endDate],
  ] as const) {
    if (d !== undefined && !isIsoDate(d))
      throw new RangeError(`simulateMarket: ${name} "${d}" is not a YYYY-MM-DD date`);
  }
  const start = options.startDate ?? addDays(options.endDate ?? DEFAULT_END_DATE, -(days - 1));
  return dateRange(start, addDays(start, days - 1));
}

const SIM_URL = 'https://tidemark.invalid/simulated';

/**
 * Generates the simulated market: BTC and ETH spot, perps, ETF flows per fund (Farside line-up, US
 * trading days), AUM, holdings, CME, basis, COT, Strategy, MSTR, SPY and equity-ETF flows, with
 * point-in-time knownAt, plus the events and ground truth. Default: seed 42, 3 years (1,096 days)
 * ending 2026-03-31. Throws a RangeError for bad dates or fewer days than the episode needs.
 * Example: simulateMarket({ seed: 7, years: 10 }) → ten years ending 2026-03-31, generic cycles first.
 */
export function simulateMarket(options: SimulateMarketOptions = {}): SimulatedMarket {
  const seed = options.seed ?? 42;
  const random = createRandom(seed);
  const dates = resolveDates(options);
  const steps = planSteps(dates.length, random);
  const flushIndex = stepNamed(steps, 'leverage-flush-decline').startIndex;
  const eventIndex =
    flushIndex + EVENT_AFTER_FLUSH.days + random.int(-EVENT_AFTER_FLUSH.jitter, EVENT_AFTER_FLUSH.jitter);
  const bottoming = stepNamed(steps, 'bottoming');
  const decisionIndex = bottoming.startIndex + 20 + random.int(-5, 5);
  const secondFrom = stepNamed(steps, 'second-decline').startIndex;
  const secondTo = stepNamed(steps, 'second-decline-end').endIndex - 1;
  const plan = { flushIndex, secondDecline: { from: secondFrom, to: secondTo, drawdown: SECOND_DECLINE_DRAWDOWN } };

  const spot = simulateSpot(steps, plan, random);
  const tradingIndexes = dates.flatMap((d, i) => (isUsTradingDay(d) ? [i] : []));
  const stepAt = stepIndexer(steps);
  const sink = new ObservationSink();
  const perAsset = {} as Record<AnalysedAsset, AssetSimulation>;
  const flushDrop = {} as Record<AnalysedAsset, number>;
  for (const asset of ANALYSED_ASSETS) {
    flushDrop[asset] = FLUSH_DROP_RANGE.min + (FLUSH_DROP_RANGE.max - FLUSH_DROP_RANGE.min) * random.uniform();
    const s = spot[asset];
    const perp = simulatePerp(asset, steps, s, flushIndex, flushDrop[asset], random);
    const etf = simulateEtf(asset, tradingIndexes, (i) => stepAt(i).flowRegime, s.close, random);
    const cme = simulateCme(asset, steps, dates, tradingIndexes, s, random);
    const cot = simulateCot(asset, dates, tradingIndexes, cme, random);
    addCryptoObservations(sink, asset, dates, { spot: s, perp, etf, cme, cot });
    perAsset[asset] = { spot: s, perp, etf, cme };
  }
  const treasury = simulateTreasury(steps, dates, tradingIndexes, spot.BTC, eventIndex, random);
  addEquityObservations(
    sink,
    dates,
    tradingIndexes,
    treasury,
    simulateSpy(tradingIndexes, random),
    simulateEquityEtfFlows(dates, random),
  );

  const events: MarketEvent[] = [
    {
      id: 'sim-leverage-flush',
      date: dates[flushIndex]!,
      kind: 'market',
      title: 'Simulated: leverage flush, record long liquidations across perps',
      sourceUrl: `${SIM_URL}/leverage-flush`,
      instruments: ['BTC', 'ETH'],
      knownAt: cryptoDailyKnownAt(dates[flushIndex]!),
    },
    {
      id: 'sim-index-exclusion-consultation',
      date: dates[eventIndex]!,
      kind: 'index',
      title: 'Simulated: index provider opens a consultation on excluding digital-asset treasury companies',
      sourceUrl: `${SIM_URL}/index-exclusion-consultation`,
      instruments: ['BTC', 'MSTR'],
      knownAt: timestampOn(dates[eventIndex]!, 0, 21),
    },
    {
      id: 'sim-index-exclusion-decision',
      date: dates[decisionIndex]!,
      kind: 'index',
      title: 'Simulated: index provider decides not to exclude digital-asset treasury companies',
      sourceUrl: `${SIM_URL}/index-exclusion-decision`,
      instruments: ['BTC', 'MSTR'],
      knownAt: timestampOn(dates[decisionIndex]!, 0, 21),
    },
  ];
  const truth = buildTruth({
    seed,
    dates,
    steps,
    tradingIndexes,
    perAsset,
    flushIndex,
    flushDrop,
    secondDecline: plan.secondDecline,
    events,
  });
  return { observations: sink.rows, events, truth };
}
