// Which segment de-risked first in the recent waves, and by how many days each lagged.
import type { Segment } from '../domain/analysis.js';
import { addDays, daysBetween } from '../domain/dates.js';
import type { DeRiskingWave, LeadLag } from '../domain/sections/waves.js';

export interface WaveOrder {
  /** Segments ordered by when their first recent wave was confirmed (threshold first met). */
  readonly order: Segment[];
  /** Each later segment against the first one. */
  readonly leadLagDays: LeadLag[];
  /** The wave per segment used (its first recent one). */
  readonly recent: DeRiskingWave[];
}

export interface WaveOrderOptions {
  /** The reading date: waves confirmed after it are ignored. */
  readonly asOf: string;
  /**
   * Waves confirmed within this many days before asOf (or still under way) are ordered (default 120).
   * Long enough to hold a de-risking episode — the Oct 2025 flush was followed by ETF outflows three
   * to seven weeks later — short enough to forget the previous one.
   */
  readonly lookbackDays?: number;
}

/**
 * Orders segments by the confirmation date of their first wave confirmed in (asOf − lookbackDays,
 * asOf] or still ongoing; ties keep perps, etf, cme order. Lags are measured against the first
 * segment. Empty when no wave qualifies.
 */
export function waveOrder(waves: readonly DeRiskingWave[], options: WaveOrderOptions): WaveOrder {
  const from = addDays(options.asOf, -(options.lookbackDays ?? 120));
  const rank: Record<Segment, number> = { perps: 0, etf: 1, cme: 2 };
  const firstPerSegment = new Map<Segment, DeRiskingWave>();
  for (const w of waves) {
    if (w.confirmedOn > options.asOf) continue;
    if (w.confirmedOn <= from && w.end !== null) continue;
    const seen = firstPerSegment.get(w.segment);
    if (!seen || w.confirmedOn < seen.confirmedOn) firstPerSegment.set(w.segment, w);
  }
  const recent = [...firstPerSegment.values()].sort((a, b) =>
    a.confirmedOn < b.confirmedOn ? -1 : a.confirmedOn > b.confirmedOn ? 1 : rank[a.segment] - rank[b.segment],
  );
  const first = recent[0];
  return {
    order: recent.map((w) => w.segment),
    leadLagDays: first
      ? recent.slice(1).map((w) => ({
          leader: first.segment,
          follower: w.segment,
          days: daysBetween(first.confirmedOn, w.confirmedOn),
        }))
      : [],
    recent,
  };
}
