// The call's history in the note: the judgment replayed point-in-time over the previous sessions
// (phase/replay.ts, each day reading only what was known that day), reduced to the one line a desk
// reads first — "bottoming, unchanged for 9 sessions; was trend decline until 2026-01-05" — and to
// the calls and checklist of one week earlier for "what changed this week".
import type { ChecklistItem, PhaseLabel } from '../domain/analysis.js';
import { PHASE_NAMES } from '../domain/labels/code-names.js';
import { formatPercent } from '../format/percent.js';

/** One replayed session: the call and the checklist as they stood that day. */
export interface PastCall {
  readonly date: string;
  readonly label: PhaseLabel;
  readonly confidence: number;
  readonly checklist: readonly ChecklistItem[];
}

/** How long the current call has held and what it was before. */
export interface CallChange {
  readonly label: PhaseLabel;
  /** Sessions in a row (the as-of date included) with this call. */
  readonly sessions: number;
  /** First session of the current run. */
  readonly since: string;
  /** The call before the run and its last session; null when the whole replayed window agrees. */
  readonly previous: { readonly label: PhaseLabel; readonly until: string } | null;
  /** Sessions replayed (the as-of date included). */
  readonly replayed: number;
}

/**
 * The current run of the call: `history` holds the replayed sessions (ascending, any order of dates
 * accepted and sorted); the as-of date's own call is `current` (the analysis' call, which the replay
 * reproduces), replacing a replayed session of the same date.
 */
export function callChange(history: readonly PastCall[], current: { date: string; label: PhaseLabel }): CallChange {
  const past = [...history].filter((c) => c.date < current.date).sort((a, b) => a.date.localeCompare(b.date));
  let sessions = 1;
  let since = current.date;
  for (let i = past.length - 1; i >= 0; i -= 1) {
    const call = past[i]!;
    if (call.label !== current.label)
      return {
        label: current.label,
        sessions,
        since,
        previous: { label: call.label, until: call.date },
        replayed: past.length + 1,
      };
    sessions += 1;
    since = call.date;
  }
  return { label: current.label, sessions, since, previous: null, replayed: past.length + 1 };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The change line: "Bottoming, unchanged for 9 sessions; was trend decline until 2026-01-05";
 * "Trend decline since 2026-07-07 (changed today); was bottoming until 2026-07-06"; when the
 * replayed window never changed: "Trend decline, unchanged for at least 120 sessions (since 2026-01-02)".
 */
export function callChangeText(change: CallChange): string {
  const name = PHASE_NAMES[change.label];
  const head = name.charAt(0).toUpperCase() + name.slice(1);
  if (change.previous === null)
    return `${head}, unchanged for at least ${plural(change.sessions, 'session')} (every session replayed since ${change.since})`;
  const was = `was ${PHASE_NAMES[change.previous.label]} until ${change.previous.until}`;
  if (change.sessions === 1) return `${head}: changed at this session; ${was}`;
  return `${head}, unchanged for ${plural(change.sessions, 'session')} (since ${change.since}); ${was}`;
}

/** The confidence in words: the probability that the call is right in hindsight, and what it means. */
export function confidenceWords(confidence: number): string {
  const pct = formatPercent(confidence, 0);
  const reading =
    confidence < 0.55
      ? 'close to a coin flip: treat the call as provisional'
      : confidence < 0.7
        ? 'moderate: right more often than not, with room for a reversal'
        : confidence < 0.85
          ? 'high: calls reached this way were mostly right in hindsight'
          : 'very high: calls reached this way were almost always right in hindsight';
  return `Confidence ${pct} — the model's probability that this call is right in hindsight; ${reading}.`;
}
