// Everything the phase facts read, prepared once from a MarketSeries: the publication index of each
// input (to find what was known at any as-of date without copying), the daily ETF flow totals, the
// price-regime path and the de-risking wave logs. A replay builds this once over the whole history
// and reads every day from it; a single-date analysis builds it over what was known that day.
import type { DatedValue, MarketSeries } from '../domain/market-series.js';
import { dailyFlowTotals } from '../signals/daily-flow-totals.js';
import { priceRegimePath, type PriceRegimePoint } from '../signals/price-regime.js';
import { waveLevels, type WaveLevels } from '../signals/wave-levels.js';
import { publicationIndex, type PublicationIndex } from './known-prefix.js';
import { REGIME_THRESHOLD } from './rules.js';

/** The inputs whose known part is looked up per as-of date. */
export const PHASE_INPUT_NAMES = [
  'spot',
  'etfFlows',
  'etfFlowTotals',
  'etfAumUsd',
  'openInterestUsd',
  'fundingRate8h',
  'leverageRatio',
  'longLiquidationsUsd',
  'shortLiquidationsUsd',
  'cme',
  'cot',
  'perpsWaveLevels',
  'etfWaveLevels',
  'cmeWaveLevels',
  'perpsUsdWaveLevels',
  'cmeFrontMonthWaveLevels',
] as const;
export type PhaseInputName = (typeof PHASE_INPUT_NAMES)[number];

export interface PhaseInputs {
  readonly series: MarketSeries;
  readonly index: Readonly<Record<PhaseInputName, PublicationIndex>>;
  /** Daily ETF net flow totals (each known when its last fund cell is). */
  readonly etfFlowTotals: readonly DatedValue[];
  /** Spot closes, aligned with series.spot. */
  readonly closes: Float64Array;
  /** The online bull/bear state after each spot bar. */
  readonly regime: readonly PriceRegimePoint[];
  readonly waves: WaveLevels;
}

/** Builds the phase inputs of a MarketSeries (O(n) in its length, plus the wave scans). */
export function phaseInputs(series: MarketSeries): PhaseInputs {
  const etfFlowTotals = dailyFlowTotals(series.etfFlows);
  const closes = Float64Array.from(series.spot, (b) => b.close);
  const waves = waveLevels(series);
  const index: Record<PhaseInputName, PublicationIndex> = {
    spot: publicationIndex(series.spot),
    etfFlows: publicationIndex(series.etfFlows),
    etfFlowTotals: publicationIndex(etfFlowTotals),
    etfAumUsd: publicationIndex(series.etfAumUsd),
    openInterestUsd: publicationIndex(series.openInterestUsd),
    fundingRate8h: publicationIndex(series.fundingRate8h),
    leverageRatio: publicationIndex(series.leverageRatio),
    longLiquidationsUsd: publicationIndex(series.longLiquidationsUsd),
    shortLiquidationsUsd: publicationIndex(series.shortLiquidationsUsd),
    cme: publicationIndex(series.cme),
    cot: publicationIndex(series.cot),
    perpsWaveLevels: publicationIndex(waves.perps.levels),
    etfWaveLevels: publicationIndex(waves.etf.levels),
    cmeWaveLevels: publicationIndex(waves.cme.levels),
    perpsUsdWaveLevels: publicationIndex(waves.perpsUsd.levels),
    cmeFrontMonthWaveLevels: publicationIndex(waves.cmeFrontMonth.levels),
  };
  const regime = priceRegimePath(closes, { declineToBear: REGIME_THRESHOLD, riseToBull: REGIME_THRESHOLD });
  return { series, index, etfFlowTotals, closes, regime, waves };
}
