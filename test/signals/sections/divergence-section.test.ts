// The divergence section: crypto ETF flows against equity ETF flows at the equity cadence.
import { plantedEtfFlows } from '../../helpers/planted-etf-flows.js';
import { describe, expect, it } from 'vitest';
import { divergenceSection } from '../../../src/signals/sections/divergence-section.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';

describe('divergenceSection', () => {
  it('uses the equity cadence and names selective crypto de-risking', () => {
    const m = emptyMarketSeries({
      asOf: '2025-12-31',
      etfFlows: plantedEtfFlows(),
      equityEtfFlowsUsd: [
        { date: '2025-09-30', value: 40e9 },
        { date: '2025-10-31', value: 60e9 },
        { date: '2025-11-30', value: 96e9 },
        { date: '2025-12-31', value: 235e9 },
      ],
    });
    const s = divergenceSection(m);
    expect(s.kind).toBe('selective-crypto-derisking');
    expect(s.periodTo).toBe('2025-12-31');
    expect(s.cadenceDays).toBe(31);
    expect(s.selectiveStreak).toBe(2);
    expect(s.history.map((h) => h.kind)).toEqual([
      'broad-risk-on',
      'selective-crypto-derisking',
      'selective-crypto-derisking',
    ]);
    expect(s.evidence[0]!.weight).toBeLessThan(0);
    expect(divergenceSection(emptyMarketSeries()).availability.missing).toContain('equityEtfFlowsUsd');
  });
});
