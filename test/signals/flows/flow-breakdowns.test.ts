import { describe, expect, it } from 'vitest';
import { dailyFlowTotals } from '../../../src/signals/daily-flow-totals.js';
import { divergenceKind, flowDivergencePeriods } from '../../../src/signals/flow-divergence.js';
import { flowPctOfAum } from '../../../src/signals/flow-pct-of-aum.js';
import { issuerBreakdown } from '../../../src/signals/issuer-breakdown.js';
import { consecutivePositiveWeeks, fridayOnOrAfter, weeklyNetFlows } from '../../../src/signals/weekly-net-flows.js';

const flow = (date: string, fund: string, issuer: string, netFlowUsd: number) => ({ date, fund, issuer, netFlowUsd });

describe('daily totals, weekly flows, issuers, % of AUM', () => {
  const flows = [
    flow('2026-01-05', 'IBIT', 'BlackRock', 600e6),
    flow('2026-01-05', 'FBTC', 'Fidelity', 97.2e6),
    flow('2026-01-06', 'IBIT', 'BlackRock', -100e6),
    flow('2026-01-06', 'GBTC', 'Grayscale', -143.2e6),
    flow('2026-01-12', 'IBIT', 'BlackRock', 50e6),
  ];

  it('sums per day and cuts at asOf', () => {
    expect(dailyFlowTotals(flows)).toEqual([
      { date: '2026-01-05', value: 697.2e6 },
      { date: '2026-01-06', value: -243.2e6 },
      { date: '2026-01-12', value: 50e6 },
    ]);
    expect(dailyFlowTotals(flows, '2026-01-06')).toHaveLength(2);
  });

  it('groups weeks ending Friday and counts the positive streak', () => {
    expect(fridayOnOrAfter('2026-01-06')).toBe('2026-01-09');
    expect(fridayOnOrAfter('2026-01-09')).toBe('2026-01-09');
    expect(fridayOnOrAfter('2026-01-10')).toBe('2026-01-16');
    const weeks = weeklyNetFlows(dailyFlowTotals(flows));
    expect(weeks).toEqual([
      { weekEnding: '2026-01-09', netFlowUsd: 454e6, days: 2 },
      { weekEnding: '2026-01-16', netFlowUsd: 50e6, days: 1 },
    ]);
    expect(consecutivePositiveWeeks(weeks)).toBe(2);
    expect(consecutivePositiveWeeks([...weeks, { weekEnding: '2026-01-23', netFlowUsd: -1, days: 5 }])).toBe(0);
    expect(weeklyNetFlows(dailyFlowTotals(flows), { weeks: 1 })).toHaveLength(1);
  });

  it('breaks the window down by issuer with signed shares of the gross', () => {
    const issuers = issuerBreakdown(flows, '2026-01-05', '2026-01-06');
    // BlackRock 500, Grayscale −143.2, Fidelity 97.2 → gross 740.4
    expect(issuers.map((i) => i.issuer)).toEqual(['BlackRock', 'Grayscale', 'Fidelity']);
    expect(issuers[0]!.netFlowUsd).toBeCloseTo(500e6, 3);
    expect(issuers[1]!.share).toBeCloseTo(-143.2 / 740.4, 12);
    expect(issuers.reduce((a, i) => a + Math.abs(i.share), 0)).toBeCloseTo(1, 12);
  });

  it('expresses flows as % of the AUM at the window start', () => {
    const aum = [
      { date: '2026-01-02', value: 100e9 },
      { date: '2026-01-06', value: 120e9 },
    ];
    expect(flowPctOfAum(-1e9, aum, '2026-01-05', '2026-01-09')).toBeCloseTo(-1, 12);
    expect(flowPctOfAum(-1e9, aum, '2026-01-01', '2026-01-09')).toBeCloseTo(-100 / 120, 12);
    expect(flowPctOfAum(-1e9, [], '2026-01-05', '2026-01-09')).toBeNull();
  });
});

describe('flow divergence', () => {
  it('classifies the four quadrants', () => {
    expect(divergenceKind(-3.5e9, 96e9)).toBe('selective-crypto-derisking');
    expect(divergenceKind(-1, -1)).toBe('general-risk-off');
    expect(divergenceKind(1, 1)).toBe('broad-risk-on');
    expect(divergenceKind(1, -1)).toBe('crypto-led-inflow');
    expect(divergenceKind(0, 1)).toBeNull();
  });

  it('aligns daily crypto flows to the equity periods (monthly here)', () => {
    const crypto = [
      { date: '2025-10-31', value: 5e8 },
      { date: '2025-11-03', value: -2e9 },
      { date: '2025-11-28', value: -1.5e9 },
      { date: '2025-12-01', value: -1e9 },
    ];
    const equity = [
      { date: '2025-10-31', value: 50e9 },
      { date: '2025-11-30', value: 96e9 },
      { date: '2025-12-31', value: 235e9 },
    ];
    const periods = flowDivergencePeriods(crypto, equity);
    expect(periods).toEqual([
      {
        from: '2025-10-31',
        to: '2025-11-30',
        cryptoFlowUsd: -3.5e9,
        equityFlowUsd: 96e9,
        cryptoDays: 2,
        kind: 'selective-crypto-derisking',
      },
      {
        from: '2025-11-30',
        to: '2025-12-31',
        cryptoFlowUsd: -1e9,
        equityFlowUsd: 235e9,
        cryptoDays: 1,
        kind: 'selective-crypto-derisking',
      },
    ]);
  });
});
