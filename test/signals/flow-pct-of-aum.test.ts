// ETF flows as a percent of the AUM at the window start.
import { describe, expect, it } from 'vitest';
import { flowPctOfAum } from '../../src/signals/flow-pct-of-aum.js';

describe('flowPctOfAum', () => {
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
