// Late items (published after a later-dated item): found, removed exactly while unknown, and the
// replay reads the days they block from one history per run of days instead of a rebuild per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceMarketSeries } from '../../src/domain/slice-market-series.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { factsAt } from '../../src/phase/facts-at.js';
import { judgePhase } from '../../src/phase/judge.js';
import { epochKey, lateItems, lateItemsUnknownAt, withoutItems } from '../../src/phase/late-items.js';
import { phaseInputs } from '../../src/phase/phase-inputs.js';
import { replayPhases } from '../../src/phase/replay.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore, type DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import { emptyMarketSeries } from '../helpers/market-series.js';

const day = (date: string, knownAt?: string): { date: string; value: number; knownAt?: string } =>
  knownAt === undefined ? { date, value: 1 } : { date, value: 1, knownAt };

describe('lateItems', () => {
  const base = {
    fundingRate8h: [
      day('2026-01-01', '2026-01-02T00:00:00.000Z'),
      day('2026-01-02', '2026-01-09T00:00:00.000Z'), // late: known after 01-03 and 01-04
      day('2026-01-03', '2026-01-04T00:00:00.000Z'),
      day('2026-01-04', '2026-01-05T00:00:00.000Z'),
    ],
  };
  const m: MarketSeries = emptyMarketSeries({ asOf: '2026-01-10', ...base });

  it('finds the item published after a later-dated one, and only it', () => {
    expect(lateItems(m).map((i) => [i.field, i.index])).toEqual([['fundingRate8h', 1]]);
  });

  it('lacks it from its date until the day before its publication', () => {
    const late = lateItems(m);
    expect(lateItemsUnknownAt(late, '2026-01-01')).toHaveLength(0);
    expect(lateItemsUnknownAt(late, '2026-01-02')).toHaveLength(1);
    expect(lateItemsUnknownAt(late, '2026-01-07')).toHaveLength(1);
    // Known as of 2026-01-08: the cut-off is 2026-01-09T00:00Z and publication must be before it — not yet.
    expect(lateItemsUnknownAt(late, '2026-01-08')).toHaveLength(1);
    expect(lateItemsUnknownAt(late, '2026-01-09')).toHaveLength(0);
    expect(epochKey(lateItemsUnknownAt(late, '2026-01-03'))).toBe('fundingRate8h:1');
  });

  it('removes exactly the given items', () => {
    const out = withoutItems(m, lateItems(m));
    expect(out.fundingRate8h.map((d) => d.date)).toEqual(['2026-01-01', '2026-01-03', '2026-01-04']);
    expect(out.spot).toBe(m.spot);
  });
});

describe('replay with a late ETF flow cell (simulator)', () => {
  let store: DuckDbStore;
  let full: MarketSeries;
  let blocked: string[];

  beforeAll(async () => {
    const sim = simulateMarket({ seed: 42 });
    store = await openDuckDbStore(':memory:');
    await store.ingest([
      {
        provenance: { source: 'tidemark-sim', origin: 'late-items.test' },
        observations: sim.observations,
        events: sim.events,
      },
    ]);
    const loaded = await loadMarketSeries(store, { asset: 'BTC', asOf: sim.truth.endDate, lookbackDays: 5000 });
    // One fund's cell at 60 % of the flow history first seen 30 days later (as a later snapshot would show it).
    const i = Math.floor(loaded.etfFlows.length * 0.6);
    const cell = loaded.etfFlows[i]!;
    const seen = `${sim.truth.days.find((d) => d.date > cell.date && d.date >= addDaysIso(cell.date, 30))!.date}T00:00:00.000Z`;
    full = { ...loaded, etfFlows: loaded.etfFlows.map((f, j) => (j === i ? { ...f, knownAt: seen } : f)) };
    blocked = sim.truth.days
      .map((d) => d.date)
      .filter((d) => d >= cell.date && d < seen.slice(0, 10))
      .filter((_, k) => k % 3 === 0);
  }, 120_000);
  afterAll(async () => store.close());

  it('reads every blocked day without a rebuild, as the single-date slice does', () => {
    expect(blocked.length).toBeGreaterThan(5);
    expect(factsAt(phaseInputs(full, { selloffHistory: true }), blocked[1]!)).toBeNull();
    const replay = replayPhases(full, blocked);
    expect(replay.rebuiltDays).toBe(0);
    expect(replay.lateItemEpochs).toBe(1);
    for (const d of replay.days) {
      const exact = factsAt(phaseInputs(sliceMarketSeries(full, d.date)), d.date)!;
      const judged = judgePhase(exact);
      expect({ date: d.date, label: d.label, confidence: d.confidence, flows: d.facts.flowRegime }).toEqual({
        date: d.date,
        label: judged.label,
        confidence: judged.confidence,
        flows: exact.flowRegime,
      });
    }
  }, 120_000);
});

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
