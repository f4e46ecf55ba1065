// The top of the note: the call with how long it has held, the confidence in words, the freshness
// line, the key-numbers strip, and the judgment's own reasons (for and against) — the part a desk
// head reads before deciding to forward.
import type { Analysis } from '../domain/analysis.js';
import { supportsCall } from '../phase/evidence-direction.js';
import { capitalise, PHASE_NAMES } from '../domain/labels/code-names.js';
import type { MarketSeries } from '../domain/market-series.js';
import { callChange, callChangeText, confidenceWords, type PastCall } from './call-history.js';
import { freshnessLine, keyNumbers } from './key-numbers.js';
import { bullets, type FactLedger, type NoteBlock, type NoteSection } from './note-model.js';

// Whether evidence supports the call is decided in one place for every output (phase/evidence-direction.ts).
export { supportsCall } from '../phase/evidence-direction.js';

/** The strongest evidence first: by |weight|, unweighted last, original order kept on ties. */
export function rankedEvidence(analysis: Analysis): Analysis['phase']['evidence'] {
  return [...analysis.phase.evidence].sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0));
}

/** The judgment's own evidence (signals named without a section path: trend, etfFlows, positioning); freshness is the freshness line's. */
const JUDGMENT_SIGNALS = new Set(['trend', 'etfFlows', 'positioning']);

/** The call line: the phase and its run from the replayed sessions, or the phase alone without history. */
export function callLine(analysis: Analysis, history: readonly PastCall[] | undefined): string {
  const head = `${analysis.asset} as of ${analysis.asOf}: `;
  if (analysis.phase.label === null) return `${head}no call — ${analysis.phase.noCallReason}`;
  if (history === undefined || history.length === 0) {
    return `${head}${capitalise(PHASE_NAMES[analysis.phase.label])} (no earlier sessions replayed)`;
  }
  return head + callChangeText(callChange(history, { date: analysis.asOf, label: analysis.phase.label }));
}

/** The headline section. Prints the judgment's reasons into `ledger` so later sections skip them. */
export function headlineSection(
  analysis: Analysis,
  series: MarketSeries,
  history: readonly PastCall[] | undefined,
  ledger: FactLedger,
): NoteSection {
  const { label } = analysis.phase;
  if (label === null) return noCallHeadline(analysis, series, analysis.phase.noCallReason, ledger);
  // The judgment's own reasons, then the strongest weighted evidence of the sections (three for, two against).
  const ranked = rankedEvidence(analysis).filter((e) => e.signal !== 'freshness');
  const own = (e: Analysis['phase']['evidence'][number]): boolean => JUDGMENT_SIGNALS.has(e.signal);
  ledger.cover(analysis.phase.evidence.filter((e) => e.signal === 'freshness').map((e) => e.text));
  // The strip prints the price against its averages.
  ledger.cover(analysis.signals.trend.evidence.filter((e) => e.signal === 'trend.movingAverages').map((e) => e.text));
  const pick = (supporting: boolean, extra: number): string[] => {
    const side = ranked.filter((e) => supportsCall(label, e.weight) === supporting);
    const weighted = side.filter((e) => !own(e) && (e.weight ?? 0) !== 0).slice(0, extra);
    return ledger.take(side.filter((e) => own(e) || weighted.includes(e)).map((e) => e.text));
  };
  const forCall = pick(true, 3);
  const against = pick(false, 2);
  const blocks: NoteBlock[] = [
    { kind: 'lead', text: callLine(analysis, history) },
    { kind: 'paragraph', text: confidenceWords(analysis.phase.confidence) },
    { kind: 'paragraph', text: freshnessLine(analysis) },
    { kind: 'keyNumbers', items: keyNumbers(analysis, series) },
  ];
  if (forCall.length > 0) blocks.push({ kind: 'paragraph', text: 'Why:' }, ...bullets(forCall));
  if (against.length > 0) blocks.push({ kind: 'paragraph', text: 'Against:' }, ...bullets(against));
  return { id: 'headline', title: 'The call', blocks };
}

/** The headline without a call: why, what is fresh, the key numbers, and what the data does show. */
function noCallHeadline(analysis: Analysis, series: MarketSeries, reason: string, ledger: FactLedger): NoteSection {
  const context = ledger.take(
    rankedEvidence(analysis)
      .filter((e) => e.signal !== 'freshness')
      .map((e) => e.text),
  );
  const blocks: NoteBlock[] = [
    { kind: 'lead', text: `${analysis.asset} as of ${analysis.asOf}: no call — ${reason}` },
    { kind: 'paragraph', text: freshnessLine(analysis) },
    { kind: 'keyNumbers', items: keyNumbers(analysis, series) },
  ];
  if (context.length > 0)
    blocks.push({ kind: 'paragraph', text: 'What the data does show (not enough for a call):' }, ...bullets(context));
  return { id: 'headline', title: 'The call', blocks };
}
