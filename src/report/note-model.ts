// The analyst note as data: sections of paragraphs, bullet lists, tables, charts and checklists,
// built once from the analysis, the market series and the coverage, then rendered to Markdown,
// HTML (and through HTML to PDF). Renderers never compute figures; builders never format markup.
import type { Analysis, Evidence } from '../domain/analysis.js';
import type { PlaybookBacktests } from '../domain/backtest.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { CoverageRow } from '../store/store.js';
import type { RenderedChart } from './chart-svg.js';
import { formatFigure, labelOf } from './figure-text.js';
import type { SignalSection } from '../domain/sections/signal-section.js';
import type { TrackRecordRun } from '../track-record/load-track-record.js';

export type NoteBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'chart'; readonly chart: RenderedChart }
  | { readonly kind: 'checklist'; readonly items: readonly { readonly met: boolean; readonly text: string }[] }
  /** Something the note could not show for lack of data. */
  | { readonly kind: 'missing'; readonly text: string };

export interface NoteSection {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly NoteBlock[];
}

export interface NoteDocument {
  readonly title: string;
  readonly asset: string;
  readonly asOf: string;
  readonly simulated: boolean;
  readonly sections: readonly NoteSection[];
}

/** The note's track record: the run to the note's as-of date, or why there is none. */
export type NoteTrackRecord = { readonly run: TrackRecordRun } | { readonly missing: string };

/** What the note is built from. */
export interface ReportInput {
  readonly analysis: Analysis;
  readonly series: MarketSeries;
  readonly coverage: readonly CoverageRow[];
  /** The Track record section's record (see note-track-record.ts); absent: the section says it was not computed. */
  readonly trackRecord?: NoteTrackRecord;
  /** The playbook backtests (backtest/playbook-backtests.ts); without them the section says so. */
  readonly playbook?: PlaybookBacktests;
}

/** Keys of a signal section that are structure, not figures. */
const NON_FIGURES = new Set(['evidence', 'availability']);

const isScalar = (value: unknown): value is number | string | boolean =>
  ['number', 'string', 'boolean'].includes(typeof value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A signal section's figures as [label, formatted] rows: scalars (numbers, strings, booleans) at
 * the top level and one level down in plain objects (labelled "Cme: open interest"); arrays,
 * nulls and `skip`ped keys are left out. Formats follow the field path (see formatFigure).
 */
export function figureRows(section: object, skip: readonly string[] = []): string[][] {
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(section)) {
    if (NON_FIGURES.has(key) || skip.includes(key)) continue;
    if (isScalar(value)) rows.push([labelOf(key), formatFigure(key, value)]);
    else if (isPlainObject(value))
      for (const [leaf, inner] of Object.entries(value))
        if (isScalar(inner))
          rows.push([`${labelOf(key)}: ${labelOf(leaf).toLowerCase()}`, formatFigure(`${key}.${leaf}`, inner)]);
  }
  return rows;
}

/** The evidence a signal section carries (entries without text are dropped). */
export function sectionEvidence(section: SignalSection): Evidence[] {
  return section.evidence.filter((e) => typeof e.text === 'string');
}

/** What a signal section reported missing (availability.missing). */
export function sectionMissing(section: SignalSection): string[] {
  return [...section.availability.missing];
}

/**
 * Evidence sentences for one topic: the section's own evidence, then the judgment's evidence whose
 * signal name matches `signalPattern`, without duplicate sentences.
 */
export function topicEvidence(analysis: Analysis, section: SignalSection, signalPattern: RegExp): string[] {
  const texts = [
    ...sectionEvidence(section),
    ...analysis.phase.evidence.filter((e) => signalPattern.test(e.signal)),
  ].map((e) => e.text);
  return [...new Set(texts)];
}

/** Standard blocks for a signal section: evidence bullets, figures table, missing inputs. */
export function signalBlocks(
  analysis: Analysis,
  section: SignalSection,
  signalPattern: RegExp,
  skip: readonly string[] = [],
): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const evidence = topicEvidence(analysis, section, signalPattern);
  if (evidence.length > 0) blocks.push({ kind: 'bullets', items: evidence });
  const figures = figureRows(section, skip);
  if (figures.length > 0) blocks.push({ kind: 'table', columns: ['Figure', 'Value'], rows: figures });
  const missing = sectionMissing(section);
  if (missing.length > 0)
    blocks.push({ kind: 'missing', text: `Not computed for lack of data: ${missing.join(', ')}.` });
  return blocks;
}

/** A chart block, or a "missing" block naming the series when the chart could not be drawn. */
export function chartBlock(chart: RenderedChart | null, missingWhat: string): NoteBlock {
  return chart
    ? { kind: 'chart', chart }
    : { kind: 'missing', text: `No chart: ${missingWhat} has no data up to the as-of date.` };
}
