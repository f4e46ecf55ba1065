// The order of the recent de-risking waves and their lead-lag against the leader.
import { describe, expect, it } from 'vitest';
import { waveOrder } from '../../src/signals/wave-order.js';

describe('waveOrder', () => {
  const w = (segment: 'perps' | 'etf' | 'cme', start: string, confirmedOn: string, end: string | null) => ({
    segment,
    start,
    confirmedOn,
    end,
    size: 1,
  });
  const waves = [
    w('cme', '2025-06-26', '2025-07-14', '2025-08-26'), // confirmed more than 120 days before asOf
    w('perps', '2025-09-11', '2025-10-10', '2025-10-11'),
    w('cme', '2025-10-06', '2025-10-17', '2025-10-28'),
    w('etf', '2025-10-09', '2025-11-03', null),
    w('perps', '2025-11-20', '2025-12-03', '2025-12-10'),
  ];

  it('orders the recent waves by confirmation and measures lags against the leader', () => {
    const r = waveOrder(waves, { asOf: '2026-01-09' });
    expect(r.order).toEqual(['perps', 'cme', 'etf']);
    expect(r.leadLagDays).toEqual([
      { leader: 'perps', follower: 'cme', days: 7 },
      { leader: 'perps', follower: 'etf', days: 24 },
    ]);
    expect(waveOrder([], { asOf: '2026-01-09' }).order).toEqual([]);
  });

  it('ignores waves confirmed after asOf and old finished ones, keeps old ongoing ones', () => {
    expect(waveOrder(waves, { asOf: '2025-10-20' }).order).toEqual(['cme', 'perps']); // July CME wave is within 120 days
    expect(waveOrder(waves, { asOf: '2025-10-20', lookbackDays: 60 }).order).toEqual(['perps', 'cme']);
    // by 2026-04-01 only the still-running ETF wave and the December perps wave are recent
    expect(waveOrder(waves, { asOf: '2026-04-01' }).order).toEqual(['etf', 'perps']);
  });
});
