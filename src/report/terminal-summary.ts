// The short text block `tidemark report` prints: phase and confidence, the three strongest pieces
// of evidence, the checklist ticks. Plain text, no colour codes, ~10 lines.
import { humanText } from '../domain/labels/human-text.js';
import { PHASE_NAMES } from '../domain/labels/code-names.js';
import type { Analysis } from '../domain/analysis.js';
import { formatPercent } from '../format/percent.js';
import { EVIDENCE_MARKER_LEGEND, evidenceMarker } from '../phase/evidence-direction.js';
import { rankedEvidence } from './headline-section.js';

/**
 * Summarises an analysis for the terminal. `topEvidence` (default 3) lines of evidence, strongest
 * first, each marked as `tidemark analyze` marks it: + (supports the call), − (weighs against it)
 * or · (unweighted).
 */
export function terminalSummary(analysis: Analysis, options: { topEvidence?: number } = {}): string {
  const lines = [`Tidemark ${analysis.asset} as of ${analysis.asOf}${analysis.simulated ? '  [SIMULATED DATA]' : ''}`];
  lines.push(
    analysis.phase.label === null
      ? `Phase: no call (${analysis.phase.noCallReason})`
      : `Phase: ${PHASE_NAMES[analysis.phase.label]} (confidence ${formatPercent(analysis.phase.confidence, 0)})`,
  );
  const top = rankedEvidence(analysis).slice(0, options.topEvidence ?? 3);
  if (top.length > 0) lines.push(`Evidence (${EVIDENCE_MARKER_LEGEND}):`);
  for (const e of top) lines.push(`  ${evidenceMarker(analysis.phase.label, e.weight)} ${humanText(e.text)}`);
  const met = analysis.checklist.filter((c) => c.met).length;
  lines.push(`Checklist: ${met}/${analysis.checklist.length} met`);
  for (const c of analysis.checklist) lines.push(`  [${c.met ? 'x' : ' '}] ${humanText(c.text)}`);
  return lines.join('\n') + '\n';
}
