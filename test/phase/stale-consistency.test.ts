// One answer per figure when inputs go stale (issue 9): on the simulated market (seed 42) with the
// perp, CME and Strategy mNAV series cut two months before the as-of date, the positioning table's
// "leverage rebuilt without stress" is the checklist's (undecidable), the mNAV and perp-wave evidence
// is out of the judgment, and mNAV is named in the freshness list; with every input current the
// table and the checklist still give one answer, and the CME basis series ends on the table's figure.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import { addDays } from '../../src/domain/dates.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { positionsMeasureText } from '../../src/signals/sections/positioning-evidence.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

const AS_OF = '2026-03-31';
const CUT = addDays(AS_OF, -60);

/** The series with perp, CME and mNAV values after CUT dropped (their feeds stopped). */
function withStoppedFeeds(m: MarketSeries): MarketSeries {
  const upTo = <T extends { readonly date: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.date <= CUT);
  return {
    ...m,
    openInterestUsd: upTo(m.openInterestUsd),
    fundingRate8h: upTo(m.fundingRate8h),
    leverageRatio: upTo(m.leverageRatio),
    longLiquidationsUsd: upTo(m.longLiquidationsUsd),
    shortLiquidationsUsd: upTo(m.shortLiquidationsUsd),
    cme: upTo(m.cme),
    cmeBasisUsd: upTo(m.cmeBasisUsd),
    treasuries: m.treasuries.map((c) => ({ ...c, mnav: upTo(c.mnav) })),
  };
}

const leverageItem = (a: Analysis): { met: boolean; text: string } | undefined =>
  a.checklist.find((c) => c.id === 'leverage-rebuilt-without-stress');

let current: Analysis;
let stale: Analysis;

beforeAll(async () => {
  const sim = simulateMarket({ seed: 42 });
  const store = await openDuckDbStore(':memory:');
  await store.ingest([
    { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
  ]);
  const m = await loadMarketSeries(store, { asset: 'BTC', asOf: AS_OF });
  await store.close();
  current = analyzeSeries(m);
  stale = analyzeSeries(withStoppedFeeds(m));
}, 120_000);

describe('stale inputs: one answer, out of the judgment, named', () => {
  it('names Strategy mNAV in the freshness list, current when its feed runs and stale when it stopped', () => {
    expect(current.freshness.find((f) => f.input === 'mnav')?.stale).toBe(false);
    const mnav = stale.freshness.find((f) => f.input === 'mnav');
    expect(mnav?.stale).toBe(true);
    expect((mnav?.lastDate ?? '9999') <= CUT).toBe(true);
    expect(stale.freshness.filter((f) => f.stale).map((f) => f.input)).toEqual(
      expect.arrayContaining(['openInterestUsd', 'fundingRate8h', 'liquidations', 'cme', 'mnav']),
    );
  });

  it('gives the table and the checklist one answer for "leverage rebuilt without stress"', () => {
    expect(stale.signals.positioning.leverageRebuiltWithoutStress).toBeNull();
    expect(leverageItem(stale)?.text).toContain('not decidable');
    const now = current.signals.positioning.leverageRebuiltWithoutStress;
    expect(now).not.toBeNull();
    expect(leverageItem(current)?.met).toBe(now);
    // With the same figures: the positions measure and the recent spikes the decision reads.
    const p = current.signals.positioning;
    expect(leverageItem(current)?.text).toContain(`${positionsMeasureText(p)}, funding ${p.fundingRegime}`);
    expect(leverageItem(current)?.text).toMatch(
      new RegExp(`, ${p.liquidations.recentSpikeDates.length} recent liquidation spikes?$`),
    );
  });

  it('prices the CME position proxy with the spot close once the CME closes stop, not with the last one', () => {
    const proxy = (a: Analysis): number | null => a.signals.positioning.cme.positionProxyChange;
    // Frozen closes sign every weekly OI change 0; the spot close keeps the weeks' moves.
    expect(proxy(current)).not.toBe(0);
    expect(proxy(stale)).not.toBe(0);
    expect(Math.sign(proxy(stale)!)).toBe(Math.sign(proxy(current)!));
  });

  it('leaves mNAV and perp-wave evidence out of the judgment when their inputs are stale', () => {
    const signals = (a: Analysis): string[] => a.phase.evidence.map((e) => e.signal);
    expect(signals(current)).toContain('treasuries.strategyMnav');
    expect(signals(stale)).not.toContain('treasuries.strategyMnav');
    expect(signals(stale)).not.toContain('wave-perps');
    expect(signals(stale)).not.toContain('positioning.leverageRebuiltWithoutStress');
  });

  it('ends the CME annualised basis series on the figure the table shows', () => {
    const cme = current.signals.positioning.cme;
    expect(cme.annualisedBasisSeries.length).toBeGreaterThan(200);
    if (!cme.nearExpiry) expect(cme.annualisedBasisSeries.at(-1)?.value).toBeCloseTo(cme.annualisedBasis!, 12);
    // a fraction per year, not dollars: within ±100 % a year on the simulated market
    expect(cme.annualisedBasisSeries.every((p) => Math.abs(p.value) < 1)).toBe(true);
  });
});
