// Scores the sell-off classifier against the simulator's planted sell-off windows (liquidity
// failure vs position rebalancing). The adapter from simulated observations to the classifier's
// inputs lives here, so the test does not depend on the store or the loader.
import { describe, expect, it } from 'vitest';
import type { AnalysedAsset } from '../../../src/domain/assets.js';
import type { DailyBar, DatedValue, FundFlow } from '../../../src/domain/market-series.js';
import type { Observation } from '../../../src/domain/observation.js';
import {
  classifySelloffs,
  classifySelloffWindow,
  type SelloffInputs,
} from '../../../src/signals/selloff-classifier.js';
import { simulateMarket } from '../../../src/sim/simulate-market.js';

const COINS_PER_CONTRACT: Record<AnalysedAsset, number> = { BTC: 5, ETH: 50 };

function byDate(rows: readonly Observation[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const day = out.get(r.date) ?? new Map<string, number>();
    day.set(r.field, r.value);
    out.set(r.date, day);
  }
  return out;
}

const sortedDated = (m: Map<string, number>): DatedValue[] =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));

/** Classifier inputs for one asset from the simulator's observations. */
function inputsFor(observations: readonly Observation[], asset: AnalysedAsset): SelloffInputs {
  const mine = observations.filter((o) => o.asset === asset);
  const spotDays = byDate(mine.filter((o) => o.dataset === 'spot'));
  const spot: DailyBar[] = [...spotDays.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, f]) => ({
      date,
      open: f.get('open')!,
      high: f.get('high')!,
      low: f.get('low')!,
      close: f.get('close')!,
      volumeUsd: f.get('volumeUsd') ?? null,
      volumeUnits: f.get('volumeCoins') ?? null,
    }));
  const oi = new Map<string, number>();
  for (const o of mine) if (o.dataset === 'perp' && o.field === 'openInterestUsd') oi.set(o.date, o.value);
  const cmeOi = new Map<string, number>();
  for (const o of mine)
    if (o.dataset === 'cme' && o.field === 'openInterestContracts')
      cmeOi.set(o.date, o.value * COINS_PER_CONTRACT[asset]);
  const aum = new Map<string, number>();
  for (const o of mine) if (o.dataset === 'etf-aum') aum.set(o.date, (aum.get(o.date) ?? 0) + o.value);
  const etfFlows: FundFlow[] = mine
    .filter((o) => o.dataset === 'etf-flows')
    .map((o) => ({ date: o.date, fund: o.key, issuer: o.key, netFlowUsd: o.value }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    spot,
    openInterestUsd: sortedDated(oi),
    cmeOpenInterestCoins: sortedDated(cmeOi),
    etfFlows,
    etfAumUsd: sortedDated(aum),
  };
}

describe('sell-off classifier scored on the simulator', () => {
  it('labels the planted sell-off windows', () => {
    let windows = 0;
    let correct = 0;
    let failures = 0;
    let failuresCorrect = 0;
    let detectedWindows = 0;
    let failuresFlagged = 0;
    let cleanEpisodes = 0;
    let falseFailures = 0;
    const lines: string[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { observations, truth } = simulateMarket({ seed });
      for (const asset of ['BTC', 'ETH'] as const) {
        const inputs = inputsFor(observations, asset);
        const index = new Map(inputs.spot.map((b, i) => [b.date, i]));
        const detected = classifySelloffs(inputs);
        for (const planted of truth.selloffs.filter((s) => s.asset === asset)) {
          const start = index.get(planted.start)!;
          const end = index.get(planted.end)!;
          const label = classifySelloffWindow(inputs, Math.max(0, start - 1), end).type;
          windows += 1;
          if (label === planted.kind) correct += 1;
          if (planted.kind === 'liquidity-failure') {
            failures += 1;
            if (label === planted.kind) failuresCorrect += 1;
          }
          const overlap = detected.find((d) => d.start <= planted.end && d.end >= planted.start);
          if (overlap) detectedWindows += 1;
          if (overlap && planted.kind === 'liquidity-failure' && overlap.type === 'liquidity-failure')
            failuresFlagged += 1;
          lines.push(
            `seed ${seed} ${asset} ${planted.start}..${planted.end} planted ${planted.kind} → ${label}${overlap ? `; detected ${overlap.start}..${overlap.end} ${overlap.type}` : '; not detected as ≥10 %/10-day sell-off'}`,
          );
        }
        // detected episodes that overlap no planted liquidity failure must not be called one
        const plantedFailures = truth.selloffs.filter((p) => p.asset === asset && p.kind === 'liquidity-failure');
        for (const d of detected.filter((e) => e.start >= truth.startDate)) {
          if (plantedFailures.some((p) => d.start <= p.end && d.end >= p.start)) continue;
          cleanEpisodes += 1;
          if (d.type === 'liquidity-failure') falseFailures += 1;
        }
      }
    }
    const accuracy = correct / windows;
    console.log(lines.join('\n'));
    console.log(
      `planted windows ${windows}: label accuracy ${(accuracy * 100).toFixed(1)}%, liquidity failures ${failuresCorrect}/${failures}; ` +
        `detected ${detectedWindows}/${windows}; detected episodes covering a planted failure labelled failure ${failuresFlagged}/${failures}; ` +
        `false liquidity-failure labels on other detected episodes ${falseFailures}/${cleanEpisodes}`,
    );
    expect(windows).toBeGreaterThanOrEqual(40);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
    expect(failuresCorrect / failures).toBeGreaterThanOrEqual(0.7);
    expect(failuresFlagged / failures).toBeGreaterThanOrEqual(0.7);
    expect(falseFailures / cleanEpisodes).toBeLessThanOrEqual(0.1);
  });
});
