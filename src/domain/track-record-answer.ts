// What GET /api/track-record answers: the track-record contract with the parts a client may leave out
// (`omit=days,scoredCalls,equityCurves`) optional, plus whether the data were simulated and how long
// the replay took. The server's zod schema (server/track-record-schemas.ts) is checked against it.
import type { TrackRecord, TrackRecordPeriodResult } from './track-record.js';

/** The bulky parts of a track record a client may leave out, by name. */
export const TRACK_RECORD_PARTS = ['days', 'scoredCalls', 'equityCurves'] as const;
export type TrackRecordPart = (typeof TRACK_RECORD_PARTS)[number];

/** How the calls were produced. */
export interface ReplayFigures {
  /** US trading days replayed point-in-time. */
  readonly days: number;
  /** Wall time of the replay when the record was computed. */
  readonly seconds: number;
  /** Days replayed on the exact slow path (inputs rebuilt). */
  readonly rebuiltDays: number;
}

/** One period of the answer: equityCurves absent with omit=equityCurves. */
export type TrackRecordAnswerPeriod = Omit<TrackRecordPeriodResult, 'equityCurves'> & {
  readonly equityCurves?: TrackRecordPeriodResult['equityCurves'];
};

/** The answer: days and scoredCalls absent when omitted. */
export type TrackRecordAnswer = Omit<TrackRecord, 'days' | 'scoredCalls' | 'periods'> & {
  readonly simulated: boolean;
  readonly replay: ReplayFigures;
  readonly days?: TrackRecord['days'];
  readonly scoredCalls?: TrackRecord['scoredCalls'];
  readonly periods: readonly TrackRecordAnswerPeriod[];
};
