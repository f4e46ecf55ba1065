import { describe, expect, it } from 'vitest';
import type { PhaseLabel } from '../../src/domain/analysis.js';
import type { HindsightState } from '../../src/domain/track-record.js';
import { labelAgreement, scoreCalls, type HindsightDays } from '../../src/track-record/label-agreement.js';

// Five hand-set days: bull, topping zone at the peak, bear, bottoming zone after the trough, unsettled.
const dates = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05'];
const states: HindsightState[] = ['bull', 'bull', 'bear', 'bull', 'unsettled'];
const acceptable: (PhaseLabel[] | null)[] = [
  ['uptrend'],
  ['topping', 'uptrend'],
  ['trend-decline'],
  ['bottoming', 'uptrend'],
  null,
];
const primary: (PhaseLabel | null)[] = ['uptrend', 'topping', 'trend-decline', 'bottoming', null];
const days: HindsightDays = {
  indexOf: (date) => dates.indexOf(date),
  states,
  labels: { acceptable, primary, zone: [null, 'topping', null, 'bottoming', null] },
};

const call = (date: string, label: PhaseLabel, confidence = 0.5) => ({ date, label, confidence });
const calls = [
  call('2024-03-01', 'uptrend'), // right; side right
  call('2024-03-02', 'topping'), // right (zone); side wrong (bear side on a bull day)
  call('2024-03-03', 'uptrend'), // wrong; side wrong
  call('2024-03-04', 'uptrend'), // right; side right
  call('2024-03-05', 'topping'), // unsettled: not scored
  call('2024-03-09', 'uptrend'), // no close: not scored
];

describe('labelAgreement', () => {
  it('computes the share right, per label, the confusion and the side agreement by hand', () => {
    const a = labelAgreement(calls, days);
    expect(a.scoredDays).toBe(4);
    expect(a.unscoredDays).toBe(2);
    expect(a.shareRight).toBe(0.75);
    expect(a.byLabel).toEqual([
      { label: 'trend-decline', days: 0, shareRight: null },
      { label: 'bottoming', days: 0, shareRight: null },
      { label: 'uptrend', days: 3, shareRight: 2 / 3 },
      { label: 'topping', days: 1, shareRight: 1 },
    ]);
    expect(a.confusion.uptrend).toEqual({ 'trend-decline': 1, bottoming: 1, uptrend: 1, topping: 0 });
    expect(a.confusion.topping).toEqual({ 'trend-decline': 0, bottoming: 0, uptrend: 0, topping: 1 });
    expect(a.confusion['trend-decline']).toEqual({ 'trend-decline': 0, bottoming: 0, uptrend: 0, topping: 0 });
    expect(a.sideScoredDays).toBe(4);
    expect(a.sideAgreement).toBe(0.5);
  });

  it('returns null shares when nothing is scored', () => {
    const a = labelAgreement([call('2024-03-05', 'uptrend')], days);
    expect(a).toMatchObject({
      scoredDays: 0,
      unscoredDays: 1,
      shareRight: null,
      sideScoredDays: 0,
      sideAgreement: null,
    });
  });
});

describe('scoreCalls', () => {
  it('scores each call against its own day', () => {
    expect(scoreCalls(calls.slice(1, 6), days)).toEqual([
      { date: '2024-03-02', label: 'topping', confidence: 0.5, right: true, sideRight: false },
      { date: '2024-03-03', label: 'uptrend', confidence: 0.5, right: false, sideRight: false },
      { date: '2024-03-04', label: 'uptrend', confidence: 0.5, right: true, sideRight: true },
      { date: '2024-03-05', label: 'topping', confidence: 0.5, right: null, sideRight: null },
      { date: '2024-03-09', label: 'uptrend', confidence: 0.5, right: null, sideRight: null },
    ]);
    expect(scoreCalls([{ date: '2024-03-01', label: 'uptrend' }], days)[0]!.confidence).toBeNull();
  });
});
