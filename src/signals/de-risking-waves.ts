// De-risking waves per segment: perp OI shed, ETF cumulative net outflow, CME OI shed (USD; CFTC total
// open interest when reported, else front-month OI read once per contract cycle to skip roll artefacts).
import type { Segment } from '../domain/analysis.js';
import type { CmeDay, CotWeek, DailyBar, DatedValue } from '../domain/market-series.js';
import { isCmeRollWeek } from './annualised-basis.js';
import { drawdownEpisodes, type DrawdownEpisodeOptions } from './drawdown-episodes.js';
import { weekStart } from './position-proxy.js';
import type { CmeLevelSource, DeRiskingWave } from '../domain/sections/waves.js';

/**
 * Perps: a ≥ 15 % fall of aggregate OI, counted in coins, from its 30-day peak. Routine weekly swings of aggregate
 * OI stay within ~5–10 %; the 2025-10-10 flush took ~25 % in a day.
 */
export const PERPS_MIN_DROP_FRACTION = 0.15;
/**
 * CME without CFTC reports: a ≥ 20 % fall of front-month OI in coins, read once per contract cycle.
 * Higher than perps because the cycle-to-cycle level still moves 10–15 % without anyone de-risking.
 */
export const CME_MIN_DROP_FRACTION = 0.2;
/**
 * CME from the CFTC's total open interest (all maturities, weekly): a ≥ 20 % fall. Total OI has no
 * chart-switch jumps, but it still sheds ~10–12 % in some expiry weeks (cash-settled contracts not
 * rolled) and its weekly changes have a spread of ~8 %, so the perps bar (15 %) would flag routine
 * expiry-and-rebuild swings.
 */
export const CME_TOTAL_MIN_DROP_FRACTION = 0.2;
/**
 * Drawdown settings for the weekly CFTC series, the daily defaults re-counted in weeks: the peak
 * is looked for over 6 weeks (≈ 30 trading days) and a wave ends after 3 weeks (≈ 15 trading days)
 * without a new low.
 */
export const CME_WEEKLY_PEAK_LOOKBACK_WEEKS = 6;
export const CME_WEEKLY_QUIET_WEEKS = 3;
/**
 * Drawdown settings for front-month OI sampled once per contract cycle (monthly): the peak is looked
 * for over the 2 previous cycles, and a wave ends after 1 cycle without a new low.
 */
export const CME_CYCLE_PEAK_LOOKBACK = 2;
export const CME_CYCLE_QUIET = 1;

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

/**
 * CME front-month OI in coins per day: contracts × coins per contract, known when the open interest
 * is (openInterestKnownAt, else the bar's knownAt). Days without OI skipped.
 */
export function cmeOpenInterestCoins(cme: readonly CmeDay[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (const d of cme) {
    if (d.openInterestContracts === null) continue;
    const knownAt = d.openInterestKnownAt ?? d.knownAt;
    const value = d.openInterestContracts * d.coinsPerContract;
    out.push(knownAt === undefined ? { date: d.date, value } : { date: d.date, value, knownAt });
  }
  return out;
}

/**
 * CME front-month OI in coins, once per contract cycle: the first day after each roll window (the
 * expiry week and the week before, see `isCmeRollWeek`). Front-month OI is a sawtooth — it decays by
 * ~25–30 % over each month as holders roll into the next contract, then jumps at the chart's switch —
 * so only days at the same point of the cycle are comparable. Observations before the first roll
 * window (unknown phase) are dropped; the cycle under way shows once its roll is over.
 */
export function cmeOpenInterestCoinsPerCycle(cme: readonly CmeDay[]): DatedValue[] {
  const rollWeek = new Map<string, boolean>();
  const out: DatedValue[] = [];
  let afterRoll = false;
  for (const p of cmeOpenInterestCoins(cme)) {
    const monday = weekStart(p.date);
    let inRoll = rollWeek.get(monday);
    if (inRoll === undefined) rollWeek.set(monday, (inRoll = isCmeRollWeek(monday)));
    if (inRoll) afterRoll = true;
    else if (afterRoll) {
      out.push(p);
      afterRoll = false;
    }
  }
  return out;
}

/** CFTC total CME open interest in coins per report (dated by its Tuesday), all maturities. */
export function cotOpenInterestCoins(cot: readonly CotWeek[]): DatedValue[] {
  return cot.map((w) => ({
    date: w.date,
    value: w.openInterestCoins,
    ...(w.knownAt === undefined ? {} : { knownAt: w.knownAt }),
  }));
}

/**
 * The CME wave levels: CFTC total OI when any report is given (no roll artefacts), else front-month
 * OI once per contract cycle; with the drawdown settings that fit the series' cadence.
 */
export function cmeWaveLevels(
  cot: readonly CotWeek[],
  cme: readonly CmeDay[],
): { source: CmeLevelSource | null; levels: DatedValue[]; options: DrawdownEpisodeOptions } {
  if (cot.length > 0) {
    return {
      source: 'cftc-total-open-interest',
      levels: cotOpenInterestCoins(cot),
      options: {
        minDropFraction: CME_TOTAL_MIN_DROP_FRACTION,
        peakLookback: CME_WEEKLY_PEAK_LOOKBACK_WEEKS,
        quietObservations: CME_WEEKLY_QUIET_WEEKS,
      },
    };
  }
  const levels = cmeOpenInterestCoinsPerCycle(cme);
  return {
    source: levels.length > 0 ? 'front-month-once-per-cycle' : null,
    levels,
    options: {
      minDropFraction: CME_MIN_DROP_FRACTION,
      peakLookback: CME_CYCLE_PEAK_LOOKBACK,
      quietObservations: CME_CYCLE_QUIET,
    },
  };
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
 * Days without a spot close are skipped. Each point is known when both inputs are (the later knownAt).
 */
export function openInterestCoins(openInterestUsd: readonly DatedValue[], spot: readonly DailyBar[]): DatedValue[] {
  const bars = new Map(spot.map((b) => [b.date, b]));
  const out: DatedValue[] = [];
  for (const d of openInterestUsd) {
    const bar = bars.get(d.date);
    if (bar === undefined || !(bar.close > 0)) continue;
    const knownAt =
      d.knownAt === undefined || (bar.knownAt !== undefined && bar.knownAt > d.knownAt) ? bar.knownAt : d.knownAt;
    out.push(
      knownAt === undefined
        ? { date: d.date, value: d.value / bar.close }
        : { date: d.date, value: d.value / bar.close, knownAt },
    );
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
  // Each level is known when its day's total is (the replay reads levels by publication time).
  return dailyTotals.map((d) =>
    d.knownAt === undefined
      ? { date: d.date, value: (total += d.value) }
      : { date: d.date, value: (total += d.value), knownAt: d.knownAt },
  );
}

/** Waves of one segment from its level series, sized in USD. */
export function segmentWaves(
  segment: Segment,
  levels: readonly DatedValue[],
  options: DrawdownEpisodeOptions,
): DeRiskingWave[] {
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
