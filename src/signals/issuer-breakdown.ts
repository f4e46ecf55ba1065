// Net flow per issuer over a window, and each issuer's share of the gross.
import type { FundFlow } from '../domain/market-series.js';
import type { IssuerFlow } from '../domain/sections/etf-flows.js';

/**
 * Net flow per issuer over dates in [from, to], largest absolute first. Issuers whose net is 0
 * get share 0; an all-zero window gives all shares 0.
 */
export function issuerBreakdown(flows: readonly FundFlow[], from: string, to: string): IssuerFlow[] {
  const byIssuer = new Map<string, number>();
  for (const f of flows) {
    if (f.date < from || f.date > to) continue;
    byIssuer.set(f.issuer, (byIssuer.get(f.issuer) ?? 0) + f.netFlowUsd);
  }
  const gross = [...byIssuer.values()].reduce((a, v) => a + Math.abs(v), 0);
  return [...byIssuer.entries()]
    .map(([issuer, netFlowUsd]) => ({ issuer, netFlowUsd, share: gross > 0 ? netFlowUsd / gross : 0 }))
    .sort((a, b) => Math.abs(b.netFlowUsd) - Math.abs(a.netFlowUsd));
}
