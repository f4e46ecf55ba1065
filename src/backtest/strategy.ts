// What a strategy is to the backtest: given a decision day (what was known that day) and its book
// (cash and units), it returns an order or nothing. Strategies keep their own state in the closure
// `start` returns, one per run, and never see a price after the day's known close.
import type { DecisionDay } from './decision-days.js';

/** The strategy's own holdings before the day's order. */
export interface BookView {
  readonly cashUsd: number;
  readonly units: number;
  /** Cash spent on the open position, fees included (0 when flat): the position's cost basis. */
  readonly positionCostUsd: number;
}

/**
 * An order, filled at the decision day's close:
 * - target: hold `exposure` (a fraction in [0, 1]) of equity in the asset, trading the difference;
 * - buy: spend `cashUsd` (fee included; capped at the cash held);
 * - sell-all: close the position.
 */
export type Order =
  | { readonly kind: 'target'; readonly exposure: number; readonly reason: string }
  | { readonly kind: 'buy'; readonly cashUsd: number; readonly reason: string }
  | { readonly kind: 'sell-all'; readonly reason: string };

/** The plan's calendar, known before the run starts (no market data). */
export interface RunContext {
  /** Cash the run (or, after a stop, the restart) begins with. */
  readonly startCashUsd: number;
  /** The run's decision dates, ascending (US trading days with a close). */
  readonly decisionDates: readonly string[];
}

/** One decision: the day's order, or null to do nothing. */
export type Decider = (day: DecisionDay, book: BookView) => Order | null;

/** A strategy with its options in force. */
export interface Strategy {
  /** Shipped id or the user file's name. */
  readonly id: string;
  readonly title: string;
  /** The rules in one paragraph with the options in force (built through src/format). */
  readonly description: string;
  readonly user: boolean;
  /** A fresh decision function for one run. */
  start(context: RunContext): Decider;
}
