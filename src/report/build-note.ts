// Assembles the note's sections in reading order, like a research desk's note: the call with its
// key numbers, what changed this week, the three signals, the diagnostics, the checklist and what
// would change the call, events, the caveats box and the data coverage.
import { addDays } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import {
  checklistSection,
  divergenceSection,
  liquiditySection,
  treasuriesSection,
  wavesSection,
} from './context-sections.js';
import { caveatsSection, coverageSection } from './coverage-section.js';
import { eventsSection } from './events-section.js';
import { headlineSection } from './headline-section.js';
import { FactLedger, type NoteDocument, type ReportInput } from './note-model.js';
import { etfFlowSection, positioningSection, trendSection } from './signal-sections.js';
import { whatChangedSection } from './what-changed.js';
import { playbookSection } from './playbook-section.js';
import { trackRecordSections } from './track-record-section.js';
import { whatWouldChangeSection } from './what-would-change.js';
import { sectionForReaders } from './readers-words.js';
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
  return `Tidemark — ${asset} market phase as of ${asOf}`;
}

/**
 * Builds the note from the analysis, the market series (charts), the replayed call history and the
 * store coverage. The series must be for the same asset as the analysis; a mismatch throws, naming both.
 */
export function buildNote({ analysis, series, coverage, history, trackRecord, playbook }: ReportInput): NoteDocument {
  if (series.asset !== analysis.asset)
    throw new Error(`buildNote: series asset "${series.asset}" differs from analysis asset "${analysis.asset}"`);
  const ledger = new FactLedger();
  const since = seriesStart(series) ?? addDays(analysis.asOf, -REPORT_CHART_LOOKBACK_DAYS);
  return {
    title: noteTitle(analysis.asset, analysis.asOf),
    asset: analysis.asset,
    asOf: analysis.asOf,
    simulated:
      analysis.simulated ||
      series.simulated ||
      (trackRecord !== undefined && 'run' in trackRecord && trackRecord.run.simulated),
    sections: [
      headlineSection(analysis, series, history, ledger),
      whatChangedSection(analysis, series, history),
      etfFlowSection(analysis, series, ledger),
      positioningSection(analysis, series, ledger),
      trendSection(analysis, ledger),
      liquiditySection(analysis, ledger),
      wavesSection(analysis, since, ledger),
      divergenceSection(analysis, ledger),
      treasuriesSection(analysis, ledger),
      checklistSection(analysis),
      whatWouldChangeSection(analysis),
      eventsSection(analysis, ledger),
      ...trackRecordSections(trackRecord),
      playbookSection(playbook),
      caveatsSection(analysis, coverage),
      coverageSection(analysis, coverage),
    ].map(sectionForReaders),
  };
}
