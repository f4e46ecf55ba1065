// The note's events table: the measured effect of an event in words, marked when the as-of date cuts
// its window short (as the events signal's own sentence is), hand-built studies.
import { describe, expect, it } from 'vitest';
import type { AnalysedEvent, SeriesEventStudy } from '../../src/domain/sections/events.js';
import { measuredEffect } from '../../src/report/events-section.js';

const study = (car: number, tStat: number, truncated: boolean): SeriesEventStudy => ({
  model: 'constant-mean',
  eventDay: '2026-01-06',
  estimationDays: 60,
  abnormal: [],
  car,
  tStat,
  tPValue: null,
  positiveDays: 0,
  signTestPValue: null,
  truncated,
});

const event = (truncated: boolean): AnalysedEvent =>
  ({
    id: 'msci-dat-decision',
    date: '2026-01-06',
    kind: 'index',
    title: 'MSCI keeps digital-asset treasury companies',
    study: {
      etfNetFlowUsd: study(2.03e9, 2.2, truncated),
      openInterestChangeUsd: null,
      spotReturn: study(0.076, 1.1, false),
    },
  }) as AnalysedEvent;

describe('measuredEffect', () => {
  it('says the effect so far when the window runs past the as-of date', () => {
    expect(measuredEffect(event(true))).toBe(
      'ETF flows +$2.03B abnormal (t 2.2); price +7.6% abnormal (t 1.1) so far (window still open)',
    );
  });
  it('says nothing more once the window is whole', () => {
    expect(measuredEffect(event(false))).toBe('ETF flows +$2.03B abnormal (t 2.2); price +7.6% abnormal (t 1.1)');
  });
  it('says when nothing was measured', () => {
    expect(measuredEffect({ ...event(false), study: null })).toBe('not measured (too recent or too little history)');
  });
});
