// The events section of the analysis: each known event with its event study.
import type { MarketEvent } from '../events.js';
import type { SignalSection } from './signal-section.js';

export interface AbnormalDay {
  readonly offset: number;
  readonly date: string;
  readonly actual: number;
  readonly expected: number;
  readonly abnormal: number;
}

export interface SeriesEventStudy {
  readonly model: 'constant-mean' | 'market-model';
  /** Date of offset 0: the first observation on or after the event date. */
  readonly eventDay: string;
  readonly estimationDays: number;
  readonly abnormal: readonly AbnormalDay[];
  /** Cumulative abnormal value over the (possibly truncated) event window. */
  readonly car: number;
  /** CAR / (σ̂ · √L), σ̂ the estimation residuals' standard deviation, L event days observed. */
  readonly tStat: number | null;
  readonly tPValue: number | null;
  /** Positive abnormal days among the event days (zeros excluded) and the exact two-sided p. */
  readonly positiveDays: number;
  readonly signTestPValue: number | null;
  /** True when asOf cut the event window short. */
  readonly truncated: boolean;
}

export interface EventStudyResult {
  /** Daily ETF net flow (USD, US trading days). */
  readonly etfNetFlowUsd: SeriesEventStudy | null;
  /** Day-on-day change of perp open interest (USD, calendar days). */
  readonly openInterestChangeUsd: SeriesEventStudy | null;
  /** Daily spot return close/close − 1 (calendar days). */
  readonly spotReturn: SeriesEventStudy | null;
}

export interface EventsSection extends SignalSection {
  readonly events: readonly (MarketEvent & { readonly study: EventStudyResult | null })[];
}

/** An event of the analysis with its study (null when the event is too recent or the series too short). */
export type AnalysedEvent = MarketEvent & { readonly study: EventStudyResult | null };
