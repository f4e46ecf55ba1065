// The cash/units ledger of one backtest run: fills orders at a bar's close with slippage on the price
// and a fee on the notional, and keeps the trade log and what trading cost. Cash never goes below
// zero and units never below zero (long-only, no leverage).
import type { PhaseLabel } from '../domain/analysis.js';
import type { BacktestTrade } from '../domain/backtest.js';

/** Trading costs in basis points: the fee on each fill's notional, slippage on its price. */
export interface TradingCosts {
  readonly feeBps: number;
  readonly slippageBps: number;
}

/** Fills smaller than this share of the starting cash are not made (rounding dust). */
const DUST_SHARE = 1e-9;

/**
 * A long-only ledger starting from `startCashUsd` in cash.
 *
 * Buy with `cashUsd`: fill price = close × (1 + slippage); notional = cashUsd / (1 + fee), so that
 * notional + fee = cashUsd; units = notional / fill price. Sell `units`: fill price = close ×
 * (1 − slippage); cash += units × price × (1 − fee). Example at 10 bps fee and 5 bps slippage, close
 * 100: spending 1,001 USD buys 1,000 / 100.05 = 9.995 units and pays a 1 USD fee.
 */
export class Ledger {
  cashUsd: number;
  units = 0;
  feesUsd = 0;
  slippageUsd = 0;
  /** Σ notional / equity before each fill: units of equity traded. */
  turnover = 0;
  boughtUnits = 0;
  /** Cash spent on the open position (fees included), reduced pro rata by sells; 0 when flat. */
  positionCostUsd = 0;
  boughtNotionalUsd = 0;
  readonly trades: BacktestTrade[] = [];
  private readonly fee: number;
  private readonly slip: number;
  private readonly dustUsd: number;

  constructor(
    readonly startCashUsd: number,
    costs: TradingCosts,
  ) {
    if (!(startCashUsd > 0 && Number.isFinite(startCashUsd)))
      throw new RangeError(`Ledger: startCashUsd is ${startCashUsd}: must be a positive number`);
    for (const [name, bps] of [
      ['feeBps', costs.feeBps],
      ['slippageBps', costs.slippageBps],
    ] as const)
      if (!(bps >= 0 && bps < 10_000)) throw new RangeError(`Ledger: ${name} is ${bps}: must be in [0, 10000)`);
    this.cashUsd = startCashUsd;
    this.fee = costs.feeBps / 10_000;
    this.slip = costs.slippageBps / 10_000;
    this.dustUsd = startCashUsd * DUST_SHARE;
  }

  /** Cash plus units at `close`. */
  equityAt(close: number): number {
    return this.cashUsd + this.units * close;
  }

  /** Spends up to `cashUsd` (capped at the cash held) at `close`; returns whether a fill was made. */
  buy(cashUsd: number, close: number, date: string, label: PhaseLabel, reason: string): boolean {
    const spend = Math.min(cashUsd, this.cashUsd);
    if (!(spend > this.dustUsd)) return false;
    const equityBefore = this.equityAt(close);
    const price = close * (1 + this.slip);
    const notional = spend / (1 + this.fee);
    const units = notional / price;
    const fee = spend - notional;
    this.cashUsd = spend === this.cashUsd ? 0 : this.cashUsd - spend;
    this.units += units;
    this.positionCostUsd += spend;
    this.record('buy', date, close, price, units, notional, fee, label, reason, equityBefore);
    this.boughtUnits += units;
    this.boughtNotionalUsd += notional;
    return true;
  }

  /** Sells `units` (capped at the units held) at `close`; returns whether a fill was made. */
  sell(units: number, close: number, date: string, label: PhaseLabel, reason: string): boolean {
    const sold = Math.min(units, this.units);
    if (!(sold * close > this.dustUsd)) return false;
    const equityBefore = this.equityAt(close);
    const price = close * (1 - this.slip);
    const notional = sold * price;
    const fee = notional * this.fee;
    this.positionCostUsd = sold === this.units ? 0 : this.positionCostUsd * (1 - sold / this.units);
    this.units = sold === this.units ? 0 : this.units - sold;
    this.cashUsd += notional - fee;
    this.record('sell', date, close, price, sold, notional, fee, label, reason, equityBefore);
    return true;
  }

  /**
   * Trades to hold `exposure` of equity (valued at `close`) in the asset: exposure 1 spends all cash,
   * 0 sells every unit; otherwise the difference in value is bought or sold.
   */
  target(exposure: number, close: number, date: string, label: PhaseLabel, reason: string): boolean {
    if (!(exposure >= 0 && exposure <= 1))
      throw new RangeError(`Ledger.target: exposure is ${exposure} on ${date}: must be in [0, 1]`);
    if (exposure === 0) return this.sell(this.units, close, date, label, reason);
    if (exposure === 1) return this.buy(this.cashUsd, close, date, label, reason);
    const held = this.units * close;
    const wanted = exposure * this.equityAt(close);
    if (wanted > held) return this.buy((wanted - held) * (1 + this.slip) * (1 + this.fee), close, date, label, reason);
    return this.sell((held - wanted) / close, close, date, label, reason);
  }

  private record(
    side: 'buy' | 'sell',
    date: string,
    close: number,
    price: number,
    units: number,
    notional: number,
    fee: number,
    label: PhaseLabel,
    reason: string,
    equityBefore: number,
  ): void {
    const slippage = units * Math.abs(price - close);
    this.feesUsd += fee;
    this.slippageUsd += slippage;
    if (equityBefore > 0) this.turnover += notional / equityBefore;
    const equityAfter = this.equityAt(close);
    this.trades.push({
      date,
      side,
      closeUsd: close,
      priceUsd: price,
      units,
      notionalUsd: notional,
      feeUsd: fee,
      slippageUsd: slippage,
      cashAfterUsd: this.cashUsd,
      unitsAfter: this.units,
      exposureAfter: equityAfter > 0 ? (this.units * close) / equityAfter : 0,
      label,
      reason,
    });
  }
}
