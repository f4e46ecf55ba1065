// Sustained falls of a level series from its rolling peak: the building block of de-risking waves
// (perp OI, CME OI in USD, cumulative ETF net flow).
import { daysBetween } from '../domain/dates.js';
import type { DatedValue } from '../domain/market-series.js';

export interface DrawdownEpisodeOptions {
  /** Minimum fall from the peak as a fraction of it (e.g. 0.15); used when minDropAbsolute is absent. */
  readonly minDropFraction?: number;
  /** Minimum fall in the series' own unit (e.g. USD of cumulative outflow); overrides the fraction. */
  readonly minDropAbsolute?: number;
  /**
   * Per-observation minimum fall in the series' own unit, aligned with the levels (e.g. 1.5 % of the
   * AUM known on each day); overrides minDropAbsolute, so a threshold never uses later data.
   */
  readonly minDropAbsoluteAt?: readonly number[];
  /** Observations looked back for the peak before an episode (default 30). */
  readonly peakLookback?: number;
  /** The episode ends at its trough once the series has regained this fraction of the fall (default 0.5) … */
  readonly recoveryFraction?: number;
  /** … or once no new low has been made for this many observations (default 15). */
  readonly quietObservations?: number;
  /** Episodes whose gap (previous trough → next peak) is at most this many calendar days merge (default 10). */
  readonly mergeGapDays?: number;
}

export interface DrawdownEpisode {
  readonly start: string;
  /** First date the fall from the peak reached the threshold (when the wave became visible). */
  readonly confirmedOn: string;
  readonly peak: number;
  readonly troughDate: string;
  readonly trough: number;
  /** Trough date once the episode is over; null while it is still under way at the last observation. */
  readonly end: string | null;
  /** peak − trough, in the series' unit. */
  readonly size: number;
}

/** One raw episode of the causal scan, by index into the level series. */
export interface EpisodeRecord {
  readonly peakIndex: number;
  /** Index at which the fall first met the threshold. */
  readonly confirmedIndex: number;
  /** Index of the trough (the final one for an ended episode; the last seen for an open one). */
  readonly troughIndex: number;
  /** Index at which the end rule (recovery or quiet) was met; null while still under way at the last observation. */
  readonly endedIndex: number | null;
}

function requireThreshold(options: DrawdownEpisodeOptions): void {
  if (options.minDropAbsolute === undefined && options.minDropFraction === undefined && !options.minDropAbsoluteAt) {
    throw new RangeError('drawdownEpisodes: give minDropFraction or minDropAbsolute');
  }
}

/**
 * The causal scan behind `drawdownEpisodes`, as records by index: every record depends only on the
 * levels up to its own indices, so the records of a prefix of `levels` are the records of the whole
 * series that were confirmed within the prefix (see `episodesKnownAt`). Throws without a threshold.
 */
export function drawdownEpisodeLog(levels: readonly DatedValue[], options: DrawdownEpisodeOptions): EpisodeRecord[] {
  requireThreshold(options);
  const { minDropFraction, minDropAbsolute, minDropAbsoluteAt } = options;
  const lookback = options.peakLookback ?? 30;
  const recovery = options.recoveryFraction ?? 0.5;
  const quiet = options.quietObservations ?? 15;
  const records: EpisodeRecord[] = [];
  let floor = 0; // first index a new peak may come from
  let i = 0;
  while (i < levels.length) {
    let peakIdx = -1;
    for (let k = Math.max(floor, i - lookback); k <= i; k++)
      if (peakIdx < 0 || levels[k]!.value >= levels[peakIdx]!.value) peakIdx = k;
    const peak = levels[peakIdx]!.value;
    const drop = peak - levels[i]!.value;
    const absolute = minDropAbsoluteAt?.[i] ?? minDropAbsolute;
    const crossed = absolute !== undefined ? drop >= absolute : peak > 0 && drop / peak >= (minDropFraction ?? 1);
    if (!crossed) {
      i++;
      continue;
    }
    let troughIdx = i;
    let j = i + 1;
    let endedIndex: number | null = null;
    for (; j < levels.length; j++) {
      const x = levels[j]!.value;
      if (x < levels[troughIdx]!.value) troughIdx = j;
      const fall = peak - levels[troughIdx]!.value;
      if (x - levels[troughIdx]!.value >= recovery * fall || j - troughIdx >= quiet) {
        endedIndex = j;
        break;
      }
    }
    records.push({ peakIndex: peakIdx, confirmedIndex: i, troughIndex: troughIdx, endedIndex });
    if (endedIndex === null) break;
    floor = troughIdx;
    i = j + 1;
  }
  return records;
}

/**
 * The episodes a scan of levels[0, end) finds, from the log of the whole series: records confirmed
 * before `end`; one still under way at `end − 1` keeps the lowest level seen so far as its trough.
 * Identical to `drawdownEpisodes(levels.slice(0, end), options)` (merging included).
 */
export function episodesKnownAt(
  log: readonly EpisodeRecord[],
  levels: readonly DatedValue[],
  end: number,
  mergeGapDays = 10,
): DrawdownEpisode[] {
  const raw: DrawdownEpisode[] = [];
  for (const r of log) {
    if (r.confirmedIndex >= end) break;
    const ended = r.endedIndex !== null && r.endedIndex < end;
    let troughIdx = r.troughIndex;
    if (!ended) {
      troughIdx = r.confirmedIndex;
      for (let j = r.confirmedIndex + 1; j < end; j++) if (levels[j]!.value < levels[troughIdx]!.value) troughIdx = j;
    }
    const peak = levels[r.peakIndex]!.value;
    const trough = levels[troughIdx]!.value;
    raw.push({
      start: levels[r.peakIndex]!.date,
      confirmedOn: levels[r.confirmedIndex]!.date,
      peak,
      troughDate: levels[troughIdx]!.date,
      trough,
      end: ended ? levels[troughIdx]!.date : null,
      size: peak - trough,
    });
    if (!ended) break;
  }
  return mergeEpisodes(raw, mergeGapDays);
}

/**
 * Finds episodes where `levels` (ascending) fell from the highest value of the previous
 * `peakLookback` observations by at least the threshold. Start = the peak's date; confirmedOn =
 * the first date the threshold was met; end = the trough's
 * date when the series then recovered `recoveryFraction` of the fall or went `quietObservations`
 * without a new low, else null (ongoing). Throws when neither threshold is given.
 */
export function drawdownEpisodes(levels: readonly DatedValue[], options: DrawdownEpisodeOptions): DrawdownEpisode[] {
  return episodesKnownAt(drawdownEpisodeLog(levels, options), levels, levels.length, options.mergeGapDays ?? 10);
}

/** Merges consecutive episodes when the next one starts within `gapDays` of the previous trough. */
export function mergeEpisodes(episodes: readonly DrawdownEpisode[], gapDays: number): DrawdownEpisode[] {
  const out: DrawdownEpisode[] = [];
  for (const e of episodes) {
    const prev = out[out.length - 1];
    if (prev && daysBetween(prev.troughDate, e.start) <= gapDays) {
      const deeper = e.trough < prev.trough ? e : prev;
      out[out.length - 1] = {
        start: prev.start,
        confirmedOn: prev.confirmedOn,
        peak: Math.max(prev.peak, e.peak),
        troughDate: deeper.troughDate,
        trough: deeper.trough,
        end: e.end === null ? null : deeper.troughDate,
        size: Math.max(prev.peak, e.peak) - deeper.trough,
      };
    } else out.push(e);
  }
  return out;
}
