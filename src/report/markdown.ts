// Markdown rendering of the note. Charts are referenced as SVG files written next to the .md
// (`chartFile(id)` names them); everything else is plain CommonMark + pipe tables.
import type { NoteBlock, NoteDocument } from './note-model.js';

export const SIMULATED_BANNER =
  'SIMULATED DATA — this note is built from the seeded market simulator, not real market data.';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function block(b: NoteBlock, chartFile: (id: string) => string): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'lead':
      return `**${b.text}**`;
    case 'keyNumbers':
      return [
        '| Key number | Value | Note |',
        '| --- | ---: | --- |',
        ...b.items.map((i) => `| ${cell(i.label)} | ${cell(i.value)} | ${cell(i.note)} |`),
      ].join('\n');
    case 'box':
      return [`> **${b.title}**`, '>', ...b.items.map((i) => `> - ${i}`)].join('\n');
    case 'bullets':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'missing':
      return `> _${b.text}_`;
    case 'checklist':
      return b.items.map((i) => `- [${i.met ? 'x' : ' '}] ${i.text}`).join('\n');
    case 'chart':
      return `![${b.chart.title}](${chartFile(b.chart.id)})`;
    case 'table':
      return [
        `| ${b.columns.map(cell).join(' | ')} |`,
        `| ${b.columns.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
  }
}

/**
 * Renders the note as Markdown. `chartFile` maps a chart id to the relative path the caller
 * writes its SVG to (default `<id>.svg`). The simulated banner opens the note when flagged.
 */
export function renderMarkdown(note: NoteDocument, chartFile: (id: string) => string = (id) => `${id}.svg`): string {
  const parts = [`# ${note.title}`];
  if (note.simulated) parts.push(`> **${SIMULATED_BANNER}**`);
  for (const section of note.sections) {
    parts.push(`## ${section.title}`);
    for (const b of section.blocks) parts.push(block(b, chartFile));
  }
  if (note.simulated) parts.push(`---\n**${SIMULATED_BANNER}**`);
  return parts.join('\n\n') + '\n';
}
