// Builds the GroundTruth from the placed steps and the simulated series: per-day labels, flow
// change points, the waves with their measured sizes, sell-off windows, flush and second decline.
import type { AnalysedAsset } from '../domain/assets.js';
import { ANALYSED_ASSETS } from '../domain/assets.js';
import type { MarketEvent } from '../domain/events.js';
import type { CmeSeries, PerpSeries } from './derivatives.js';
import type { EtfSeries } from './etf.js';
import type { GroundTruth, TruthSelloff, TruthWave } from './ground-truth.js';
import { maxDrawdown, type SpotPath } from './price-path.js';
import type { PlacedStep } from './scenario.js';
import { stepIndexer, stepNamed } from './scenario.js';

/** Everything simulated for one asset, kept for the ground truth. */
export interface AssetSimulation {
  readonly spot: SpotPath;
  readonly perp: PerpSeries;
  readonly etf: EtfSeries;
  readonly cme: CmeSeries;
}

export interface TruthInputs {
  readonly seed: number;
  readonly dates: readonly string[];
  readonly steps: readonly PlacedStep[];
  readonly tradingIndexes: readonly number[];
  readonly perAsset: Readonly<Record<AnalysedAsset, AssetSimulation>>;
  readonly flushIndex: number;
  readonly flushDrop: Readonly<Record<AnalysedAsset, number>>;
  readonly secondDecline: { readonly from: number; readonly to: number };
  readonly events: readonly MarketEvent[];
}

/** Positions k in tradingIndexes of the trading days within calendar indexes [from, to). */
function tradingWithin(tradingIndexes: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  tradingIndexes.forEach((i, k) => {
    if (i >= from && i < to) out.push(k);
  });
  return out;
}

/** Assembles the ground truth of one simulated run. */
export function buildTruth(input: TruthInputs): GroundTruth {
  const { dates, steps, tradingIndexes, perAsset, flushIndex } = input;
  const stepAt = stepIndexer(steps);
  const date = (i: number): string => dates[Math.min(Math.max(i, 0), dates.length - 1)]!;
  const days = dates.map((d, i) => {
    const s = stepAt(i);
    return { date: d, phase: s.phase, flowRegime: { BTC: s.flowRegime, ETH: s.flowRegime } };
  });
  const changePoints: string[] = [];
  steps.forEach((s, n) => {
    if (n === 0 || steps[n - 1]!.flowRegime === s.flowRegime) return;
    const first = tradingIndexes.find((i) => i >= s.startIndex);
    if (first !== undefined && first < s.endIndex) changePoints.push(dates[first]!);
  });

  const waves: TruthWave[] = [];
  const selloffs: TruthSelloff[] = [];
  const wave = stepNamed(steps, 'etf-outflow-wave');
  const second = [
    stepNamed(steps, 'second-decline'),
    stepNamed(steps, 'liquidity-failure'),
    stepNamed(steps, 'second-decline-end'),
  ];
  for (const asset of ANALYSED_ASSETS) {
    const sim = perAsset[asset];
    const oi = sim.perp.openInterestUsd;
    const flushEnd = Math.min(flushIndex + 2, dates.length - 1);
    // Orders count per asset: 1 perps flush, 2 ETF outflows, 3 CME unwind, 4 second-decline outflows.
    waves.push({
      order: 1,
      segment: 'perps',
      asset,
      start: date(flushIndex),
      end: date(flushEnd),
      sizeUsd: oi[flushIndex - 1]! - oi[flushEnd]!,
      description: 'leverage flush: perp OI shed in a day, long liquidations spike, funding negative',
    });
    const flowWave = (from: number, to: number): { start: string; end: string; size: number } => {
      const ks = tradingWithin(tradingIndexes, from, to);
      const size = -ks.reduce((s, k) => s + sim.etf.totalFlowUsd[k]!, 0);
      return { start: dates[tradingIndexes[ks[0]!]!]!, end: dates[tradingIndexes[ks.at(-1)!]!]!, size };
    };
    const etf1 = flowWave(wave.startIndex, wave.endIndex);
    waves.push({
      order: 2,
      segment: 'etf',
      asset,
      start: etf1.start,
      end: etf1.end,
      sizeUsd: etf1.size,
      description: 'one-way ETF outflows after the policy event',
    });
    const ks = tradingWithin(tradingIndexes, wave.startIndex, wave.endIndex);
    const before = Math.max(0, ks[0]! - 1);
    waves.push({
      order: 3,
      segment: 'cme',
      asset,
      start: etf1.start,
      end: etf1.end,
      sizeUsd: sim.cme.openInterestUsd[before]! - sim.cme.openInterestUsd[ks.at(-1)!]!,
      description: 'CME open interest unwinds with the ETF outflows',
    });
    const etf2 = flowWave(second[0]!.startIndex, second[2]!.endIndex);
    waves.push({
      order: 4,
      segment: 'etf',
      asset,
      start: etf2.start,
      end: etf2.end,
      sizeUsd: etf2.size,
      description: 'second decline: one-way ETF outflows again',
    });

    selloffs.push({ asset, start: date(flushIndex), end: date(flushIndex + 6), kind: 'position-rebalancing' });
    selloffs.push({ asset, start: date(wave.startIndex), end: date(wave.endIndex - 1), kind: 'position-rebalancing' });
    for (const s of second) {
      selloffs.push({
        asset,
        start: date(s.startIndex),
        end: date(s.endIndex - 1),
        kind: s.name === 'liquidity-failure' ? 'liquidity-failure' : 'position-rebalancing',
      });
    }
  }
  const drawdown = (asset: AnalysedAsset): number =>
    maxDrawdown(perAsset[asset].spot.close, input.secondDecline.from - 1, input.secondDecline.to);
  const oiDrop = (asset: AnalysedAsset): number =>
    1 - perAsset[asset].perp.openInterestUsd[flushIndex]! / perAsset[asset].perp.openInterestUsd[flushIndex - 1]!;
  return {
    seed: input.seed,
    startDate: dates[0]!,
    endDate: dates.at(-1)!,
    days,
    phases: steps.map((s) => ({ phase: s.phase, start: date(s.startIndex), end: date(s.endIndex - 1), name: s.name })),
    flowChangePoints: { BTC: changePoints, ETH: changePoints },
    waves,
    events: input.events.map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: e.title })),
    selloffs,
    flush: { date: date(flushIndex), openInterestDrop: { BTC: oiDrop('BTC'), ETH: oiDrop('ETH') } },
    secondDecline: {
      start: date(input.secondDecline.from),
      end: date(input.secondDecline.to),
      drawdown: { BTC: drawdown('BTC'), ETH: drawdown('ETH') },
    },
  };
}
