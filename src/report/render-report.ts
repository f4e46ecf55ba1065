// The report's entry point: analysis + series + coverage in, the note in the requested formats
// out (Markdown with its chart SVG files, self-contained HTML, PDF), plus the terminal summary.
import { buildNote } from './build-note.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ReportInput } from './note-model.js';
import { htmlToPdf } from './pdf.js';
import { terminalSummary } from './terminal-summary.js';

export { REPORT_CHART_LOOKBACK_DAYS } from './build-note.js';

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  /** File name stem: tidemark-BTC-2026-01-07. */
  readonly baseName: string;
  readonly summary: string;
  readonly markdown?: string;
  /** SVG files the Markdown references (file name relative to the .md, content). Only with md. */
  readonly chartFiles: readonly { readonly fileName: string; readonly svg: string }[];
  readonly html?: string;
  readonly pdf?: Uint8Array;
}

/** tidemark-BTC-2026-01-07 */
export function reportBaseName(asset: string, asOf: string): string {
  return `tidemark-${asset}-${asOf}`;
}

/**
 * Renders the analyst note. `formats` (default ['md', 'html']) chooses the outputs; 'pdf'
 * renders the HTML too and prints it with headless Chromium (see pdf.ts). Every figure comes
 * from the input objects. Throws when the series' asset differs from the analysis'.
 */
export async function renderReport(
  input: ReportInput,
  options: { formats?: readonly ReportFormat[] } = {},
): Promise<RenderedReport> {
  const formats = new Set(options.formats ?? ['md', 'html']);
  const note = buildNote(input);
  const baseName = reportBaseName(input.analysis.asset, input.analysis.asOf);
  const chartFile = (id: string): string => `${baseName}-${id}.svg`;
  const markdown = formats.has('md') ? renderMarkdown(note, chartFile) : undefined;
  const chartFiles = formats.has('md')
    ? note.sections.flatMap((s) =>
        s.blocks.flatMap((b) => (b.kind === 'chart' ? [{ fileName: chartFile(b.chart.id), svg: b.chart.svg }] : [])),
      )
    : [];
  const html = formats.has('html') || formats.has('pdf') ? renderHtml(note) : undefined;
  const pdf =
    formats.has('pdf') && html !== undefined
      ? await htmlToPdf(html, { asset: input.analysis.asset, asOf: input.analysis.asOf })
      : undefined;
  return {
    baseName,
    summary: terminalSummary(input.analysis),
    chartFiles,
    ...(markdown !== undefined ? { markdown } : {}),
    ...(html !== undefined && formats.has('html') ? { html } : {}),
    ...(pdf !== undefined ? { pdf } : {}),
  };
}
