// "What would change the call": derived, never typed. The price levels at which the judgment's own
// rules flip (the 15 % regime threshold from the regime's extreme; bottoming's depth and nearness to
// the low), then the unmet confirmations by name (forward) and the met ones (back). Thresholds come
// from phase/rules.ts, prices from the analysis.
import type { Analysis, PhaseLabel } from '../domain/analysis.js';
import { PHASE_NAMES } from '../domain/labels/code-names.js';
import { formatPrice } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';
import { BOTTOMING_MIN_DRAWDOWN, HOLDING_RETURN_10D, NEAR_EXTREME, REGIME_THRESHOLD } from '../phase/rules.js';
import type { NoteSection } from './note-model.js';
import { checklistName } from './what-changed.js';

/** Where the call goes when the missing confirmations arrive. */
const FORWARD: Record<PhaseLabel, string> = {
  'trend-decline': PHASE_NAMES.bottoming,
  bottoming: PHASE_NAMES.uptrend,
  uptrend: `a firmer ${PHASE_NAMES.uptrend}`,
  topping: `back to ${PHASE_NAMES.uptrend}`,
};
/** Where it goes when what holds it up gives way. */
const BACKWARD: Record<PhaseLabel, string> = {
  'trend-decline': `a deeper ${PHASE_NAMES['trend-decline']}`,
  bottoming: PHASE_NAMES['trend-decline'],
  uptrend: PHASE_NAMES.topping,
  topping: PHASE_NAMES['trend-decline'],
};

/**
 * What a confirmed regime turn does to the call: turns it, or — when the engine already switched
 * early (ahead of the regime, on the 50-day average) — confirms the call in force.
 */
function regimeConsequence(label: PhaseLabel | null, side: 'uptrend' | 'trend-decline'): string {
  return label === side
    ? `the ${PHASE_NAMES[side]} call, made before the regime turned, would be confirmed`
    : `the call would turn to ${PHASE_NAMES[side]}`;
}

/** The price levels at which the regime (and with it the side of the call) would turn. */
export function priceTriggers(analysis: Analysis): string[] {
  const t = analysis.signals.trend;
  const lines: string[] = [];
  if (t.regime === 'bear' && t.regimeExtremeClose !== null) {
    lines.push(
      `A close above ${formatPrice(t.regimeExtremeClose * (1 + REGIME_THRESHOLD))} (${formatPercent(REGIME_THRESHOLD, 0)} above the regime low ${formatPrice(t.regimeExtremeClose)} of ${t.regimeExtremeDate}) would confirm a bull regime: ${regimeConsequence(analysis.phase.label, 'uptrend')}.`,
    );
    if (analysis.phase.label === 'trend-decline' && t.peakClose !== null)
      lines.push(
        `Bottoming needs all of: a close within ${formatPercent(NEAR_EXTREME, 0)} of the regime low (at most ${formatPrice(t.regimeExtremeClose * (1 + NEAR_EXTREME))}), at least ${formatPercent(BOTTOMING_MIN_DRAWDOWN, 0)} below the peak (at most ${formatPrice(t.peakClose * (1 - BOTTOMING_MIN_DRAWDOWN))}), two-way ETF flows, and a 10-day return above ${formatPercent(HOLDING_RETURN_10D, 0)}.`,
      );
  }
  if (t.regime === 'bull' && t.regimeExtremeClose !== null)
    lines.push(
      `A close below ${formatPrice(t.regimeExtremeClose * (1 - REGIME_THRESHOLD))} (${formatPercent(REGIME_THRESHOLD, 0)} under the regime high ${formatPrice(t.regimeExtremeClose)} of ${t.regimeExtremeDate}) would confirm a bear regime: ${regimeConsequence(analysis.phase.label, 'trend-decline')}.`,
    );
  return lines;
}

/** Lists of conditions that would move the call forward or back (checklist items by name). */
export function whatWouldChange(analysis: Analysis): { forward: string[]; backward: string[] } {
  return {
    forward: analysis.checklist.filter((c) => !c.met).map((c) => checklistName(c.text)),
    backward: analysis.checklist.filter((c) => c.met).map((c) => `${checklistName(c.text)} stops holding`),
  };
}

/** The section: price triggers, then the confirmations forward and back. */
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
  const triggers = priceTriggers(analysis);
  return {
    id: 'what-would-change',
    title: 'What would change the call',
    blocks: [
      ...(triggers.length > 0 ? [{ kind: 'bullets' as const, items: triggers }] : []),
      {
        kind: 'paragraph',
        text:
          forward.length > 0
            ? `Towards ${FORWARD[label]}, the confirmations still missing: ${forward.join('; ')}.`
            : `Every confirmation is met; the call would only move towards ${FORWARD[label]} on new evidence.`,
      },
      {
        kind: 'paragraph',
        text: `Back towards ${BACKWARD[label]}: ${backward.length > 0 ? `${backward.join('; ')}, or ` : ''}the evidence against the call (above) strengthening.`,
      },
    ],
  };
}
