// "What would change the call": derived, never typed — the checklist items not yet met say what
// would move the phase forward; the met items and the evidence against the call say what would
// send it back. Thresholds come from the checklist and evidence texts themselves.
import type { Analysis, PhaseLabel } from '../domain/analysis.js';
import type { NoteSection } from './note-model.js';
import { rankedEvidence, supportsCall } from './signal-sections.js';

/** Where the call goes when the missing confirmations arrive. */
const FORWARD: Record<PhaseLabel, string> = {
  'trend-decline': 'bottoming',
  bottoming: 'uptrend',
  uptrend: 'a firmer uptrend',
  topping: 'back to uptrend',
};
/** Where it goes when what holds it up gives way. */
const BACKWARD: Record<PhaseLabel, string> = {
  'trend-decline': 'a deeper trend decline',
  bottoming: 'trend-decline',
  uptrend: 'topping',
  topping: 'trend-decline',
};

/** Lists of conditions that would move the call forward or back; empty lists are left out. */
export function whatWouldChange(analysis: Analysis): { forward: string[]; backward: string[] } {
  const forward = analysis.checklist.filter((c) => !c.met).map((c) => `${c.text} (not met at ${analysis.asOf}).`);
  const backward = [
    ...analysis.checklist.filter((c) => c.met).map((c) => `${c.text} stops holding.`),
    ...rankedEvidence(analysis)
      .filter((e) => !supportsCall(analysis.phase.label, e.weight))
      .map((e) => `The evidence against the call strengthens: ${e.text}`),
  ];
  return { forward, backward };
}

/** The section: the forward and backward conditions under the phase they lead to. */
export function whatWouldChangeSection(analysis: Analysis): NoteSection {
  const label = analysis.phase.label;
  if (label === null)
    return {
      id: 'what-would-change',
      title: 'What would change the call',
      blocks: [
        {
          kind: 'paragraph',
          text: `There is no call to change: ${analysis.phase.noCallReason}. A call is made once a ${analysis.asset} price is known at the as-of date.`,
        },
      ],
    };
  const { forward, backward } = whatWouldChange(analysis);
  return {
    id: 'what-would-change',
    title: 'What would change the call',
    blocks: [
      forward.length > 0
        ? { kind: 'paragraph', text: `Towards ${FORWARD[label]}, if these confirmations arrive:` }
        : {
            kind: 'paragraph',
            text: `Every confirmation is met; the call would only move towards ${FORWARD[label]} on new evidence.`,
          },
      ...(forward.length > 0 ? [{ kind: 'bullets' as const, items: forward }] : []),
      { kind: 'paragraph', text: `Back towards ${BACKWARD[label]}, if:` },
      {
        kind: 'bullets',
        items: backward.length > 0 ? backward : ['Any new one-way ETF outflow or renewed leverage build-up.'],
      },
    ],
  };
}
