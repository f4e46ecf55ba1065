// Classifier inputs from the simulator's observations (spot bars, perp OI and long liquidations,
// CFTC COT, ETF flows, AUM and holdings), each with its knownAt, without the store or the loader.
import type { AnalysedAsset } from '../../src/domain/assets.js';
import type { CotWeek, DailyBar, DatedValue, FundFlow } from '../../src/domain/market-series.js';
import type { Observation } from '../../src/domain/observation.js';
import type { SelloffInputs } from '../../src/signals/selloff-context.js';

function byDate(rows: readonly Observation[]): Map<string, { fields: Map<string, number>; knownAt: string }> {
  const out = new Map<string, { fields: Map<string, number>; knownAt: string }>();
  for (const r of rows) {
    const day = out.get(r.date) ?? { fields: new Map<string, number>(), knownAt: r.knownAt };
    day.fields.set(r.field, r.value);
    if (r.knownAt > day.knownAt) day.knownAt = r.knownAt;
    out.set(r.date, day);
  }
  return out;
}

const ascending = <T extends { readonly date: string }>(xs: T[]): T[] => xs.sort((a, b) => (a.date < b.date ? -1 : 1));

/** One field of one dataset as dated values with their knownAt (summed over keys when `sum`). */
function dated(rows: readonly Observation[], dataset: string, field: string, sum = false): DatedValue[] {
  const out = new Map<string, { value: number; knownAt: string }>();
  for (const o of rows) {
    if (o.dataset !== dataset || o.field !== field) continue;
    const prev = out.get(o.date);
    out.set(o.date, {
      value: sum && prev ? prev.value + o.value : o.value,
      knownAt: prev && prev.knownAt > o.knownAt ? prev.knownAt : o.knownAt,
    });
  }
  return ascending([...out].map(([date, v]) => ({ date, ...v })));
}

/** Classifier inputs for one asset from the simulator's observations, with their knownAt. */
export function inputsFor(observations: readonly Observation[], asset: AnalysedAsset): SelloffInputs {
  const mine = observations.filter((o) => o.asset === asset);
  const spot: DailyBar[] = [...byDate(mine.filter((o) => o.dataset === 'spot'))]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { fields: f, knownAt }]) => ({
      date,
      open: f.get('open')!,
      high: f.get('high')!,
      low: f.get('low')!,
      close: f.get('close')!,
      volumeUsd: f.get('volumeUsd') ?? null,
      volumeUnits: f.get('volumeCoins') ?? null,
      knownAt,
    }));
  const cot: CotWeek[] = [...byDate(mine.filter((o) => o.dataset === 'cot'))]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, { fields: f, knownAt }]) => ({
      date,
      openInterestCoins: f.get('openInterestCoins')!,
      leveragedFundsNetCoins: f.get('leveragedFundsNetCoins')!,
      assetManagersNetCoins: f.get('assetManagersNetCoins')!,
      dealersNetCoins: f.get('dealersNetCoins')!,
      knownAt,
    }));
  const etfFlows: FundFlow[] = ascending(
    mine
      .filter((o) => o.dataset === 'etf-flows')
      .map((o) => ({ date: o.date, fund: o.key, issuer: o.key, netFlowUsd: o.value, knownAt: o.knownAt })),
  );
  return {
    spot,
    openInterestUsd: dated(mine, 'perp', 'openInterestUsd'),
    longLiquidationsUsd: dated(mine, 'perp', 'longLiquidationsUsd'),
    cot,
    etfFlows,
    etfAumUsd: dated(mine, 'etf-aum', 'aumUsd', true),
    etfHoldingsCoins: dated(mine, 'etf-holdings', 'holdingsCoins'),
  };
}
