// THE rules of the phase judgment, in one readable place. Each rule is a condition on PhaseFacts
// that, when it holds, counts `weight` towards one phase; `null` means its input is missing, and
// the rule is then left out of that phase's score and reported as unused evidence.
// Thresholds are round numbers with the reason beside them; none is fitted to a particular date.
import type { PhaseLabel } from '../domain/analysis.js';
import type { PhaseFacts } from './facts.js';
import { formatSignedUsd } from '../format/money.js';
import { formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';

/** A drawdown this deep means a bear leg, not a dip (crypto dips of 10–15 % are routine). */
export const BEAR_DRAWDOWN = 0.2;
/** Within this of the peak the market is still "near the highs". */
export const NEAR_HIGH_DRAWDOWN = 0.1;
/** Topping is judged only while within this of the peak. */
export const TOPPING_MAX_DRAWDOWN = 0.15;
/** A 20-day fall this large is an active decline (≈ 1.5 monthly standard deviations of BTC). */
export const ACTIVE_DECLINE_RETURN_20D = -0.08;
/** "Holding": the 10-day move stays inside ±5 % (under one 10-day standard deviation). */
export const HOLDING_RETURN_10D = 0.05;
/** …and the close sits at least 3 % above the 20-day low (the low is not being retested). */
export const HOLDING_ABOVE_LOW = 0.03;
/** OI down this much in 30 days is deleveraging, not noise. */
export const DELEVERAGING_OI_30D = -0.1;
/** A de-risking wave that ended within this many days counts as "just ended". */
export const RECENT_WAVE_DAYS = 90;
/** Two positive weeks in a row is the desk's minimum for "persisting" inflows. */
export const PERSISTING_WEEKS = 2;

export interface PhaseRule {
  readonly id: string;
  readonly phase: PhaseLabel;
  readonly weight: number;
  /** The signal the rule reads, for the evidence list. */
  readonly signal: string;
  /** true / false when decidable, null when an input is missing. */
  test(f: PhaseFacts): boolean | null;
  /** A sentence citing the numbers (called only when test() is true). */
  text(f: PhaseFacts): string;
  /** The headline number of the evidence. */
  value(f: PhaseFacts): number | null;
  /** What the rule needs, named for the "could not use" list. */
  readonly needs: string;
}

// Text goes through src/format (one number style everywhere).
const pct = formatPercent;
const usdShort = formatSignedUsd;
const px = formatPrice;
const both = (a: unknown, b: unknown): boolean => a !== null && b !== null;

export const PHASE_RULES: readonly PhaseRule[] = [
  // ── trend decline ────────────────────────────────────────────────────────────
  {
    id: 'below-200d',
    phase: 'trend-decline',
    weight: 2,
    signal: 'trend',
    needs: 'close and 200-day average',
    test: (f) => (both(f.close, f.sma200) ? f.close! < f.sma200! : null),
    text: (f) => `${f.asset} ${px(f.close)} is below its 200-day average ${px(f.sma200)}`,
    value: (f) => f.close,
  },
  {
    id: 'below-50d',
    phase: 'trend-decline',
    weight: 1,
    signal: 'trend',
    needs: 'close and 50-day average',
    test: (f) => (both(f.close, f.sma50) ? f.close! < f.sma50! : null),
    text: (f) => `price ${px(f.close)} below the 50-day average ${px(f.sma50)}`,
    value: (f) => f.sma50,
  },
  {
    id: 'active-decline',
    phase: 'trend-decline',
    weight: 2,
    signal: 'trend',
    needs: '20 days of prices',
    test: (f) => (f.return20d === null ? null : f.return20d <= ACTIVE_DECLINE_RETURN_20D),
    text: (f) => `price fell ${pct(f.return20d)} over 20 days`,
    value: (f) => f.return20d,
  },
  {
    id: 'one-way-outflow',
    phase: 'trend-decline',
    weight: 2,
    signal: 'etfFlows',
    needs: 'ETF flows',
    test: (f) => (f.flowRegime === null ? null : f.flowRegime === 'one-way-outflow'),
    text: (f) =>
      `ETF flows one-way out: D = ${formatDecimal(f.flowDirectionality)}, ${f.flowOutflowDays ?? '?'} of ${f.flowDays ?? '?'} days outflow`,
    value: (f) => f.flowDirectionality,
  },
  {
    id: 'wave-under-way',
    phase: 'trend-decline',
    weight: 1.5,
    signal: 'waves',
    needs: 'waves',
    test: (f) => (f.wavesDecidable ? f.waves.some((w) => w.end === null) : null),
    text: (f) =>
      `de-risking still under way in ${f.waves
        .filter((w) => w.end === null)
        .map((w) => w.segment)
        .join(', ')}`,
    value: (f) => f.waves.filter((w) => w.end === null).length,
  },
  {
    id: 'deleveraging-with-price',
    phase: 'trend-decline',
    weight: 1,
    signal: 'positioning',
    needs: 'OI and price',
    test: (f) => (both(f.oiChange30d, f.return20d) ? f.oiChange30d! <= DELEVERAGING_OI_30D && f.return20d! < 0 : null),
    text: (f) => `OI ${pct(f.oiChange30d)} in 30 days while price keeps falling (${pct(f.return20d)} in 20 days)`,
    value: (f) => f.oiChange30d,
  },
  // ── bottoming ────────────────────────────────────────────────────────────────
  {
    id: 'deep-drawdown',
    phase: 'bottoming',
    weight: 1.5,
    signal: 'trend',
    needs: 'price history',
    test: (f) => (f.drawdownFromPeak === null ? null : f.drawdownFromPeak >= BEAR_DRAWDOWN),
    text: (f) => `${pct(f.drawdownFromPeak)} below the peak: a bear leg has run`,
    value: (f) => f.drawdownFromPeak,
  },
  {
    id: 'two-way-flows',
    phase: 'bottoming',
    weight: 2,
    signal: 'etfFlows',
    needs: 'ETF flows',
    test: (f) => (f.flowRegime === null ? null : f.flowRegime === 'two-way'),
    text: (f) =>
      `ETF flows two-way: D = ${formatDecimal(f.flowDirectionality)}, ${f.flowOutflowDays ?? '?'} of ${f.flowDays ?? '?'} days outflow`,
    value: (f) => f.flowDirectionality,
  },
  {
    id: 'oi-falling-price-holding',
    phase: 'bottoming',
    weight: 1.5,
    signal: 'positioning',
    needs: 'OI and price',
    test: (f) => (f.oiPriceDivergence === null ? null : f.oiPriceDivergence === 'oi-falling-price-holding'),
    text: (f) => `OI falling (${pct(f.oiChange30d)} in 30 days) while price holds: downside momentum weakening`,
    value: (f) => f.oiChange30d,
  },
  {
    id: 'price-holding',
    phase: 'bottoming',
    weight: 1.5,
    signal: 'trend',
    needs: '20 days of prices',
    test: (f) =>
      both(f.return10d, f.aboveLow20d)
        ? Math.abs(f.return10d!) < HOLDING_RETURN_10D && f.aboveLow20d! >= HOLDING_ABOVE_LOW
        : null,
    text: (f) => `price holding: ${pct(f.return10d)} in 10 days, ${pct(f.aboveLow20d)} above the 20-day low`,
    value: (f) => f.return10d,
  },
  {
    id: 'waves-ended',
    phase: 'bottoming',
    weight: 1.5,
    signal: 'waves',
    needs: 'waves',
    test: (f) =>
      !f.wavesDecidable || f.waves.length === 0
        ? null
        : f.waves.every((w) => w.end !== null) &&
          f.daysSinceWaveEnded !== null &&
          f.daysSinceWaveEnded <= RECENT_WAVE_DAYS,
    text: (f) => `no de-risking wave under way; the last ended ${f.daysSinceWaveEnded} days ago`,
    value: (f) => f.daysSinceWaveEnded,
  },
  {
    id: 'rebalancing-not-failure',
    phase: 'bottoming',
    weight: 0.5,
    signal: 'liquidity',
    needs: 'volume and ranges',
    test: (f) => (f.selloffType === null ? null : f.selloffType === 'position-rebalancing'),
    text: () => 'the sell-off was position rebalancing, not a liquidity failure',
    value: () => null,
  },
  // ── uptrend ──────────────────────────────────────────────────────────────────
  {
    id: 'above-200d',
    phase: 'uptrend',
    weight: 2,
    signal: 'trend',
    needs: 'close and 200-day average',
    test: (f) => (both(f.close, f.sma200) ? f.close! > f.sma200! : null),
    text: (f) => `${f.asset} ${px(f.close)} above its 200-day average ${px(f.sma200)}`,
    value: (f) => f.close,
  },
  {
    id: 'above-50d',
    phase: 'uptrend',
    weight: 1,
    signal: 'trend',
    needs: 'close and 50-day average',
    test: (f) => (both(f.close, f.sma50) ? f.close! > f.sma50! : null),
    text: (f) => `price above the 50-day average ${px(f.sma50)}`,
    value: (f) => f.sma50,
  },
  {
    id: 'averages-stacked',
    phase: 'uptrend',
    weight: 1,
    signal: 'trend',
    needs: '50- and 200-day averages',
    test: (f) => (both(f.sma50, f.sma200) ? f.sma50! > f.sma200! : null),
    text: (f) => `50-day average ${px(f.sma50)} above the 200-day ${px(f.sma200)}`,
    value: (f) => f.sma50,
  },
  {
    id: 'one-way-inflow',
    phase: 'uptrend',
    weight: 2,
    signal: 'etfFlows',
    needs: 'ETF flows',
    test: (f) => (f.flowRegime === null ? null : f.flowRegime === 'one-way-inflow'),
    text: (f) => `ETF flows one-way in: D = ${formatDecimal(f.flowDirectionality)}`,
    value: (f) => f.flowDirectionality,
  },
  {
    id: 'weekly-inflows-persist',
    phase: 'uptrend',
    weight: 1,
    signal: 'etfFlows',
    needs: 'weekly ETF flows',
    test: (f) => (f.consecutivePositiveWeeks === null ? null : f.consecutivePositiveWeeks >= PERSISTING_WEEKS),
    text: (f) => `${f.consecutivePositiveWeeks} positive ETF weeks in a row (last ${usdShort(f.lastWeekNetFlowUsd)})`,
    value: (f) => f.consecutivePositiveWeeks,
  },
  {
    id: 'near-high',
    phase: 'uptrend',
    weight: 1,
    signal: 'trend',
    needs: 'price history',
    test: (f) => (f.drawdownFromPeak === null ? null : f.drawdownFromPeak < NEAR_HIGH_DRAWDOWN),
    text: (f) => `only ${pct(f.drawdownFromPeak)} below the peak`,
    value: (f) => f.drawdownFromPeak,
  },
  // ── topping ──────────────────────────────────────────────────────────────────
  {
    id: 'still-near-high',
    phase: 'topping',
    weight: 1,
    signal: 'trend',
    needs: 'price history',
    test: (f) => (f.drawdownFromPeak === null ? null : f.drawdownFromPeak < TOPPING_MAX_DRAWDOWN),
    text: (f) => `${pct(f.drawdownFromPeak)} below the peak: still near the highs`,
    value: (f) => f.drawdownFromPeak,
  },
  {
    id: 'lost-50d-above-200d',
    phase: 'topping',
    weight: 1.5,
    signal: 'trend',
    needs: 'close and averages',
    test: (f) => (both(f.close, f.sma50) && f.sma200 !== null ? f.close! < f.sma50! && f.close! > f.sma200 : null),
    text: (f) => `price ${px(f.close)} lost the 50-day average ${px(f.sma50)} but holds the 200-day ${px(f.sma200)}`,
    value: (f) => f.close,
  },
  {
    id: 'inflows-fading',
    phase: 'topping',
    weight: 1.5,
    signal: 'etfFlows',
    needs: 'ETF flows and price history',
    test: (f) =>
      f.flowRegime === null || f.drawdownFromPeak === null
        ? null
        : f.flowRegime !== 'one-way-inflow' && f.drawdownFromPeak < TOPPING_MAX_DRAWDOWN,
    text: (f) =>
      `near the highs but ETF inflows have stopped being one-way (${f.flowRegime}, D = ${formatDecimal(f.flowDirectionality)})`,
    value: (f) => f.flowDirectionality,
  },
  {
    id: 'funding-hot',
    phase: 'topping',
    weight: 1,
    signal: 'positioning',
    needs: 'funding rate',
    test: (f) => (f.fundingRegime === null ? null : f.fundingRegime === 'overheated' || f.fundingRegime === 'elevated'),
    text: (f) => `funding ${f.fundingRegime}: ${pct(f.fundingAnnualised)} annualised carry`,
    value: (f) => f.fundingAnnualised,
  },
  {
    id: 'oi-rising-price-falling',
    phase: 'topping',
    weight: 1,
    signal: 'positioning',
    needs: 'OI and price',
    test: (f) => (f.oiPriceDivergence === null ? null : f.oiPriceDivergence === 'oi-rising-price-falling'),
    text: (f) => `OI rising (${pct(f.oiChange30d)} in 30 days) while price falls: late longs`,
    value: (f) => f.oiChange30d,
  },
];
