import { describe, expect, it } from 'vitest';
import { dailyFlowTotals } from '../../src/signals/daily-flow-totals.js';

const flow = (date: string, fund: string, issuer: string, netFlowUsd: number) => ({ date, fund, issuer, netFlowUsd });

describe('dailyFlowTotals', () => {
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
});
