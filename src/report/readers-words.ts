// The note's last pass before rendering: every text a person reads — paragraphs, bullets, table
// cells, checklist items, key-number notes, boxes — in the label table's words (humanText: no
// internal key such as "trend-decline" or "position-rebalancing") with its ISO dates written as the
// rest of the note writes them ("30 Jun 2026"), whichever section built it, so builders need not
// call humanText themselves (the FactLedger still does, to compare facts in words). Section titles
// and chart captions get readable dates too; charts' drawings, column headings and the document's
// title are left as built.
import { humanText } from '../domain/labels/human-text.js';
import { readableDates } from '../format/dates.js';
import type { NoteBlock, NoteSection } from './note-model.js';

/** A text in the reader's words and dates. */
export function forReaders(text: string): string {
  return readableDates(humanText(text));
}

/** One block with every text it shows passed through forReaders. */
export function blockForReaders(block: NoteBlock): NoteBlock {
  switch (block.kind) {
    case 'paragraph':
    case 'lead':
    case 'missing':
      return { ...block, text: forReaders(block.text) };
    case 'bullets':
      return { ...block, items: block.items.map(forReaders) };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(forReaders)) };
    case 'checklist':
      return { ...block, items: block.items.map((item) => ({ ...item, text: forReaders(item.text) })) };
    case 'keyNumbers':
      return { ...block, items: block.items.map((item) => ({ ...item, note: forReaders(item.note) })) };
    case 'box':
      return { ...block, items: block.items.map(forReaders) };
    case 'chart':
      return { ...block, chart: { ...block.chart, title: readableDates(block.chart.title) } };
  }
}

/** A section with its title's dates readable and every block passed through blockForReaders. */
export function sectionForReaders(section: NoteSection): NoteSection {
  return { ...section, title: readableDates(section.title), blocks: section.blocks.map(blockForReaders) };
}
