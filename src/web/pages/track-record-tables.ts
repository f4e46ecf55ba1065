// The Track record page's tables as HTML: a header row and text cells (escaped here), numbers right-aligned.
import { escapeHtml } from '../format.js';
import { readableDates } from '../../format/dates.js';

/**
 * A table of `rows` under `columns`; cells from index `firstNumeric` on are right-aligned figures, an
 * empty cell shows "–". Example: tableHtml(['Label', 'Days'], [['uptrend', '12']]) → one body row.
 */
export function tableHtml(columns: readonly string[], rows: readonly (readonly string[])[], firstNumeric = 1): string {
  const head = columns.map((c) => `<th>${escapeHtml(readableDates(c))}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${i >= firstNumeric ? ' class="num"' : ''}>${escapeHtml(cell === '' ? '–' : readableDates(cell))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="events tr-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
