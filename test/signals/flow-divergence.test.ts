// Crypto ETF flows against equity ETF flows: the four quadrants, aligned to the equity periods.
import { describe, expect, it } from 'vitest';
import { divergenceKind, flowDivergencePeriods } from '../../src/signals/flow-divergence.js';

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
