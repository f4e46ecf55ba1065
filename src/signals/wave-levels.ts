// The level series de-risking waves are found on, one per segment, with the causal episode log of
// each: perp OI in coins, cumulative ETF net flow, CME OI in coins (CFTC total when reported). Built
// once over a whole history, then read at any as-of date by how many levels were known then, so a
// wave's start, confirmation and size never move when the as-of date moves.
import type { Segment } from '../domain/analysis.js';
import type { DatedValue, MarketSeries } from '../domain/market-series.js';
import { dailyFlowTotals } from './daily-flow-totals.js';
import {
  cmeWaveLevels,
  cumulativeFlows,
  ETF_MIN_OUTFLOW_PCT_OF_AUM,
  ETF_MIN_OUTFLOW_USD,
  openInterestCoins,
  PERPS_MIN_DROP_FRACTION,
  type DeRiskingWaveOptions,
} from './de-risking-waves.js';
import type { CmeLevelSource, DeRiskingWave } from '../domain/sections/waves.js';
import {
  drawdownEpisodeLog,
  episodesKnownAt,
  type DrawdownEpisodeOptions,
  type EpisodeRecord,
} from './drawdown-episodes.js';

/** One segment's level series, its episode log and how its waves are sized in USD. */
export interface SegmentLevels {
  readonly segment: Segment;
  readonly levels: readonly DatedValue[];
  readonly log: readonly EpisodeRecord[];
  readonly mergeGapDays: number;
  /** USD per unit of level by date (coins → USD); null when the levels are USD already. */
  readonly usdPerUnit: ReadonlyMap<string, number> | null;
  readonly unit: string;
}

export interface WaveLevels {
  /** Perp OI in coins where a spot close prices it; else (no such day) in USD. */
  readonly perps: SegmentLevels;
  /** Perp OI in USD: what a history without spot closes on the OI dates reads. */
  readonly perpsUsd: SegmentLevels;
  readonly etf: SegmentLevels;
  /** CME from CFTC total OI when any report is given, else front-month once per cycle. */
  readonly cme: SegmentLevels;
  /** CME from front-month OI once per contract cycle: what a history without CFTC reports reads. */
  readonly cmeFrontMonth: SegmentLevels;
  readonly cmeLevelSource: CmeLevelSource | null;
  /** Whether perp OI could be counted in coins (a spot close on the same dates). */
  readonly perpsInCoins: boolean;
}

/**
 * ETF wave threshold per day: ETF_MIN_OUTFLOW_PCT_OF_AUM (1.5 %) of the latest AUM dated on or
 * before that day and published by the time that day's level was (its knownAt, when both carry one),
 * else ETF_MIN_OUTFLOW_USD ($1.5B) — never an AUM figure published later, so a wave log built over a
 * whole history sizes each day's threshold as a load at that day would.
 */
export function etfThresholdsUsd(dates: readonly DatedValue[], aumUsd: readonly DatedValue[]): number[] {
  const out: number[] = [];
  let a = 0; // AUM dated on or before the day: aumUsd[0 .. a)
  for (const d of dates) {
    while (a < aumUsd.length && aumUsd[a]!.date <= d.date) a += 1;
    let latest: number | null = null;
    // The newest of them already public when the day's level was (usually the first one looked at).
    for (let i = a - 1; i >= 0; i -= 1) {
      const v = aumUsd[i]!;
      if (v.value <= 0) continue;
      if (d.knownAt !== undefined && v.knownAt !== undefined && v.knownAt > d.knownAt) continue;
      latest = v.value;
      break;
    }
    out.push(latest === null ? ETF_MIN_OUTFLOW_USD : (latest * ETF_MIN_OUTFLOW_PCT_OF_AUM) / 100);
  }
  return out;
}

function segmentLevels(
  segment: Segment,
  levels: readonly DatedValue[],
  options: DrawdownEpisodeOptions,
  usdPerUnit: ReadonlyMap<string, number> | null,
  unit: string,
): SegmentLevels {
  return {
    segment,
    levels,
    log: drawdownEpisodeLog(levels, options),
    mergeGapDays: options.mergeGapDays ?? 10,
    usdPerUnit,
    unit,
  };
}

/**
 * waveLevels with the default options, per series object: an analysis reads them twice (the phase
 * inputs and the waves section), ~50 ms each on ten years of real data. A MarketSeries and the
 * levels are read-only, so the same object answers both.
 */
const defaultWaveLevels = new WeakMap<MarketSeries, WaveLevels>();

