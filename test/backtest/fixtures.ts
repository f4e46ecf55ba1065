// Hand-made backtest markets: closes per calendar day and decision days with chosen facts.
import type { DailyBar } from '../../src/domain/market-series.js';
import { addDays } from '../../src/domain/dates.js';
import type { DecisionDay } from '../../src/backtest/decision-days.js';
import { backtestMarket, type BacktestMarket } from '../../src/backtest/market.js';
import type { PhaseLabel } from '../../src/domain/analysis.js';

/** A decision day with neutral facts; `over` sets what a test needs. */
export function day(date: string, label: PhaseLabel, over: Partial<DecisionDay> = {}): DecisionDay {
  return {
    date,
    label,
    confidence: 0.6,
    knownClose: null,
    sma50: null,
    sma200: null,
    nearestSupport: null,
    nearestResistance: null,
    checklist: {
      'weekly-etf-inflows-persisting': null,
      'etf-flows-not-one-way-out': null,
      'price-above-key-averages': null,
      'price-above-resistance': null,
      'leverage-rebuilt-without-stress': null,
      'no-derisking-wave-under-way': null,
    },
    consecutivePositiveWeeks: null,
    lastWeekNetFlowUsd: null,
    flowRegime: null,
    fundingRegime: null,
    liquidationSpike: null,
    waveUnderWay: null,
    daysSinceWaveEnded: null,
    ...over,
  };
}

/** Bars with these closes, one per calendar day from `start`, volume 1 coin each unless given. */
export function bars(closes: readonly number[], start = '2024-01-01', volumes?: readonly number[]): DailyBar[] {
  return closes.map((close, i) => ({
    date: addDays(start, i),
    open: close,
    high: close,
    low: close,
    close,
    volumeUsd: null,
    volumeUnits: volumes?.[i] ?? 1,
  }));
}

/** A market over `closes` whose decision days are `days` (their knownClose filled from the day before). */
export function market(
  closes: readonly number[],
  days: readonly DecisionDay[],
  volumes?: readonly number[],
): BacktestMarket {
  const b = bars(closes, '2024-01-01', volumes);
  const byDate = new Map(b.map((x, i) => [x.date, i]));
  const filled = days.map((d) => {
    const i = byDate.get(d.date) ?? 0;
    return d.knownClose === null && i > 0 ? { ...d, knownClose: b[i - 1]!.close } : d;
  });
  return backtestMarket({ asset: 'BTC', simulated: true, asOf: b.at(-1)!.date }, b, filled);
}

/** Every day of `closes` as a decision day with `label`. */
export function everyDay(closes: readonly number[], label: PhaseLabel | ((i: number) => PhaseLabel)): DecisionDay[] {
  return closes.map((_, i) => day(addDays('2024-01-01', i), typeof label === 'function' ? label(i) : label));
}
