import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { DailyBar, DatedValue, FundFlow } from '../../src/domain/market-series.js';
import { visibleOn, type SelloffInputs } from '../../src/signals/selloff-context.js';
import {
  latestSelloffAsOf,
  selloffHistory,
  selloffsAsOf,
  selloffsAt,
  type SelloffRecord,
  classifySelloffs,
} from '../../src/signals/selloff-history.js';
import { createRandom } from '../../src/sim/random.js';
import { simulateMarket } from '../../src/sim/simulate-market.js';
import { plantedSelloff } from '../helpers/selloff-scenarios.js';
import { inputsFor } from '../helpers/sim-inputs.js';
import { seededNormal } from '../helpers/seeded-normal.js';

type Dated = { readonly date: string; readonly knownAt?: string };
const publicBy = (x: Dated, asOf: string): boolean => visibleOn(x.date, x.knownAt) <= asOf;

/** The inputs as they stood on `asOf`: only what was public by then. */
function cutAt(inputs: SelloffInputs, asOf: string): SelloffInputs {
  const keep = <T extends Dated>(xs: readonly T[]): T[] => xs.filter((x) => publicBy(x, asOf));
  return {
    spot: keep(inputs.spot),
    openInterestUsd: keep(inputs.openInterestUsd),
    longLiquidationsUsd: keep(inputs.longLiquidationsUsd),
    cot: keep(inputs.cot),
    etfFlows: keep(inputs.etfFlows),
    etfAumUsd: keep(inputs.etfAumUsd),
    etfHoldingsCoins: keep(inputs.etfHoldingsCoins),
  };
}

/** Every value not yet public on `asOf` multiplied by a random factor (bars: prices and volume). */
function perturbAfter(inputs: SelloffInputs, asOf: string, seed: number): SelloffInputs {
  const random = createRandom(seed);
  const f = (): number => Math.exp(0.3 * random.normal());
  const values = <T extends Dated & { readonly value: number }>(xs: readonly T[]): T[] =>
    xs.map((x) => (publicBy(x, asOf) ? x : { ...x, value: x.value * f() }));
  const spot: DailyBar[] = inputs.spot.map((b) => {
    if (publicBy(b, asOf)) return b;
    const k = f();
    return {
      ...b,
      high: b.high * k * 1.05,
      low: b.low * k * 0.95,
      close: b.close * k,
      volumeUsd: (b.volumeUsd ?? 1) * f(),
    };
  });
  return {
    spot,
    openInterestUsd: values(inputs.openInterestUsd),
    longLiquidationsUsd: values(inputs.longLiquidationsUsd),
    cot: inputs.cot.map((w) => (publicBy(w, asOf) ? w : { ...w, openInterestCoins: w.openInterestCoins * f() })),
    etfFlows: inputs.etfFlows.map((x) => (publicBy(x, asOf) ? x : { ...x, netFlowUsd: x.netFlowUsd * f() - 1e8 })),
    etfAumUsd: values(inputs.etfAumUsd),
    etfHoldingsCoins: values(inputs.etfHoldingsCoins),
  };
}

/** A planted rebalancing whose last two fall days then blow out (volume × 0.2, ranges ± 8 %). */
function lateFailure(): SelloffInputs {
  const inputs = plantedSelloff('position-rebalancing');
  const spot = inputs.spot.map((b, i) =>
    i === 403 || i === 404
      ? { ...b, high: b.close * 1.08, low: b.close * 0.92, volumeUsd: (b.volumeUsd ?? 0) * 0.1 }
      : b,
  );
  return { ...inputs, spot };
}

describe('point-in-time sell-off history', () => {
  it('classifies an episode on the first date its trigger bar is public', () => {
    const inputs = plantedSelloff('liquidity-failure');
    const [r] = selloffHistory(inputs).filter((x) => x.trigger >= '2025-02-04');
    // bars are public at the next midnight: the trigger bar of 2025-02-06 is first seen as of 02-07
    expect(r!.trigger).toBe('2025-02-06');
    expect(r!.classifiedOn).toBe('2025-02-07');
    expect(r!.readings[0]!.on).toBe('2025-02-07');
    expect(r!.readings[0]!.kind).toBe('classified');
    expect(r!.initialType).toBe('liquidity-failure');
    expect(r!.revisedOn).toBeNull();
    expect(r!.settledOn).not.toBeNull();
    // as of the day before, nothing was classified yet
    expect(latestSelloffAsOf([r!], '2025-02-06')).toBeNull();
    expect(latestSelloffAsOf([r!], '2025-02-07')!.type).toBe('liquidity-failure');
  });

  it('marks a change of label as a revision with its date, and never changes the label otherwise', () => {
    const [r] = selloffHistory(lateFailure()).filter((x) => x.trigger >= '2025-02-04');
    expect(r!.initialType).toBe('position-rebalancing');
    expect(r!.readings.at(-1)!.type).toBe('liquidity-failure');
    expect(r!.revisedOn).not.toBeNull();
    expect(r!.revisedOn! > r!.classifiedOn).toBe(true);
    // the blow-out days are 2025-02-07 and 02-08: the label can change only once they are public
    expect(r!.revisedOn! >= '2025-02-08').toBe(true);
    for (const [i, reading] of r!.readings.entries()) {
      if (i === 0) continue;
      const changed = reading.type !== r!.readings[i - 1]!.type;
      expect(reading.kind).toBe(changed ? 'revised' : 'updated');
    }
    const before = selloffsAsOf([r!], addDays(r!.revisedOn!, -1))[0]!;
    const after = selloffsAsOf([r!], r!.revisedOn!)[0]!;
    expect([before.type, before.revisedOn]).toEqual(['position-rebalancing', null]);
    expect([after.type, after.revisedOn, after.initialType]).toEqual([
      'liquidity-failure',
      r!.revisedOn,
      'position-rebalancing',
    ]);
  });
});

