// The judgment replayed day by day on the simulator, scored against its planted ground truth,
// and a no-look-ahead check: analysing as of D equals analysing a store that holds only what was
// published by D. The planted labels name the scenario's steps (a "bottoming" step holds two-way
// flows while price already recovers); the judgment is tuned to hindsight dating (docs/judgment.md),
// so here it is scored on the side of the market each planted step is on: uptrend and bottoming
// steps are the bull side, trend-decline and topping the bear side.
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSED_ASSETS } from '../../src/domain/assets.js';
import { asOfCutoff, dateRange } from '../../src/domain/dates.js';
import { isUsTradingDay } from '../../src/domain/us-market-calendar.js';
import { analyzeStore } from '../../src/phase/analyze.js';
import { walkForward } from '../../src/phase/walk-forward.js';
import { simulateMarket, type SimulatedMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import type { Store } from '../../src/store/store.js';

let sim: SimulatedMarket;
let store: Store;

beforeAll(async () => {
  sim = simulateMarket({ seed: 42 });
  store = await openDuckDbStore(':memory:');
  await store.ingest([
    { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
  ]);
});

describe('phase judgment scored against the simulator', () => {
  for (const asset of ANALYSED_ASSETS) {
    it(`${asset}: walk-forward phase and flow-regime accuracy`, async () => {
      const full = await loadMarketSeries(store, { asset, asOf: sim.truth.endDate });
      // From day 260 on (the 200-day average needs history), every 5th trading day.
      const dates = dateRange(sim.truth.days[260]!.date, sim.truth.endDate)
        .filter(isUsTradingDay)
        .filter((_, i) => i % 5 === 0);
      const readings = walkForward(full, dates);
      const truth = new Map(sim.truth.days.map((d) => [d.date, d]));
      let phaseHits = 0;
      let sideHits = 0;
      const bullSide = (label: string): boolean => label === 'uptrend' || label === 'bottoming';
      let flowHits = 0;
      let flowDays = 0;
      const confusion: Record<string, Record<string, number>> = {};
      for (const r of readings) {
        const t = truth.get(r.date)!;
        const called = r.label ?? 'no-call'; // a day without a call counts as a miss
        if (t.phase === called) phaseHits++;
        if (r.label !== null && bullSide(t.phase) === bullSide(r.label)) sideHits++;
        (confusion[t.phase] ??= {})[called] = (confusion[t.phase]![called] ?? 0) + 1;
        if (r.flowRegime) {
          flowDays++;
          if (r.flowRegime === t.flowRegime[asset]) flowHits++;
        }
      }
      const phaseAccuracy = phaseHits / readings.length;
      const sideAccuracy = sideHits / readings.length;
      const flowAccuracy = flowHits / flowDays;
      console.log(
        `${asset} walk-forward on ${readings.length} days: side accuracy ${(sideAccuracy * 100).toFixed(1)}%, label ${(phaseAccuracy * 100).toFixed(1)}%, flow regime ${(flowAccuracy * 100).toFixed(1)}%; truth→called ${JSON.stringify(confusion)}`,
      );
      expect(sideAccuracy).toBeGreaterThanOrEqual(0.65);
      expect(flowAccuracy).toBeGreaterThanOrEqual(0.85);
      // The planted uptrend and decline steps are each called their own label on most of their days.
      for (const phase of ['uptrend', 'trend-decline'])
        expect(confusion[phase]?.[phase] ?? 0).toBeGreaterThan(
          Object.values(confusion[phase] ?? {}).reduce((a, b) => a + b, 0) / 2,
        );
    });
  }

  it('changes its side with the planted episode: bull side in the recovery, bear side in the second decline', async () => {
    const full = await loadMarketSeries(store, { asset: 'BTC', asOf: sim.truth.endDate });
    const mid = (name: string): string => {
      const p = sim.truth.phases.find((x) => x.name === name)!;
      const days = dateRange(p.start, p.end).filter(isUsTradingDay);
      return days[Math.floor(days.length * 0.7)]!;
    };
    const [d1, u, d2] = walkForward(full, [mid('etf-outflow-wave'), mid('recovery'), mid('second-decline')]);
    expect([d1?.label, u?.label, d2?.label]).toEqual(['trend-decline', 'uptrend', 'trend-decline']);
  });

  it('uses nothing published after the as-of date', async () => {
    const asOf = sim.truth.phases.find((p) => p.name === 'bottoming')!.start;
    const cutoff = asOfCutoff(asOf);
    const known = await openDuckDbStore(':memory:');
    await known.ingest([
      {
        provenance: { source: 'tidemark-sim', origin: 'test' },
        observations: sim.observations.filter((o) => o.knownAt < cutoff),
        events: sim.events.filter((e) => e.knownAt < cutoff),
      },
    ]);
    const fromFull = await analyzeStore(store, { asset: 'BTC', asOf });
    const fromKnown = await analyzeStore(known, { asset: 'BTC', asOf });
    expect(JSON.stringify(fromFull)).toBe(JSON.stringify(fromKnown));
    await known.close();
  });
});
