// Net flow per issuer over a window, with signed shares of the gross.
import { describe, expect, it } from 'vitest';
import { issuerBreakdown } from '../../src/signals/issuer-breakdown.js';

const flow = (date: string, fund: string, issuer: string, netFlowUsd: number) => ({ date, fund, issuer, netFlowUsd });

describe('issuerBreakdown', () => {
  const flows = [
    flow('2026-01-05', 'IBIT', 'BlackRock', 600e6),
    flow('2026-01-05', 'FBTC', 'Fidelity', 97.2e6),
    flow('2026-01-06', 'IBIT', 'BlackRock', -100e6),
    flow('2026-01-06', 'GBTC', 'Grayscale', -143.2e6),
    flow('2026-01-12', 'IBIT', 'BlackRock', 50e6),
  ];

  it('breaks the window down by issuer with signed shares of the gross', () => {
    const issuers = issuerBreakdown(flows, '2026-01-05', '2026-01-06');
    // BlackRock 500, Grayscale −143.2, Fidelity 97.2 → gross 740.4
    expect(issuers.map((i) => i.issuer)).toEqual(['BlackRock', 'Grayscale', 'Fidelity']);
    expect(issuers[0]!.netFlowUsd).toBeCloseTo(500e6, 3);
    expect(issuers[1]!.share).toBeCloseTo(-143.2 / 740.4, 12);
    expect(issuers.reduce((a, i) => a + Math.abs(i.share), 0)).toBeCloseTo(1, 12);
  });
});
