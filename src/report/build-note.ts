// Assembles the note's sections in reading order, like a research desk's note: judgment first,
// the three key signals, the diagnostics, the checklist and what would change it, what the playbook
// would have done, then the data.
import { addDays } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { coverageSection } from './coverage-section.js';
import {
  checklistSection,
  divergenceSection,
  liquiditySection,
  treasuriesSection,
  wavesSection,
} from './context-sections.js';
import type { NoteDocument, ReportInput } from './note-model.js';
import { playbookSection } from './playbook-section.js';
import { etfFlowSection, eventsSection, headlineSection, positioningSection } from './signal-sections.js';
import { trackRecordSections } from './track-record-section.js';
import { whatWouldChangeSection } from './what-would-change.js';

/** Calendar days of history the note's charts show (the loader's lookbackDays for reports); the
 * waves section falls back to it when the series are empty. */
export const REPORT_CHART_LOOKBACK_DAYS = 180;

/** The first date the charted series cover (spot, perp OI or ETF flows), or null when all are empty. */
export function seriesStart(series: MarketSeries): string | null {
  const firsts = [series.spot[0]?.date, series.openInterestUsd[0]?.date, series.etfFlows[0]?.date].filter(
    (d): d is string => d !== undefined,
  );
  return firsts.length > 0 ? firsts.reduce((a, b) => (a < b ? a : b)) : null;
}

/** The title used in every format: "Tidemark — BTC market phase as of 2026-01-07". */
export function noteTitle(asset: string, asOf: string): string {
  return `Tidemark - ${asset} market phase as of ${asOf}`;
}

/**
 * Builds the note from the analysis, the market series (charts) and the store coverage.
 * The series must be for the same asset as the analysis; a mismatch throws, naming both.
 */
export function buildNote({ analysis, series, coverage, trackRecord, playbook }: ReportInput): NoteDocument {
  if (series.asset !== analysis.asset)
    throw new Error(`buildNote: series asset "${series.asset}" differs from analysis asset "${analysis.asset}"`);
  return {
    title: noteTitle(analysis.asset, analysis.asOf),
    asset: analysis.asset,
    asOf: analysis.asOf,
    simulated:
      analysis.simulated ||
      series.simulated ||
      (trackRecord !== undefined && 'run' in trackRecord && trackRecord.run.simulated),
    sections: [
      headlineSection(analysis),
      etfFlowSection(analysis, series),
      positioningSection(analysis, series),
      eventsSection(analysis),
      liquiditySection(analysis),
      wavesSection(analysis, seriesStart(series) ?? addDays(analysis.asOf, -REPORT_CHART_LOOKBACK_DAYS)),
      divergenceSection(analysis, series),
      treasuriesSection(analysis, series),
      checklistSection(analysis),
      whatWouldChangeSection(analysis),
      ...trackRecordSections(trackRecord),
      playbookSection(playbook),
      coverageSection(analysis, coverage),
    ],
  };
}
