// "What changed this week": the call and its confidence against the session a week earlier, the
// checklist items that flipped, ETF flows this week against the last complete week, the price over
// seven days, waves that began or ended and events dated in the week — all from the analysis, the
// series and the replayed history; nothing here is printed elsewhere in the note.
import type { Analysis } from '../domain/analysis.js';
import { addDays } from '../domain/dates.js';
import { PHASE_NAMES, SEGMENT_NAMES } from '../domain/labels/code-names.js';
import { humanText } from '../domain/labels/human-text.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatSignedUsd } from '../format/money.js';
import { formatPrice } from '../format/numbers.js';
import { formatPercentagePoints, formatSignedPercent } from '../format/percent.js';
import type { PastCall } from './call-history.js';
import type { NoteSection } from './note-model.js';

/** The short name of a checklist item: its text before the first colon. */
export function checklistName(text: string): string {
  const i = text.indexOf(':');
  return humanText(i === -1 ? text : text.slice(0, i));
}

/** The week's changes as sentences (empty when nothing changed that the note can see). */
export function weekChanges(
  analysis: Analysis,
  series: MarketSeries,
  history: readonly PastCall[] | undefined,
): string[] {
  const weekAgo = addDays(analysis.asOf, -7);
  const lines: string[] = [];
  const before = history?.filter((c) => c.date <= weekAgo).at(-1);
  const { label, confidence } = analysis.phase;
  if (before && label === null)
    lines.push(
      `No call today (${analysis.phase.noCallReason}); on ${before.date} the call was ${PHASE_NAMES[before.label]}.`,
    );
  else if (before && label !== null && confidence !== null) {
    const now = PHASE_NAMES[label];
    const then = PHASE_NAMES[before.label];
    const pp = formatPercentagePoints((confidence - before.confidence) * 100, 0);
    lines.push(
      before.label === label
        ? `The call is ${now}, as on ${before.date}; confidence ${pp}.`
        : `The call moved from ${then} (${before.date}) to ${now}; confidence ${pp}.`,
    );
    const was = new Map(before.checklist.map((c) => [c.id, c.met]));
    for (const c of analysis.checklist) {
      const prior = was.get(c.id);
      if (prior === undefined || prior === c.met) continue;
      lines.push(
        `Checklist: "${checklistName(c.text)}" is ${c.met ? 'now met' : 'no longer met'} (${before.date}: ${prior ? 'met' : 'not met'}).`,
      );
    }
  } else if (history !== undefined) {
    lines.push('No session a week earlier was replayed: the call cannot be compared with last week.');
  }
  const weeks = analysis.signals.etfFlows.weeklyNetFlowsUsd;
  const current = weeks.at(-1);
  const lastComplete = [...weeks].reverse().find((w) => w.complete !== false && w !== current);
  if (current && lastComplete)
    lines.push(
      `ETF flows: ${formatSignedUsd(current.netFlowUsd)} in the week ending ${current.weekEnding}${current.complete === false ? ` (${current.days} of its sessions so far)` : ''}, against ${formatSignedUsd(lastComplete.netFlowUsd)} the week ending ${lastComplete.weekEnding}.`,
    );
  const spot = series.spot;
  const last = spot.at(-1);
  const prior = [...spot].reverse().find((b) => last !== undefined && b.date <= addDays(last.date, -7));
  if (last && prior)
    lines.push(
      `${analysis.asset} ${formatPrice(last.close)} on ${last.date}, ${formatSignedPercent(last.close / prior.close - 1)} from ${formatPrice(prior.close)} on ${prior.date}.`,
    );
  for (const w of analysis.waves) {
    if (w.start > weekAgo) lines.push(`New de-risking wave: ${SEGMENT_NAMES[w.segment]} from ${w.start}.`);
    if (w.end !== null && w.end > weekAgo)
      lines.push(`De-risking wave over: ${SEGMENT_NAMES[w.segment]}, ended ${w.end}.`);
  }
  for (const e of analysis.signals.events)
    if (e.date > weekAgo && e.date <= analysis.asOf) lines.push(`Event ${e.date}: ${e.title}.`);
  return lines;
}

/** The section; says so when nothing changed. */
export function whatChangedSection(
  analysis: Analysis,
  series: MarketSeries,
  history: readonly PastCall[] | undefined,
): NoteSection {
  const lines = weekChanges(analysis, series, history);
  return {
    id: 'what-changed',
    title: 'What changed this week',
    blocks:
      lines.length > 0
        ? [{ kind: 'bullets', items: lines }]
        : [{ kind: 'paragraph', text: 'Nothing the note tracks changed in the last seven days.' }],
  };
}
