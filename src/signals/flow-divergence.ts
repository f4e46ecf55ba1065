// Crypto ETF flows against equity ETF flows over the same period: is money leaving crypto only?
import type { DatedValue } from '../domain/market-series.js';
import type { DivergenceKind, FlowDivergencePeriod } from '../domain/sections/divergence.js';

/**
 * Classifies one pair of flows. Crypto out / equities in → selective-crypto-derisking; both out →
 * general-risk-off; both in → broad-risk-on; crypto in / equities out or flat → crypto-led-inflow.
 * null when crypto flow is exactly 0.
 */
export function divergenceKind(cryptoFlowUsd: number, equityFlowUsd: number): DivergenceKind | null {
  if (cryptoFlowUsd < 0) return equityFlowUsd > 0 ? 'selective-crypto-derisking' : 'general-risk-off';
  if (cryptoFlowUsd > 0) return equityFlowUsd > 0 ? 'broad-risk-on' : 'crypto-led-inflow';
  return null;
}

/**
 * Aligns daily crypto flow totals to the equity series' own periods (equity values are dated by
 * period end, any cadence): for each equity observation after the first, crypto = Σ daily totals
 * in (previous end, this end]. Periods with no crypto day are skipped.
 */
export function flowDivergencePeriods(
  cryptoDaily: readonly DatedValue[],
  equity: readonly DatedValue[],
): FlowDivergencePeriod[] {
  const out: FlowDivergencePeriod[] = [];
  for (let i = 1; i < equity.length; i++) {
    const from = equity[i - 1]!.date;
    const to = equity[i]!.date;
    let cryptoFlowUsd = 0;
    let cryptoDays = 0;
    for (const d of cryptoDaily) {
      if (d.date > from && d.date <= to) {
        cryptoFlowUsd += d.value;
        cryptoDays++;
      }
    }
    if (cryptoDays === 0) continue;
    const equityFlowUsd = equity[i]!.value;
    out.push({
      from,
      to,
      cryptoFlowUsd,
      equityFlowUsd,
      cryptoDays,
      kind: divergenceKind(cryptoFlowUsd, equityFlowUsd),
    });
  }
  return out;
}
