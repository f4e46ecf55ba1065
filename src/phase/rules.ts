// THE rules of the phase judgment, in one readable place. The call is made in two steps:
// 1. the side of the market from the online price regime (signals/price-regime.ts), switched early
//    when a 10 % move against the regime is confirmed by the 50-day average;
// 2. within the bull side, topping when late longs pile into a falling price near the high; within
//    the bear side, bottoming when ETF flows turn two-way near the low of a deep fall while price holds.
// Each rule is a condition on PhaseFacts; `null` means an input is missing (the rule is listed as
// unused evidence). Every threshold below was chosen on the simulator and on BTC up to 2022-12-31
// only; docs/judgment.md gives each one's reason and how it was chosen.
import type { PhaseLabel } from '../domain/analysis.js';
import type { PhaseFacts } from './facts.js';

/**
 * The online regime's confirmation threshold (a move of 15 % from the regime's extreme). Chosen in
 * sample among 15/20/25 %: 15 % called the most days right on BTC 2017–2022 and the simulator.
 */
export const REGIME_THRESHOLD = 0.15;
/**
 * A move of 10 % against the regime switches the side early when the close is also on the other
 * side of its 50-day average (one confirming signal, so a 10 % dip inside a trend does not switch).
 */
export const EARLY_SWITCH_MOVE = 0.1;
/** Bottoming and topping are called only within 10 % of the regime's extreme (the hindsight zone's width). */
export const NEAR_EXTREME = 0.1;
/** Bottoming needs a deep fall first: 30 % below the peak (a bear leg, not a correction). */
export const BOTTOMING_MIN_DRAWDOWN = 0.3;
/** "Price holding": not down more than 5 % over 10 days (under one 10-day standard deviation of BTC). */
export const HOLDING_RETURN_10D = -0.05;
/** Two positive weeks in a row is the desk's minimum for "persisting" inflows (the checklist). */
export const PERSISTING_WEEKS = 2;

/** Fall from the bull regime's high (≥ 0), or null outside a bull regime. */
export function drawdownFromRegimeHigh(f: PhaseFacts): number | null {
  if (f.regime !== 'bull' || f.close === null || f.regimeExtremeClose === null || !(f.regimeExtremeClose > 0))
    return null;
  return Math.max(0, 1 - f.close / f.regimeExtremeClose);
}

/** Rise from the bear regime's low (≥ 0), or null outside a bear regime. */
export function riseFromRegimeLow(f: PhaseFacts): number | null {
  if (f.regime !== 'bear' || f.close === null || f.regimeExtremeClose === null || !(f.regimeExtremeClose > 0))
    return null;
  return Math.max(0, f.close / f.regimeExtremeClose - 1);
}

export interface PhaseRule {
  readonly id: string;
  /** The label the rule argues for. */
  readonly phase: PhaseLabel;
  /** The signal the rule reads, for the evidence list. */
  readonly signal: string;
  /** true / false when decidable, null when an input is missing. */
  test(f: PhaseFacts): boolean | null;
  /** What the rule needs, named for the "could not use" list. */
  readonly needs: string;
}

const both = (a: unknown, b: unknown): boolean => a !== null && b !== null;

/** The rules by id; judge.ts combines them (see the header). */
export const PHASE_RULES = {
  bullRegime: {
    id: 'bull-regime',
    phase: 'uptrend',
    signal: 'trend',
    needs: 'a price history with a 15 % move',
    test: (f) => (f.regime === null ? null : f.regime === 'bull'),
  },
  bearRegime: {
    id: 'bear-regime',
    phase: 'trend-decline',
    signal: 'trend',
    needs: 'a price history with a 15 % move',
    test: (f) => (f.regime === null ? null : f.regime === 'bear'),
  },
  earlyBear: {
    id: 'early-bear',
    phase: 'trend-decline',
    signal: 'trend',
    needs: 'the regime high and the 50-day average',
    test: (f) => {
      if (f.regime === 'bear') return false;
      const dd = drawdownFromRegimeHigh(f);
      return dd === null || f.sma50 === null ? null : dd >= EARLY_SWITCH_MOVE && f.close! < f.sma50;
    },
  },
  earlyBull: {
    id: 'early-bull',
    phase: 'uptrend',
    signal: 'trend',
    needs: 'the regime low and the 50-day average',
    test: (f) => {
      if (f.regime === 'bull') return false;
      const up = riseFromRegimeLow(f);
      return up === null || f.sma50 === null ? null : up >= EARLY_SWITCH_MOVE && f.close! > f.sma50;
    },
  },
  belowSma200: {
    id: 'below-200d',
    phase: 'trend-decline',
    signal: 'trend',
    needs: 'close and 200-day average',
    test: (f) => (both(f.close, f.sma200) ? f.close! < f.sma200! : null),
  },
  nearBearLow: {
    id: 'near-bear-low',
    phase: 'bottoming',
    signal: 'trend',
    needs: 'a bear regime',
    test: (f) => {
      if (f.regime === 'bull') return false;
      const up = riseFromRegimeLow(f);
      return up === null ? null : up < NEAR_EXTREME;
    },
  },
  deepDrawdown: {
    id: 'deep-drawdown',
    phase: 'bottoming',
    signal: 'trend',
    needs: 'price history',
    test: (f) => (f.drawdownFromPeak === null ? null : f.drawdownFromPeak >= BOTTOMING_MIN_DRAWDOWN),
  },
  twoWayFlows: {
    id: 'two-way-flows',
    phase: 'bottoming',
    signal: 'etfFlows',
    needs: 'ETF flows',
    test: (f) => (f.flowRegime === null ? null : f.flowRegime === 'two-way'),
  },
  priceHolding: {
    id: 'price-holding',
    phase: 'bottoming',
    signal: 'trend',
    needs: '10 days of prices',
    test: (f) => (f.return10d === null ? null : f.return10d > HOLDING_RETURN_10D),
  },
  nearBullHigh: {
    id: 'near-bull-high',
    phase: 'topping',
    signal: 'trend',
    needs: 'a bull regime',
    test: (f) => {
      if (f.regime === 'bear') return false;
      const dd = drawdownFromRegimeHigh(f);
      return dd === null ? null : dd < NEAR_EXTREME;
    },
  },
  lateLongs: {
    id: 'oi-rising-price-falling',
    phase: 'topping',
    signal: 'positioning',
    needs: 'perp OI and price',
    test: (f) => (f.oiPriceDivergence === null ? null : f.oiPriceDivergence === 'oi-rising-price-falling'),
  },
} as const satisfies Record<string, PhaseRule>;

/** The rules that must all hold for a bottoming call (within the bear side). */
export const BOTTOMING_RULES: readonly PhaseRule[] = [
  PHASE_RULES.nearBearLow,
  PHASE_RULES.deepDrawdown,
  PHASE_RULES.twoWayFlows,
  PHASE_RULES.priceHolding,
];
/** The rules that must all hold for a topping call (within the bull side). */
export const TOPPING_RULES: readonly PhaseRule[] = [PHASE_RULES.nearBullHigh, PHASE_RULES.lateLongs];
