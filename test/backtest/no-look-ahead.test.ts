// No look-ahead: perturbing every input dated after day D (prices, flows, positioning, CME, COT,
// treasuries, events) leaves every decision on or before D unchanged, for every shipped strategy —
// and perturbing bar D itself (the close it fills at) leaves the orders of D unchanged. The replay
// and the strategies run on the simulator's default history.
import { beforeAll, describe, expect, it } from 'vitest';
import { backtestHistoryOfSeries, type BacktestHistory } from '../../src/backtest/load-backtest.js';
import { runStrategy } from '../../src/backtest/run-strategy.js';
import { shippedStrategy } from '../../src/backtest/strategy-kinds.js';
import { SHIPPED_STRATEGIES } from '../../src/domain/backtest.js';
import { addDays } from '../../src/domain/dates.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { createRandom } from '../../src/signals/stats/seeded-random.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

/** Every number of every item dated after `after` multiplied by its own random factor in [0.6, 1.4]. */
function perturbAfter(m: MarketSeries, after: string, seed: number): MarketSeries {
  const random = createRandom(seed);
  const shake = <T extends { readonly date: string }>(items: readonly T[]): T[] =>
    items.map((item) => {
      if (item.date <= after) return item;
      const factor = 0.6 + 0.8 * random.uniform();
      return Object.fromEntries(
        Object.entries(item).map(([k, v]) => [k, typeof v === 'number' && k !== 'coinsPerContract' ? v * factor : v]),
      ) as T;
    });
  // A bar's prices move together (high ≥ close ≥ low stays true).
  return {
    ...m,
    etfFlows: shake(m.etfFlows),
    etfAumUsd: shake(m.etfAumUsd),
    etfHoldingsCoins: shake(m.etfHoldingsCoins),
    spot: shake(m.spot),
    openInterestUsd: shake(m.openInterestUsd),
    fundingRate8h: shake(m.fundingRate8h),
    leverageRatio: shake(m.leverageRatio),
    longLiquidationsUsd: shake(m.longLiquidationsUsd),
    shortLiquidationsUsd: shake(m.shortLiquidationsUsd),
    cme: shake(m.cme),
    cmeBasisUsd: shake(m.cmeBasisUsd),
    cot: shake(m.cot),
    treasuries: m.treasuries.map((t) => ({ ...t, coinsHeld: shake(t.coinsHeld), mnav: shake(t.mnav) })),
    equityEtfFlowsUsd: shake(m.equityEtfFlowsUsd),
    treasuryStock: shake(m.treasuryStock),
    events: m.events.filter((e) => e.date <= after),
  };
}

const COSTS = { startCashUsd: 10_000, feeBps: 10, slippageBps: 5 };
let full: MarketSeries;
let D: string;

beforeAll(async () => {
  const sim = simulateMarket({ seed: 42 });
  const store = await openDuckDbStore(':memory:');
  await store.ingest([
    {
      provenance: { source: 'tidemark-sim', origin: 'no-look-ahead.test' },
      observations: sim.observations,
      events: sim.events,
    },
  ]);
  full = await loadMarketSeries(store, { asset: 'BTC', asOf: sim.truth.endDate, lookbackDays: 5000 });
  await store.close();
  // Inside the planted episode: after the bottoming step began, with trades on both sides of D.
  D = addDays(sim.truth.phases.find((p) => p.name === 'bottoming')!.start, 40);
}, 120_000);

function trades(history: BacktestHistory, id: (typeof SHIPPED_STRATEGIES)[number], from: string) {
  return runStrategy(history.market, shippedStrategy(id), { from, to: '2099-12-31' }, COSTS).trades;
}

describe('no look-ahead', () => {
  it('decisions on or before D do not change when every input after D is perturbed', () => {
    const original = backtestHistoryOfSeries(full);
    const perturbed = backtestHistoryOfSeries(perturbAfter(full, D, 11));
    const known = (h: BacktestHistory) => h.market.days.filter((d) => d.date <= D);
    expect(known(perturbed)).toEqual(known(original));
    let changedAfter = 0;
    let before = 0;
    for (const id of SHIPPED_STRATEGIES) {
      const a = trades(original, id, '2000-01-01');
      const b = trades(perturbed, id, '2000-01-01');
      expect(
        b.filter((t) => t.date <= D),
        id,
      ).toEqual(a.filter((t) => t.date <= D));
      before += a.filter((t) => t.date <= D).length;
      if (JSON.stringify(a.filter((t) => t.date > D)) !== JSON.stringify(b.filter((t) => t.date > D)))
        changedAfter += 1;
    }
    // The test can fail: decisions before D exist, and the perturbation changes what comes after.
    expect(before).toBeGreaterThan(5);
    expect(changedAfter).toBeGreaterThanOrEqual(3);
    const after = (h: BacktestHistory) => h.market.days.filter((d) => d.date > D).map((d) => d.knownClose);
    expect(after(perturbed)).not.toEqual(after(original));
  }, 120_000);

  it('the orders of day D do not change when bar D itself (the close they fill at) is perturbed', () => {
    const from = addDays(D, -120);
    const original = backtestHistoryOfSeries(full, undefined, from);
    const perturbed = backtestHistoryOfSeries(perturbAfter(full, addDays(D, -1), 12), undefined, from);
    for (const id of SHIPPED_STRATEGIES) {
      const a = trades(original, id, from).filter((t) => t.date <= D);
      const b = trades(perturbed, id, from).filter((t) => t.date <= D);
      const order = (t: (typeof a)[number]) => [t.date, t.side, t.reason];
      expect(b.map(order), id).toEqual(a.map(order));
      expect(
        b.filter((t) => t.date < D),
        id,
      ).toEqual(a.filter((t) => t.date < D));
    }
  }, 120_000);
});