describe('no look-ahead', () => {
  let sim: SelloffInputs;
  let simHistory: SelloffRecord[];
  beforeAll(() => {
    sim = inputsFor(simulateMarket({ seed: 2 }).observations, 'BTC');
    simHistory = selloffHistory(sim);
  });

  it('the classification at D is unchanged when every input after D is perturbed', () => {
    const cases: [SelloffInputs, SelloffRecord[], string[]][] = [
      [
        lateFailure(),
        selloffHistory(lateFailure()),
        ['2025-02-06', '2025-02-07', '2025-02-08', '2025-02-09', '2025-02-12'],
      ],
      [sim, simHistory, simHistory.slice(-6).flatMap((r) => [r.classifiedOn, addDays(r.classifiedOn, 3)])],
    ];
    let compared = 0;
    for (const [inputs, history, dates] of cases) {
      for (const [k, asOf] of dates.entries()) {
        const perturbed = perturbAfter(inputs, asOf, 100 + k);
        const expected = JSON.stringify(selloffsAsOf(history, asOf));
        expect(JSON.stringify(selloffsAsOf(selloffHistory(perturbed), asOf))).toBe(expected);
        expect(JSON.stringify(selloffsAt(perturbed, asOf))).toBe(expected);
        compared += 1;
      }
    }
    expect(compared).toBe(17);
  });

  it('reading the history at D equals classifying the inputs cut at D', () => {
    const last = simHistory.at(-1)!.readings.at(-1)!.on;
    let dates = 0;
    for (let asOf = addDays(simHistory.at(-8)!.classifiedOn, -3); asOf <= last; asOf = addDays(asOf, 5)) {
      const expected = selloffsAsOf(simHistory, asOf);
      const cut = cutAt(sim, asOf);
      expect(selloffsAsOf(selloffHistory(cut), asOf)).toEqual(expected);
      expect(selloffsAt(cut, asOf)).toEqual(expected);
      expect(latestSelloffAsOf(simHistory, asOf)).toEqual(expected.at(-1) ?? null);
      dates += 1;
    }
    expect(dates).toBeGreaterThan(20);
  });
});

const days = (n: number, start = '2023-01-02'): string[] => Array.from({ length: n }, (_, i) => addDays(start, i));

describe('classifySelloffs is independent of input order', () => {
  it('classifySelloffs gives the same labels with ETF flows ascending or shuffled', () => {
    const z = seededNormal(21);
    let close = 30_000;
    const spot: DailyBar[] = days(700).map((date, i) => {
      close *= Math.exp(0.035 * z() - (i % 97 > 88 ? 0.03 : 0));
      return {
        date,
        open: close,
        high: close * (1 + 0.02 * Math.abs(z())),
        low: close * (1 - 0.02 * Math.abs(z())),
        close,
        volumeUsd: 2e10 * Math.exp(0.3 * z()),
        volumeUnits: null,
      };
    });
    const flows: FundFlow[] = spot.flatMap((b) => [
      { date: b.date, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 1e8 * z() },
      { date: b.date, fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: 5e7 * z() },
    ]);
    const oi: DatedValue[] = spot.map((b) => ({ date: b.date, value: 3e10 * Math.exp(0.05 * z()) }));
    const inputs = {
      spot,
      openInterestUsd: oi,
      longLiquidationsUsd: [],
      cot: [],
      etfFlows: flows,
      etfAumUsd: [{ date: '2023-01-01', value: 5e10 }],
      etfHoldingsCoins: [],
    };
    const sorted = classifySelloffs(inputs);
    expect(sorted.length).toBeGreaterThan(3);
    expect(sorted.some((s) => s.measures.etfNetFlowUsd !== null)).toBe(true);
    const shuffled = classifySelloffs({ ...inputs, etfFlows: [...flows].reverse() });
    expect(shuffled).toEqual(sorted);
  });
});
