// Net flow over a window as a percentage of ETF assets under management.
import type { DatedValue } from '../domain/market-series.js';

/**
 * 100 × netFlowUsd / AUM, where AUM is the latest value dated on or before `fromDate`'s eve
 * (the assets at the start of the window), falling back to the latest AUM on or before `toDate`.
 * null when no AUM is known by `toDate` or it is not positive. (−1e9 on 100e9 AUM → −1.)
 */
export function flowPctOfAum(
  netFlowUsd: number,
  aumUsd: readonly DatedValue[],
  fromDate: string,
  toDate: string,
): number | null {
  let before: DatedValue | undefined;
  let latest: DatedValue | undefined;
  for (const a of aumUsd) {
    if (a.date < fromDate) before = a;
    if (a.date <= toDate) latest = a;
  }
  const base = before ?? latest;
  if (!base || !(base.value > 0)) return null;
  return (100 * netFlowUsd) / base.value;
}
