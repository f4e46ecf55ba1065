import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/backtest/ledger.js';

describe('Ledger', () => {
  it('fills a buy at close × (1 + slippage) with the fee inside the cash spent (hand-computed)', () => {
    const ledger = new Ledger(1001, { feeBps: 10, slippageBps: 5 });
    expect(ledger.buy(1001, 100, '2024-01-01', 'bottoming', 'test')).toBe(true);
    const t = ledger.trades[0]!;
    // notional = 1001 / 1.001 = 1000; price 100.05; units 9.99500…; fee 1.
    expect(t.notionalUsd).toBeCloseTo(1000, 10);
    expect(t.priceUsd).toBeCloseTo(100.05, 12);
    expect(t.units).toBeCloseTo(1000 / 100.05, 12);
    expect(t.feeUsd).toBeCloseTo(1, 10);
    expect(t.slippageUsd).toBeCloseTo((1000 / 100.05) * 0.05, 12);
    expect(ledger.cashUsd).toBe(0);
    expect(t.exposureAfter).toBe(1);
    expect(ledger.positionCostUsd).toBeCloseTo(1001, 10);
  });

  it('fills a sell at close × (1 − slippage) and takes the fee from the proceeds', () => {
    const ledger = new Ledger(1000, { feeBps: 10, slippageBps: 5 });
    ledger.buy(1000, 100, '2024-01-01', 'uptrend', 'in');
    const units = ledger.units;
    ledger.sell(units / 2, 120, '2024-01-02', 'topping', 'half');
    const t = ledger.trades[1]!;
    expect(t.priceUsd).toBeCloseTo(120 * 0.9995, 12);
    expect(t.notionalUsd).toBeCloseTo((units / 2) * 120 * 0.9995, 9);
    expect(ledger.cashUsd).toBeCloseTo(t.notionalUsd * 0.999, 9);
    expect(ledger.units).toBeCloseTo(units / 2, 12);
    expect(ledger.positionCostUsd).toBeCloseTo(500, 9);
    expect(t.exposureAfter).toBeCloseTo(((units / 2) * 120) / (ledger.cashUsd + (units / 2) * 120), 12);
  });

  it('trades to a target share of equity and never below zero cash or units', () => {
    const ledger = new Ledger(1000, { feeBps: 0, slippageBps: 0 });
    ledger.target(0.5, 100, '2024-01-01', 'bottoming', 'half');
    expect(ledger.units).toBeCloseTo(5, 12);
    expect(ledger.cashUsd).toBeCloseTo(500, 12);
    ledger.target(0.25, 200, '2024-01-02', 'topping', 'quarter'); // equity 1,500 → hold 375 = 1.875 units
    expect(ledger.units).toBeCloseTo(1.875, 12);
    ledger.target(1, 200, '2024-01-03', 'uptrend', 'all');
    expect(ledger.cashUsd).toBe(0);
    expect(ledger.target(1, 200, '2024-01-04', 'uptrend', 'again')).toBe(false);
    ledger.target(0, 50, '2024-01-05', 'trend-decline', 'out');
    expect(ledger.units).toBe(0);
    expect(ledger.buy(10, 50, '2024-01-06', 'uptrend', 'x')).toBe(true);
    expect(() => ledger.target(1.5, 50, '2024-01-07', 'uptrend', 'x')).toThrow(/exposure is 1.5 on 2024-01-07/);
    expect(() => new Ledger(0, { feeBps: 0, slippageBps: 0 })).toThrow(/startCashUsd is 0/);
  });
});
