// De-risking waves per segment: perp OI shed, ETF cumulative net outflow, CME OI shed (USD).
import type { Segment, Wave } from '../domain/analysis.js';
import type { CmeDay, DailyBar, DatedValue } from '../domain/market-series.js';
import { drawdownEpisodes, type DrawdownEpisodeOptions } from './drawdown-episodes.js';

/**
 * Perps: a ≥ 15 % fall of aggregate OI, counted in coins, from its 30-day peak. Routine weekly swings of aggregate
 * OI stay within ~5–10 %; the 2025-10-10 flush took ~25 % in a day.
 */
export const PERPS_MIN_DROP_FRACTION = 0.15;
/**
 * CME: a ≥ 20 % fall of front-month OI in coins. Higher than perps because front-month OI moves
 * 10–15 % around each monthly roll without anyone de-risking.
 */
export const CME_MIN_DROP_FRACTION = 0.2;
/**
 * ETF: cumulative net flow down ≥ 1.5 % of AUM (or $1.5B without AUM) from its 30-day peak — the
 * size of Nov 2025's −$3.5B on ~$120B of BTC ETF assets is about 3 %; a single bad week rarely
 * passes 1 %.
 */
export const ETF_MIN_OUTFLOW_PCT_OF_AUM = 1.5;
export const ETF_MIN_OUTFLOW_USD = 1.5e9;

export interface DeRiskingWaveOptions {
  readonly perps?: DrawdownEpisodeOptions;
  readonly cme?: DrawdownEpisodeOptions;
  readonly etf?: DrawdownEpisodeOptions;
}

/** CME front-month OI in coins per day: contracts × coins per contract. Days without OI skipped. */
export function cmeOpenInterestCoins(cme: readonly CmeDay[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (const d of cme) if (d.openInterestContracts !== null) out.push({ date: d.date, value: d.openInterestContracts * d.coinsPerContract });
  return out;
}

/** CME front-month OI in USD per day: contracts × coins per contract × close. Days without OI skipped. */
export function cmeOpenInterestUsd(cme: readonly CmeDay[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (const d of cme) {
    if (d.openInterestContracts === null) continue;
    out.push({ date: d.date, value: d.openInterestContracts * d.coinsPerContract * d.close });
  }
  return out;
}

/**
 * Perp OI in coins (OI USD / same-day spot close), so a price fall alone is not read as de-risking.
 * Days without a spot close are skipped.
 */
export function openInterestCoins(openInterestUsd: readonly DatedValue[], spot: readonly DailyBar[]): DatedValue[] {
  const close = new Map(spot.map((b) => [b.date, b.close]));
  const out: DatedValue[] = [];
  for (const d of openInterestUsd) {
    const c = close.get(d.date);
    if (c !== undefined && c > 0) out.push({ date: d.date, value: d.value / c });
  }
  return out;
}

/**
 * Waves found on a coin-denominated level series, sized in USD: coins shed × the USD price on the
 * trough date (`usdPerCoin` looked up by date; falls back to the peak's price, else 0).
 */
export function segmentWavesInCoins(
  segment: Segment,
  coins: readonly DatedValue[],
  usdPerCoin: ReadonlyMap<string, number>,
  options: DrawdownEpisodeOptions,
): DeRiskingWave[] {
  return drawdownEpisodes(coins, options).map((e) => ({
    segment,
    start: e.start,
    confirmedOn: e.confirmedOn,
    end: e.end,
    size: e.size * (usdPerCoin.get(e.troughDate) ?? usdPerCoin.get(e.start) ?? 0),
    unit: 'USD of open interest shed (coins × trough price)',
  }));
}

/** Running sum of daily flows: the cumulative net flow level whose falls are ETF waves. */
export function cumulativeFlows(dailyTotals: readonly DatedValue[]): DatedValue[] {
  let total = 0;
  return dailyTotals.map((d) => ({ date: d.date, value: (total += d.value) }));
}

/** A wave with the date its threshold was first met (the Wave contract plus one field). */
export interface DeRiskingWave extends Wave {
  readonly confirmedOn: string;
}

/** Waves of one segment from its level series, sized in USD. */
export function segmentWaves(segment: Segment, levels: readonly DatedValue[], options: DrawdownEpisodeOptions): DeRiskingWave[] {
  return drawdownEpisodes(levels, options).map((e) => ({
    segment,
    start: e.start,
    confirmedOn: e.confirmedOn,
    end: e.end,
    size: e.size,
    unit: segment === 'etf' ? 'USD net outflow' : 'USD of open interest shed',
  }));
}

/** The ETF threshold: 1.5 % of the latest AUM known by the last flow date, else $1.5B. */
export function etfOutflowThresholdUsd(aumUsd: readonly DatedValue[], lastDate: string | undefined): number {
  let latest: number | null = null;
  for (const a of aumUsd) if (lastDate !== undefined && a.date <= lastDate && a.value > 0) latest = a.value;
  return latest === null ? ETF_MIN_OUTFLOW_USD : (latest * ETF_MIN_OUTFLOW_PCT_OF_AUM) / 100;
}
