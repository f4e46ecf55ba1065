// Sustained falls of a level series from its rolling peak: the building block of de-risking waves
// (perp OI, CME OI in USD, cumulative ETF net flow).
import { daysBetween } from '../domain/dates.js';
import type { DatedValue } from '../domain/market-series.js';

export interface DrawdownEpisodeOptions {
  /** Minimum fall from the peak as a fraction of it (e.g. 0.15); used when minDropAbsolute is absent. */
  readonly minDropFraction?: number;
  /** Minimum fall in the series' own unit (e.g. USD of cumulative outflow); overrides the fraction. */
  readonly minDropAbsolute?: number;
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

/**
 * Finds episodes where `levels` (ascending) fell from the highest value of the previous
 * `peakLookback` observations by at least the threshold. Start = the peak's date; confirmedOn =
 * the first date the threshold was met; end = the trough's
 * date when the series then recovered `recoveryFraction` of the fall or went `quietObservations`
 * without a new low, else null (ongoing). Throws when neither threshold is given.
 */
export function drawdownEpisodes(levels: readonly DatedValue[], options: DrawdownEpisodeOptions): DrawdownEpisode[] {
  const { minDropFraction, minDropAbsolute } = options;
  if (minDropAbsolute === undefined && minDropFraction === undefined) {
    throw new RangeError('drawdownEpisodes: give minDropFraction or minDropAbsolute');
  }
  const lookback = options.peakLookback ?? 30;
  const recovery = options.recoveryFraction ?? 0.5;
  const quiet = options.quietObservations ?? 15;
  const mergeGap = options.mergeGapDays ?? 10;
  const raw: DrawdownEpisode[] = [];
  let floor = 0; // first index a new peak may come from
  let i = 0;
  while (i < levels.length) {
    let peakIdx = -1;
    for (let k = Math.max(floor, i - lookback); k <= i; k++)
      if (peakIdx < 0 || levels[k]!.value >= levels[peakIdx]!.value) peakIdx = k;
    const peak = levels[peakIdx]!.value;
    const v = levels[i]!.value;
    const drop = peak - v;
    const crossed =
      minDropAbsolute !== undefined ? drop >= minDropAbsolute : peak > 0 && drop / peak >= (minDropFraction ?? 1);
    if (!crossed) {
      i++;
      continue;
    }
    let troughIdx = i;
    let j = i + 1;
    let ended = false;
    for (; j < levels.length; j++) {
      const x = levels[j]!.value;
      if (x < levels[troughIdx]!.value) troughIdx = j;
      const fall = peak - levels[troughIdx]!.value;
      if (x - levels[troughIdx]!.value >= recovery * fall || j - troughIdx >= quiet) {
        ended = true;
        break;
      }
    }
    const trough = levels[troughIdx]!.value;
    raw.push({
      start: levels[peakIdx]!.date,
      confirmedOn: levels[i]!.date,
      peak,
      troughDate: levels[troughIdx]!.date,
      trough,
      end: ended ? levels[troughIdx]!.date : null,
      size: peak - trough,
    });
    if (!ended) break;
    floor = troughIdx;
    i = j + 1;
  }
  return mergeEpisodes(raw, mergeGap);
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
