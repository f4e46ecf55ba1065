// The analyst note as data: sections of paragraphs, bullet lists, tables, charts, checklists, the
// key-numbers strip and the caveats box, built once from the analysis, the market series, the
// replayed call history and the coverage, then rendered to Markdown, HTML (and through HTML to PDF).
// Renderers never compute figures; builders never format markup. Every sentence a builder takes
// from the analysis goes through the FactLedger, so each fact is printed once and in words.
import type { Analysis } from '../domain/analysis.js';
import type { PlaybookBacktests } from '../domain/backtest.js';
import { humanText } from '../domain/labels/human-text.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { CoverageRow } from '../store/store.js';
import type { PastCall } from './call-history.js';
import type { TrackRecordRun } from '../track-record/load-track-record.js';
import type { RenderedChart } from './chart-svg.js';

export type NoteBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  /** The call line: the first thing read, set large. */
  | { readonly kind: 'lead'; readonly text: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns printed right-aligned (figures); default: none. */
      readonly numeric?: readonly boolean[];
      /** Wide tables print in a smaller font. */
      readonly dense?: boolean;
    }
  | { readonly kind: 'chart'; readonly chart: RenderedChart }
  | { readonly kind: 'checklist'; readonly items: readonly { readonly met: boolean; readonly text: string }[] }
  /** The key-numbers strip: a label, the figure, and a short note (date, change, staleness). */
  | {
      readonly kind: 'keyNumbers';
      readonly items: readonly { readonly label: string; readonly value: string; readonly note: string }[];
    }
  /** A boxed list (the caveats). */
  | { readonly kind: 'box'; readonly title: string; readonly items: readonly string[] }
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

/** The track record the note shows, or why it is missing. */
export type NoteTrackRecord = { readonly run: TrackRecordRun } | { readonly missing: string };

/** What the note is built from. */
export interface ReportInput {
  readonly analysis: Analysis;
  readonly series: MarketSeries;
  readonly coverage: readonly CoverageRow[];
  /**
   * The calls of the previous sessions, replayed point-in-time (report/load-call-history.ts); the
   * note says how long the call has held and what changed this week. Absent: those lines say so.
   */
  readonly history?: readonly PastCall[];
  /** The Track record section's record (see note-track-record.ts); absent: the section says it was not computed. */
  readonly trackRecord?: NoteTrackRecord;
  /** The playbook backtests (backtest/playbook-backtests.ts); without them the section says so. */
  readonly playbook?: PlaybookBacktests | null;
}

/**
 * The facts already printed: sentences from the analysis pass through `take`, which puts them in
 * words (humanText) and drops those an earlier section printed, so each fact appears once.
 */
export class FactLedger {
  private readonly shown = new Set<string>();

  /** Marks sentences as printed (e.g. covered by the key-numbers strip) without printing them. */
  cover(texts: readonly string[]): void {
    for (const t of texts) {
      const human = humanText(t);
      this.shown.add(human.charAt(0).toUpperCase() + human.slice(1));
    }
  }

  /** The sentences not printed yet, in words, each marked printed. */
  take(texts: readonly string[]): string[] {
    const out: string[] = [];
    for (const t of texts) {
      const human = humanText(t);
      const words = human.charAt(0).toUpperCase() + human.slice(1);
      if (this.shown.has(words)) continue;
      this.shown.add(words);
      out.push(words);
    }
    return out;
  }
}

/** A bullets block for `items`, or nothing when empty. */
export function bullets(items: readonly string[]): NoteBlock[] {
  return items.length > 0 ? [{ kind: 'bullets', items }] : [];
}

/** A chart block, or a "missing" block naming the series when the chart could not be drawn. */
export function chartBlock(chart: RenderedChart | null, missingWhat: string): NoteBlock {
  return chart
    ? { kind: 'chart', chart }
    : { kind: 'missing', text: `No chart: ${missingWhat} has no data up to the as-of date.` };
}
