// Support and resistance from prior consolidation ranges: stretches of at least `minBars` daily
// closes that stay within a narrow band form a range box; the boxes' edges, clustered, are the
// levels. Levels below the close are supports, above it resistances.
import type { DailyBar } from '../domain/market-series.js';

export interface RangeBox {
  readonly start: string;
  readonly end: string;
  readonly low: number;
  readonly high: number;
  readonly startIndex: number;
  readonly endIndex: number;
}

export interface SupportResistanceOptions {
  /** Shortest run of closes that counts as a consolidation. Default 15 bars (three weeks of trading). */
  readonly minBars?: number;
  /** Widest band, (max − min)/min percent, still called a consolidation. Default 8 (about half a typical BTC monthly range). */
  readonly maxWidthPct?: number;
  /** Bars searched for boxes. Default 365. */
  readonly lookbackBars?: number;
  /** Levels closer than this percent are merged into one (their mean). Default 2. */
  readonly mergePct?: number;
  /** Levels returned per side. Default 3. */
  readonly maxLevels?: number;
}

/**
 * Greedy left-to-right scan: from each bar, extend while the closes stay within maxWidthPct; a run of
 * ≥ minBars becomes a box and the scan resumes after it. Closes 10×100 then 10×120 with minBars 5
 * and width 8 % → two boxes, [100, 100] and [120, 120].
 */
export function consolidationBoxes(bars: readonly DailyBar[], options: SupportResistanceOptions = {}): RangeBox[] {
  const { minBars = 15, maxWidthPct = 8, lookbackBars = 365 } = options;
  const offset = Math.max(0, bars.length - lookbackBars);
  const boxes: RangeBox[] = [];
  let i = offset;
  while (i < bars.length) {
    let low = bars[i]!.close;
    let high = low;
    let j = i + 1;
    while (j < bars.length) {
      const c = bars[j]!.close;
      const nextLow = Math.min(low, c);
      const nextHigh = Math.max(high, c);
      if (nextLow <= 0 || (nextHigh / nextLow - 1) * 100 > maxWidthPct) break;
      low = nextLow;
      high = nextHigh;
      j += 1;
    }
    if (j - i >= minBars) {
      boxes.push({ start: bars[i]!.date, end: bars[j - 1]!.date, low, high, startIndex: i, endIndex: j - 1 });
      i = j;
    } else i += 1;
  }
  return boxes;
}

/** Sort levels and merge neighbours closer than `mergePct` percent into their mean. */
export function clusterLevels(levels: readonly number[], mergePct: number): number[] {
  const sorted = [...levels].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const level of sorted) {
    const current = clusters[clusters.length - 1];
    if (current !== undefined && (level / current[0]! - 1) * 100 <= mergePct) current.push(level);
    else clusters.push([level]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

export interface SupportResistance {
  /** Nearest first (descending). */
  readonly supports: readonly number[];
  /** Nearest first (ascending). */
  readonly resistances: readonly number[];
  readonly boxes: readonly RangeBox[];
  /** The latest consolidation that ended before the last bar; null when none. */
  readonly lastCompletedBox: RangeBox | null;
  /** Close above the upper edge of lastCompletedBox (a breakout); null when there is no such box. */
  readonly aboveResistance: boolean | null;
}

/** Support and resistance levels around the last close. Empty bars → empty lists, null flags. */
export function supportResistance(
  bars: readonly DailyBar[],
  options: SupportResistanceOptions = {},
): SupportResistance {
  const { mergePct = 2, maxLevels = 3 } = options;
  const last = bars[bars.length - 1];
  const boxes = consolidationBoxes(bars, options);
  if (last === undefined)
    return { supports: [], resistances: [], boxes, lastCompletedBox: null, aboveResistance: null };
  const levels = clusterLevels(
    boxes.flatMap((b) => [b.low, b.high]),
    mergePct,
  );
  const completed = boxes.filter((b) => b.endIndex < bars.length - 1);
  const lastCompletedBox = completed[completed.length - 1] ?? null;
  return {
    supports: levels
      .filter((l) => l < last.close)
      .reverse()
      .slice(0, maxLevels),
    resistances: levels.filter((l) => l > last.close).slice(0, maxLevels),
    boxes,
    lastCompletedBox,
    aboveResistance: lastCompletedBox === null ? null : last.close > lastCompletedBox.high,
  };
}
