// HTML rendering of the note: one self-contained file — inline CSS, charts as inline SVG, no
// scripts, no external requests — that prints cleanly to A4 (the PDF is this page printed).
import { DATE_IN_TEXT } from '../format/dates.js';
import { SIMULATED_BANNER } from './markdown.js';
import type { NoteBlock, NoteDocument } from './note-model.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.5 Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 860px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; border-bottom: 2px solid #1f4e79; padding-bottom: 3px; margin: 28px 0 10px; color: #1f4e79; break-after: avoid; }
.meta { color: #666; font-size: 12px; margin-bottom: 16px; }
.banner { background: #b00020; color: #fff; font-weight: bold; padding: 10px 14px; border-radius: 4px; letter-spacing: .02em; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 12.5px; break-inside: avoid; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f6f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.dense { font-size: 10.5px; }
table.dense th, table.dense td { padding: 3px 4px; }
.nw { white-space: nowrap; }
p.lead { font-size: 18px; font-weight: bold; color: #1f4e79; margin: 4px 0 8px; }
.strip { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; margin: 12px 0; break-inside: avoid; }
.kn { border: 1px solid #d5dde6; border-radius: 4px; padding: 6px 8px; background: #f7f9fb; }
.kn-label { font-size: 11px; color: #555; }
.kn-value { font-size: 16px; font-weight: bold; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kn-note { font-size: 10.5px; color: #666; }
aside.box { border: 1px solid #d9822b; background: #fff7e6; border-radius: 4px; padding: 8px 14px; margin: 8px 0; break-inside: avoid; }
aside.box h3 { margin: 0 0 4px; font-size: 14px; color: #8a5a00; }
ul, .checklist { break-inside: auto; }
li { break-inside: avoid; }
figure { margin: 12px 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #555; }
.missing { color: #8a5a00; background: #fff7e6; border-left: 3px solid #d9822b; padding: 6px 10px; font-size: 13px; }
ul.checklist { list-style: none; padding-left: 4px; }
ul.checklist li::before { display: inline-block; width: 1.4em; font-weight: bold; }
ul.checklist li.met::before { content: "\\2713"; color: #2e8b57; }
ul.checklist li.unmet::before { content: "\\2717"; color: #c0504d; }
@page { size: A4; margin: 18mm 12mm 16mm; }
@media print { body { padding: 0; max-width: none; } .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** Escaped text with its dates kept on one line. */
function text(t: string): string {
  return escapeHtml(t).replace(DATE_IN_TEXT, '<span class="nw">$&</span>');
}

/** A cell that reads as a figure (right-aligned) when a table does not say which columns are numeric. */
const NUMERIC = /^[-+−]?\$?[\d,.]+(%|×|[KMBT]|\s(coins|per 8h|d))?$|^n\/a$|^–$/;

function block(b: NoteBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${text(b.text)}</p>`;
    case 'lead':
      return `<p class="lead">${text(b.text)}</p>`;
    case 'keyNumbers':
      return `<div class="strip">${b.items
        .map(
          (i) =>
            `<div class="kn"><div class="kn-label">${escapeHtml(i.label)}</div><div class="kn-value">${escapeHtml(i.value)}</div><div class="kn-note">${text(i.note)}</div></div>`,
        )
        .join('')}</div>`;
    case 'box':
      return `<aside class="box"><h3>${escapeHtml(b.title)}</h3><ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul></aside>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`;
    case 'missing':
      return `<p class="missing">${text(b.text)}</p>`;
    case 'checklist':
      return `<ul class="checklist">${b.items.map((i) => `<li class="${i.met ? 'met' : 'unmet'}">${text(i.text)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<figure id="chart-${escapeHtml(b.chart.id)}">${b.chart.svg}<figcaption>${escapeHtml(b.chart.title)}</figcaption></figure>`;
    case 'table':
      return `<table${b.dense ? ' class="dense"' : ''}><thead><tr>${b.columns.map((c, i) => `<th${b.numeric?.[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${(b.numeric ? b.numeric[i] : NUMERIC.test(c)) ? ' class="num"' : ''}>${text(c)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
  }
}

/** Renders the note as one self-contained HTML document (UTF-8, inline CSS and SVG, no scripts). */
export function renderHtml(note: NoteDocument): string {
  const banner = note.simulated ? `<div class="banner" role="alert">${escapeHtml(SIMULATED_BANNER)}</div>` : '';
  const sections = note.sections
    .map(
      (s) =>
        `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(note.title)}</title><style>${CSS}</style></head>
<body><header><h1>${escapeHtml(note.title)}</h1><div class="meta">Asset ${escapeHtml(note.asset)} · as of ${escapeHtml(note.asOf)} (UTC, point-in-time)</div>${banner}</header>
<main>${sections}</main>${note.simulated ? `<footer>${banner}</footer>` : ''}</body></html>
`;
}
