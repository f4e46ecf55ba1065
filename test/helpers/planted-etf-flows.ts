// A planted ETF flow history for the section tests: two funds (IBIT 70 %, FBTC 30 %), US trading days
// 2025-08-01…2025-12-31, seeded noise, inflows until 2025-10-31 and outflows after.
import type { FundFlow } from '../../src/domain/market-series.js';
import { usTradingDays } from '../../src/domain/us-market-calendar.js';
import { seededNormal } from './seeded-normal.js';

const tradingDays = usTradingDays('2025-08-01', '2025-12-31');

/** 2 funds; inflows until 2025-10-31, then outflows (seed 3). */
export function plantedEtfFlows(): FundFlow[] {
  const normal = seededNormal(3);
  const out: FundFlow[] = [];
  for (const date of tradingDays) {
    const drift = date <= '2025-10-31' ? 150e6 : -200e6;
    out.push({ date, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: drift * 0.7 + 60e6 * normal() });
    out.push({ date, fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: drift * 0.3 + 30e6 * normal() });
  }
  return out;
}
