// Which way a piece of evidence points relative to the call, and the one marker every text output
// uses for it: + supports the call, − weighs against it, · context. Evidence weights are signed
// bullish (+) / bearish (−), so a negative weight supports a trend-decline or topping call.
import type { PhaseLabel } from '../domain/analysis.js';

/** Phases whose call is bearish: evidence with a negative weight supports them. */
const BEARISH: ReadonlySet<PhaseLabel> = new Set(['trend-decline', 'topping']);

/**
 * Whether a piece of evidence supports the call: a positive weight supports bottoming/uptrend, a
 * negative one trend-decline/topping. Unweighted (0 or absent) evidence counts as supporting context.
 */
export function supportsCall(label: PhaseLabel, weight: number | undefined): boolean {
  const w = weight ?? 0;
  return w === 0 || (BEARISH.has(label) ? w < 0 : w > 0);
}

/** The marker of one piece of evidence: "+" for the call, "−" (Unicode minus) against it, "·" unweighted. */
export function evidenceMarker(label: PhaseLabel, weight: number | undefined): '+' | '−' | '·' {
  if ((weight ?? 0) === 0) return '·';
  return supportsCall(label, weight) ? '+' : '−';
}

/** The legend printed above marked evidence. */
export const EVIDENCE_MARKER_LEGEND = '+ for the call, − against it, · context';
