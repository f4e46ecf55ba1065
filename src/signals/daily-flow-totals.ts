// Daily total ETF net flow across funds: the series every flow signal reads.
import type { DatedValue, FundFlow } from '../domain/market-series.js';

/**
 * Sums fund flows per date (USD), dates ascending. Dates on or before `asOf` only, when given.
 * A date appears when at least one fund reported a number; funds without a figure are not zeros
 * invented here — they are simply absent from the input.
 */
export function dailyFlowTotals(flows: readonly FundFlow[], asOf?: string): DatedValue[] {
  const byDate = new Map<string, number>();
  for (const f of flows) {
    if (asOf !== undefined && f.date > asOf) continue;
    byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.netFlowUsd);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, value]) => ({ date, value }));
}
