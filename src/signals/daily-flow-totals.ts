// Daily total ETF net flow across funds: the series every flow signal reads.
import type { DatedValue, FundFlow } from '../domain/market-series.js';

/**
 * Sums fund flows per date (USD), dates ascending. Dates on or before `asOf` only, when given.
 * A date appears when at least one fund reported a number; funds without a figure are not zeros
 * invented here — they are simply absent from the input. A total carries the latest publication
 * time of its cells (`knownAt`) when the cells have one.
 */
export function dailyFlowTotals(flows: readonly FundFlow[], asOf?: string): DatedValue[] {
  const byDate = new Map<string, { value: number; knownAt: string | undefined }>();
  for (const f of flows) {
    if (asOf !== undefined && f.date > asOf) continue;
    const day = byDate.get(f.date);
    if (!day) byDate.set(f.date, { value: f.netFlowUsd, knownAt: f.knownAt });
    else {
      day.value += f.netFlowUsd;
      if (f.knownAt !== undefined && (day.knownAt === undefined || f.knownAt > day.knownAt)) day.knownAt = f.knownAt;
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, { value, knownAt }]) => (knownAt === undefined ? { date, value } : { date, value, knownAt }));
}
