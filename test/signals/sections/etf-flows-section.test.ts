import { plantedEtfFlows } from '../../helpers/planted-etf-flows.js';
import { describe, expect, it } from 'vitest';
import { etfFlowsSection } from '../../../src/signals/sections/etf-flows-section.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';

describe('etfFlowsSection', () => {
  it('reads one-way outflow in December with evidence and change points, never past asOf', () => {
    const m = emptyMarketSeries({
      asOf: '2025-12-15',
      etfFlows: plantedEtfFlows(),
      etfAumUsd: [{ date: '2025-11-28', value: 120e9 }],
    });
    const s = etfFlowsSection(m, { window: 10 });
    expect(s.regime).toBe('one-way-outflow');
    expect(s.directionality).toBeLessThan(-0.6);
    expect(s.days).toBe(10);
    expect(s.windowTo).toBe('2025-12-15');
    expect(s.outflowDays).toBeGreaterThanOrEqual(9);
    expect(s.flowPctOfAum).toBeCloseTo((100 * s.netFlowUsd) / 120e9, 12);
    expect(s.issuers[0]!.issuer).toBe('BlackRock');
    expect(s.weeklyNetFlowsUsd.length).toBe(12);
    expect(s.weeklyNetFlowsUsd[s.weeklyNetFlowsUsd.length - 1]!.weekEnding).toBe('2025-12-19');
    expect(s.consecutivePositiveWeeks).toBe(0);
    // the planted switch on 2025-11-03 is found within a few trading days, using data up to then
    const hit = s.changePoints.find((d) => d >= '2025-11-03');
    expect(hit).toBeDefined();
    expect(hit! <= '2025-11-07').toBe(true);
    expect(s.evidence.find((e) => e.signal === 'etf-flow-regime')!.text).toMatch(
      /^10-day BTC ETF flows one-way out: D = −[01]\.\d\d .* of 10 days outflow/,
    );
    expect(s.evidence.find((e) => e.signal === 'etf-flow-regime')!.weight).toBe(-1);
    expect(s.availability).toEqual({ available: true, missing: [] });
    expect(s.regimeHistory!.length).toBeGreaterThan(0);
  });

  it('flipping every flow flips the regime', () => {
    const flipped = plantedEtfFlows().map((f) => ({ ...f, netFlowUsd: -f.netFlowUsd }));
    const s = etfFlowsSection(emptyMarketSeries({ asOf: '2025-12-15', etfFlows: flipped }));
    expect(s.regime).toBe('one-way-inflow');
  });

  it('reports missing flows instead of inventing them', () => {
    const s = etfFlowsSection(emptyMarketSeries());
    expect(s.regime).toBeNull();
    expect(s.directionality).toBeNull();
    expect(s.runsTest).toBeNull();
    expect(s.changePoints).toEqual([]);
    expect(s.evidence).toEqual([]);
    expect(s.availability.available).toBe(false);
    expect(s.availability.missing).toContain('etfFlows');
  });
});
