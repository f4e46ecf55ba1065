// Restated history is explicit: a past de-risking wave's start and confirmation date, and a past
// ETF-flow change point, do not move when the as-of date moves (issue: the ETF wave threshold used
// the latest AUM and BOCPD's prior came from a sliding window, so both moved).
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { sliceMarketSeries } from '../../src/domain/slice-market-series.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

let full: MarketSeries;
let end: string;

beforeAll(async () => {
  const sim = simulateMarket({ seed: 42 });
  const store = await openDuckDbStore(':memory:');
  await store.ingest([
    { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
  ]);
  end = sim.truth.endDate;
  full = await loadMarketSeries(store, { asset: 'BTC', asOf: end });
  await store.close();
}, 120_000);

describe('past readings do not move with the as-of date', () => {
  it('waves confirmed by an earlier date keep their start and confirmation later', () => {
    const dates = [addDays(end, -400), addDays(end, -250), addDays(end, -120), end];
    const readings = dates.map((d) => analyzeSeries(sliceMarketSeries(full, d)));
    let compared = 0;
    for (let i = 0; i < readings.length - 1; i += 1) {
      const later = readings.at(-1)!;
      for (const w of readings[i]!.waves) {
        if (w.end === null) continue;
        const same = later.waves.find((x) => x.segment === w.segment && x.start === w.start);
        expect(same, `${w.segment} wave from ${w.start} (as of ${dates[i]})`).toBeDefined();
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('ETF-flow change points found earlier are still found, with the same start, later', () => {
    const early = analyzeSeries(sliceMarketSeries(full, addDays(end, -150))).signals.etfFlows;
    const late = analyzeSeries(sliceMarketSeries(full, end)).signals.etfFlows;
    const lateStarts = new Map(late.changePoints.map((d, i) => [d, late.changePointStarts[i]]));
    const reportedLater = early.changePoints.filter((d) => d >= (late.changePoints[0] ?? end));
    for (const d of reportedLater)
      expect(lateStarts.get(d), `change point seen ${d}`).toBe(early.changePointStarts[early.changePoints.indexOf(d)]);
    expect(reportedLater.length).toBeGreaterThan(0);
  });
});
