// When each kind of number becomes public (point-in-time rules). Importers and connectors use these
// so that an analysis as of a past date never sees a number before it was published.
// Sources: ../shared/domain-notes.md ("When a number becomes known").
import { addDays, dayOfWeek, timestampOn } from './dates.js';

/** Farside ETF flows for US trading day D: the table fills in that evening (US) — known D+1 02:00 UTC. */
export function etfFlowKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 1, 2);
}

/** A crypto daily bar or daily aggregate closing at 00:00 UTC after D: known D+1 00:00 UTC. */
export function cryptoDailyKnownAt(date: string): string {
  return timestampOn(date, 1);
}

/** A US-listed instrument's daily bar (close 16:00 New York): known D 21:00 UTC. */
export function usCloseKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 0, 21);
}

/** CME settlement for trade date D (~16:00 Chicago): known D 22:00 UTC. */
export function cmeSettleKnownAt(tradeDate: string): string {
  return timestampOn(tradeDate, 0, 22);
}

/**
 * CFTC Commitments of Traders: positions as of Tuesday D, published Friday 15:30 New York
 * (20:30 UTC in winter; we use 20:30 UTC all year, the later of the two).
 */
export function cotKnownAt(reportDate: string): string {
  const daysToFriday = (5 - dayOfWeek(reportDate) + 7) % 7 || 7;
  return timestampOn(addDays(reportDate, daysToFriday), 0, 20, 30);
}

/** A weekly or monthly aggregate dated by its last day: known the day after, 00:00 UTC. */
export function periodEndKnownAt(periodEnd: string): string {
  return timestampOn(periodEnd, 1);
}
