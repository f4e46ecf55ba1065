// Where the current de-risking episode began: the start of the latest wave, carried back through
// every earlier wave that overlaps the episode or starts within EPISODE_GAP_DAYS of the end of the
// one before — the flush, the ETF outflow wave and the second decline of one sell-off are one
// episode; a wave a year earlier is another. Pure; the report and the dashboard both use it.
import type { Wave } from './analysis-terms.js';
import { daysBetween } from './dates.js';

/** Days between waves that still belong to one episode: one quarter (two waves a quarter apart are one sell-off). */
export const EPISODE_GAP_DAYS = 90;

/**
 * The first day of the latest de-risking episode among `waves` (any order; a wave with end null is
 * under way at `asOf`), or null when there is none. Waves starting after `asOf` are ignored.
 * Example: waves 2025-10-10→10-13, 2025-11-03→12-01, 2026-01-20→null as of 2026-02-10 → 2025-10-10.
 */
export function episodeStart(waves: readonly Wave[], asOf: string): string | null {
  const known = waves
    .filter((w) => w.start <= asOf)
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const latest = known[0];
  if (latest === undefined) return null;
  let start = latest.start;
  for (const wave of known.slice(1)) {
    const end = wave.end ?? asOf;
    if (end >= start || daysBetween(end, start) <= EPISODE_GAP_DAYS) start = wave.start < start ? wave.start : start;
    else break;
  }
  return start;
}
