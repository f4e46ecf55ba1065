// Flow detectors scored against the simulator's planted truth: ETF regime accuracy, change-point
// detection delay, and the order of the de-risking waves. Scores are printed and bounded below.
import { describe, expect, it } from 'vitest';
import { addDays, asOfCutoff, daysBetween } from '../../../src/domain/dates.js';
import type { CmeDay, DailyBar, DatedValue, FundFlow, MarketSeries } from '../../../src/domain/market-series.js';
import { dailyFlowTotals } from '../../../src/signals/daily-flow-totals.js';
import { etfFlowRegimeHistory } from '../../../src/signals/etf-flow-regime.js';
import { onlineChangePoints } from '../../../src/signals/online-change-points.js';
import { wavesSection } from '../../../src/signals/sections/waves-section.js';
import { simulateMarket, type SimulatedMarket } from '../../../src/sim/simulate-market.js';
import { FUNDS } from '../../../src/domain/etf-funds.js';
import { COINS_PER_CONTRACT } from '../../../src/domain/cme-contracts.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';

/** Small adapter: the simulator's BTC observations known by asOf → MarketSeries (only what these signals read). */
function toMarketSeries(sim: SimulatedMarket, asOf: string): MarketSeries {
  const cutoff = asOfCutoff(asOf);
  const obs = sim.observations.filter((o) => o.asset === 'BTC' && o.knownAt < cutoff && o.date <= asOf);
  const issuerOf = new Map(FUNDS.filter((f) => f.asset === 'BTC').map((f) => [f.ticker, f.issuer]));
  const etfFlows: FundFlow[] = [];
  const aum = new Map<string, number>();
  const openInterestUsd: DatedValue[] = [];
  const spot = new Map<string, Record<string, number>>();
  const cme = new Map<string, Record<string, number>>();
  for (const o of obs) {
    if (o.dataset === 'etf-flows')
      etfFlows.push({ date: o.date, fund: o.key, issuer: issuerOf.get(o.key) ?? o.key, netFlowUsd: o.value });
    else if (o.dataset === 'etf-aum') aum.set(o.date, (aum.get(o.date) ?? 0) + o.value);
    else if (o.dataset === 'perp' && o.field === 'openInterestUsd')
      openInterestUsd.push({ date: o.date, value: o.value });
    else if (o.dataset === 'spot') spot.set(o.date, { ...spot.get(o.date), [o.field]: o.value });
    else if (o.dataset === 'cme') cme.set(o.date, { ...cme.get(o.date), [o.field]: o.value });
  }
  const byDate = <T extends { date: string }>(xs: T[]): T[] =>
    xs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const bar = (date: string, r: Record<string, number>): DailyBar => ({
    date,
    open: r.open ?? Number.NaN,
    high: r.high ?? Number.NaN,
    low: r.low ?? Number.NaN,
    close: r.close ?? Number.NaN,
    volumeUsd: r.volumeUsd ?? null,
    volumeUnits: r.volumeCoins ?? r.volumeContracts ?? null,
  });
  return emptyMarketSeries({
    asOf,
    simulated: true,
    etfFlows: byDate(etfFlows),
    etfAumUsd: byDate([...aum].map(([date, value]) => ({ date, value }))),
    openInterestUsd: byDate(openInterestUsd),
    spot: byDate([...spot].map(([date, r]) => bar(date, r))),
    cme: byDate(
      [...cme].map(([date, r]): CmeDay => ({
        ...bar(date, r),
        openInterestContracts: r.openInterestContracts ?? null,
        coinsPerContract: COINS_PER_CONTRACT['BTC/front'],
      })),
    ),
  });
}