/**
 * The wave levels of a MarketSeries (everything in it is taken as known): perp OI in coins (USD when
 * spot is missing; −15 % from a 30-day peak), cumulative ETF flow (1.5 % of the AUM known each day,
 * or $1.5B), CME OI in coins from CFTC totals (else front-month OI once per cycle). Per-segment
 * options override the defaults (DeRiskingWaveOptions).
 */
export function waveLevels(m: MarketSeries, options: DeRiskingWaveOptions = {}): WaveLevels {
  const defaults = options.perps === undefined && options.etf === undefined && options.cme === undefined;
  if (!defaults) return computeWaveLevels(m, options);
  let levels = defaultWaveLevels.get(m);
  if (levels === undefined) defaultWaveLevels.set(m, (levels = computeWaveLevels(m, options)));
  return levels;
}

function computeWaveLevels(m: MarketSeries, options: DeRiskingWaveOptions): WaveLevels {
  const perpsCoins = openInterestCoins(m.openInterestUsd, m.spot);
  const spotUsd = new Map(m.spot.map((b) => [b.date, b.close]));
  const perpsOptions = options.perps ?? { minDropFraction: PERPS_MIN_DROP_FRACTION };
  const perpsUsd = segmentLevels('perps', m.openInterestUsd, perpsOptions, null, 'USD of open interest shed');
  const perps =
    perpsCoins.length > 0
      ? segmentLevels('perps', perpsCoins, perpsOptions, spotUsd, 'USD of open interest shed (coins × trough price)')
      : perpsUsd;
  const flows = cumulativeFlows(dailyFlowTotals(m.etfFlows));
  const etf = segmentLevels(
    'etf',
    flows,
    options.etf ?? { minDropAbsoluteAt: etfThresholdsUsd(flows, m.etfAumUsd) },
    null,
    'USD net outflow',
  );
  const cmeUsd = new Map(m.cme.map((d) => [d.date, d.close]));
  const cmeLevels = (source: ReturnType<typeof cmeWaveLevels>, usd: ReadonlyMap<string, number>): SegmentLevels =>
    segmentLevels(
      'cme',
      source.levels,
      options.cme ?? source.options,
      usd,
      'USD of open interest shed (coins × trough price)',
    );
  const frontMonthSource = cmeWaveLevels([], m.cme);
  const cmeFrontMonth = cmeLevels(frontMonthSource, cmeUsd);
  const cmeSource = cmeWaveLevels(m.cot, m.cme);
  let cme = cmeFrontMonth;
  if (cmeSource.source === 'cftc-total-open-interest') {
    // Report dates without a CME close are priced with the spot close.
    const withSpot = new Map(cmeUsd);
    for (const [date, close] of spotUsd) if (!withSpot.has(date)) withSpot.set(date, close);
    cme = cmeLevels(cmeSource, withSpot);
  }
  return {
    perps,
    perpsUsd,
    etf,
    cme,
    cmeFrontMonth,
    cmeLevelSource: cmeSource.source,
    perpsInCoins: perpsCoins.length > 0,
  };
}

/** A segment's waves from its first `end` levels, sized in USD. */
export function segmentWavesAt(s: SegmentLevels, end: number): DeRiskingWave[] {
  return episodesKnownAt(s.log, s.levels, end, s.mergeGapDays).map((e) => ({
    segment: s.segment,
    start: e.start,
    confirmedOn: e.confirmedOn,
    end: e.end,
    size: s.usdPerUnit === null ? e.size : e.size * (s.usdPerUnit.get(e.troughDate) ?? s.usdPerUnit.get(e.start) ?? 0),
    unit: s.unit,
  }));
}

/** How many levels of each series were known, and which CME and perps series a reading at that date uses. */
export interface WaveEnds {
  readonly perps: number;
  readonly etf: number;
  readonly cme: number;
  /** Read perps from `perpsUsd` (nothing priced in coins was known yet). */
  readonly perpsFromUsd?: boolean;
  /** Read CME from `cmeFrontMonth` (no CFTC report was known yet). */
  readonly cmeFromFrontMonth?: boolean;
}

/** Every segment's waves given how many levels of each were known, sorted by start date. */
export function wavesAt(levels: WaveLevels, ends: WaveEnds): DeRiskingWave[] {
  return [
    ...segmentWavesAt(ends.perpsFromUsd ? levels.perpsUsd : levels.perps, ends.perps),
    ...segmentWavesAt(levels.etf, ends.etf),
    ...segmentWavesAt(ends.cmeFromFrontMonth ? levels.cmeFrontMonth : levels.cme, ends.cme),
  ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
