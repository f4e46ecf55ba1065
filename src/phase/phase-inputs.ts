// Everything the phase facts read, prepared once from a MarketSeries: the publication index of each
// input (to find what was known at any as-of date without copying), the daily ETF flow totals, the
// price-regime path and the de-risking wave logs. A replay builds this once over the whole history
// and reads every day from it; a single-date analysis builds it over what was known that day.
import type { DatedValue, MarketSeries } from '../domain/market-series.js';
import { dailyFlowTotals } from '../signals/daily-flow-totals.js';
import { priceRegimePath, type PriceRegimePoint } from '../signals/price-regime.js';
import { liquidationDays, type LiquidationDay } from '../signals/liquidation-spike.js';
import { selloffHistory, type SelloffRecord } from '../signals/selloff-history.js';
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
  'etfHoldingsCoins',
  'cme',
  'cot',
  'perpsWaveLevels',
  'etfWaveLevels',
  'cmeWaveLevels',
  'perpsUsdWaveLevels',
  'cmeFrontMonthWaveLevels',
  'liquidationDays',
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
  /**
   * Point-in-time sell-off records over the whole history (selloffHistory), when built: a replay
   * builds them once and reads each day's sell-off from them; a single-date analysis leaves them
   * null and classifies the day's window directly (selloffsAt) — the same readings.
   */
  readonly selloffs: readonly SelloffRecord[] | null;
  /**
   * Long and short liquidations joined by date, each scored against its trailing 30-day median
   * (signals/liquidation-spike.ts), known when both figures are.
   */
  readonly liquidationDays: readonly (LiquidationDay & { readonly knownAt?: string })[];
}

export interface PhaseInputsOptions {
  /** Build the sell-off records once for many as-of dates (about 0.3 s for ten years). Default false. */
  readonly selloffHistory?: boolean;
}

/** Builds the phase inputs of a MarketSeries (O(n) in its length, plus the wave scans). */
export function phaseInputs(series: MarketSeries, options: PhaseInputsOptions = {}): PhaseInputs {
  const etfFlowTotals = dailyFlowTotals(series.etfFlows);
  const closes = Float64Array.from(series.spot, (b) => b.close);
  const waves = waveLevels(series);
  const shortKnownAt = new Map(series.shortLiquidationsUsd.map((p) => [p.date, p.knownAt]));
  const longKnownAt = new Map(series.longLiquidationsUsd.map((p) => [p.date, p.knownAt]));
  const liquidations = liquidationDays(series.longLiquidationsUsd, series.shortLiquidationsUsd).map((d) => {
    const a = longKnownAt.get(d.date);
    const b = shortKnownAt.get(d.date);
    const knownAt = a === undefined ? b : b === undefined || a > b ? a : b;
    return knownAt === undefined ? d : { ...d, knownAt };
  });
  const index: Record<PhaseInputName, PublicationIndex> = {
    spot: publicationIndex(series.spot),
    liquidationDays: publicationIndex(liquidations),
    etfFlows: publicationIndex(series.etfFlows),
    etfFlowTotals: publicationIndex(etfFlowTotals),
    etfAumUsd: publicationIndex(series.etfAumUsd),
    openInterestUsd: publicationIndex(series.openInterestUsd),
    fundingRate8h: publicationIndex(series.fundingRate8h),
    leverageRatio: publicationIndex(series.leverageRatio),
    longLiquidationsUsd: publicationIndex(series.longLiquidationsUsd),
    shortLiquidationsUsd: publicationIndex(series.shortLiquidationsUsd),
    etfHoldingsCoins: publicationIndex(series.etfHoldingsCoins),
    cme: publicationIndex(series.cme),
    cot: publicationIndex(series.cot),
    perpsWaveLevels: publicationIndex(waves.perps.levels),
    etfWaveLevels: publicationIndex(waves.etf.levels),
    cmeWaveLevels: publicationIndex(waves.cme.levels),
    perpsUsdWaveLevels: publicationIndex(waves.perpsUsd.levels),
    cmeFrontMonthWaveLevels: publicationIndex(waves.cmeFrontMonth.levels),
  };
  const regime = priceRegimePath(closes, { declineToBear: REGIME_THRESHOLD, riseToBull: REGIME_THRESHOLD });
  const selloffs = options.selloffHistory === true ? selloffHistory(series) : null;
  return { series, index, etfFlowTotals, closes, regime, waves, selloffs, liquidationDays: liquidations };
}