describe('flow detectors against the simulator (BTC)', () => {
  const seeds = [42, 7, 2024];
  const sims = seeds.map((seed) => simulateMarket({ seed }));

  it('ETF flow regime matches the planted regime', () => {
    let hits = 0;
    let total = 0;
    let steadyHits = 0;
    let steadyTotal = 0;
    for (const sim of sims) {
      const m = toMarketSeries(sim, sim.truth.endDate);
      const daily = dailyFlowTotals(m.etfFlows);
      const history = etfFlowRegimeHistory(daily, { window: 10 });
      const truthOf = new Map(sim.truth.days.map((d) => [d.date, d.flowRegime.BTC]));
      const changes = sim.truth.flowChangePoints.BTC;
      const tradingIndex = new Map(daily.map((d, i) => [d.date, i]));
      for (const h of history) {
        const planted = truthOf.get(h.date);
        if (!planted) continue;
        total++;
        if (h.regime === planted) hits++;
        // "steady": at least 10 trading days since the last planted change (the window is all one regime)
        const i = tradingIndex.get(h.date)!;
        const lastChange = changes.filter((c) => c <= h.date).at(-1);
        if (lastChange === undefined || i - (tradingIndex.get(lastChange) ?? 0) >= 10) {
          steadyTotal++;
          if (h.regime === planted) steadyHits++;
        }
      }
    }
    const accuracy = hits / total;
    const steady = steadyHits / steadyTotal;
    console.log(
      `regime accuracy ${(accuracy * 100).toFixed(1)} % of ${total} trading days; ${(steady * 100).toFixed(1)} % of ${steadyTotal} steady days`,
    );
    // measured (seeds 42, 7, 2024): 96.1 % overall, 100 % on steady days
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
    expect(steady).toBeGreaterThanOrEqual(0.95);
  });

  it('BOCPD finds the planted flow change points with a short delay', () => {
    const delays: number[] = [];
    let planted = 0;
    let falseAlarms = 0;
    let days = 0;
    for (const sim of sims) {
      const daily = dailyFlowTotals(toMarketSeries(sim, sim.truth.endDate).etfFlows);
      const cps = onlineChangePoints(
        daily.map((d) => d.value),
        { expectedRunLength: 120 },
      ).changePoints;
      const idx = new Map(daily.map((d, i) => [d.date, i]));
      const plantedAt = sim.truth.flowChangePoints.BTC.map((c) => idx.get(c)).filter(
        (i): i is number => i !== undefined,
      );
      falseAlarms += cps.filter((p) => !plantedAt.some((at) => p.detectedAt >= at && p.detectedAt - at <= 20)).length;
      days += daily.length;
      for (const c of sim.truth.flowChangePoints.BTC) {
        const at = idx.get(c);
        if (at === undefined || at < 25) continue;
        planted++;
        const hit = cps.find((p) => p.detectedAt >= at && p.detectedAt - at <= 20);
        if (hit) delays.push(hit.detectedAt - at);
      }
    }
    const rate = delays.length / planted;
    const meanDelay = delays.reduce((a, b) => a + b, 0) / Math.max(1, delays.length);
    console.log(
      `change points: ${delays.length}/${planted} detected within 20 trading days, mean delay ${meanDelay.toFixed(1)}, max ${Math.max(...delays)}; ${falseAlarms} other detections in ${days} trading days`,
    );
    // measured (seeds 42, 7, 2024): 11/18, mean delay 4.4, 42 other detections — the simulated flows are
    // autocorrelated, which the iid Gaussian model reads as extra regime changes.
    expect(rate).toBeGreaterThanOrEqual(0.5);
    expect(meanDelay).toBeLessThanOrEqual(8);
    expect(falseAlarms / days).toBeLessThanOrEqual(0.03);
  });

  it('waves: the flush is found on its day, ETF holders follow, and the episode order is perps first', () => {
    let orderHits = 0;
    let spuriousPerps = 0;
    for (const sim of sims) {
      const truth = sim.truth.waves.filter((w) => w.asset === 'BTC');
      const perps = truth.find((t) => t.segment === 'perps')!;
      const etfTruth = truth.find((t) => t.segment === 'etf')!;
      // Read the episode as it stood 10 days after the first ETF wave ended (point-in-time).
      const asOf = addDays(etfTruth.end, 10);
      const w = wavesSection(toMarketSeries(sim, asOf));
      const found = w.waves.find(
        (x) => x.segment === 'perps' && Math.abs(daysBetween(perps.start, x.confirmedOn)) <= 3,
      );
      const etfFound = w.waves.find(
        (x) => x.segment === 'etf' && x.confirmedOn >= etfTruth.start && x.confirmedOn <= etfTruth.end,
      );
      spuriousPerps += w.waves.filter((x) => x.segment === 'perps' && x !== found).length;
      if (w.order[0] === 'perps' && w.order.includes('etf')) orderHits++;
      console.log(
        `seed ${sim.truth.seed} as of ${asOf}: truth ${truth.map((t) => `${t.segment} ${t.start}`).join(', ')} | order ${w.order.join('>')} lags ${w.leadLagDays.map((l) => `${l.follower}+${l.days}d`).join(' ')}`,
      );
      expect(found).toBeDefined();
      expect(etfFound).toBeDefined();
      expect(etfFound!.confirmedOn > found!.confirmedOn).toBe(true);
    }
    console.log(
      `wave order perps-first in ${orderHits}/${sims.length} seeds; ${spuriousPerps} perp waves outside the planted flush (simulated OI noise)`,
    );
    expect(orderHits).toBe(sims.length);
  });
});
