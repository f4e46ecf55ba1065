import { describe, expect, it } from 'vitest';
import type { PhaseLabel } from '../../src/domain/analysis.js';
import type { ForwardReturnStats, TrackRecordDay } from '../../src/domain/track-record.js';
import {
  chartStart,
  forwardReturnSpread,
  labelRuns,
  sampleMeaning,
  verdictMark,
  yardstickRows,
} from '../../src/domain/track-record-views.js';
import { fixtureRun } from '../helpers/track-record-fixture.js';

const day = (date: string, engine: PhaseLabel | null, hindsight: PhaseLabel | null): TrackRecordDay => ({
  date,
  close: 1,
  hindsight: hindsight === null ? 'unsettled' : 'bull',
  hindsightLabel: hindsight,
  acceptableLabels: hindsight === null ? null : [hindsight],
  calls: { engine, sma200: engine, sma50and200: null },
});

const days = [
  day('2024-01-01', null, 'uptrend'),
  day('2024-01-02', 'uptrend', 'uptrend'),
  day('2024-01-03', 'uptrend', 'topping'),
  day('2024-01-04', 'topping', 'topping'),
  day('2024-01-05', 'topping', null),
];

describe('labelRuns', () => {
  it('groups consecutive days with the same call (null included), per source', () => {
    expect(labelRuns(days, 'engine')).toEqual([
      { from: '2024-01-01', to: '2024-01-01', label: null },
      { from: '2024-01-02', to: '2024-01-03', label: 'uptrend' },
      { from: '2024-01-04', to: '2024-01-05', label: 'topping' },
    ]);
    expect(labelRuns(days, 'hindsight', { from: '2024-01-02', to: '2024-01-04' })).toEqual([
      { from: '2024-01-02', to: '2024-01-02', label: 'uptrend' },
      { from: '2024-01-03', to: '2024-01-04', label: 'topping' },
    ]);
    expect(labelRuns(days, 'sma50and200')).toEqual([{ from: '2024-01-01', to: '2024-01-05', label: null }]);
    expect(labelRuns([], 'engine')).toEqual([]);
  });
});

describe('chartStart', () => {
  it('starts 30 rows before the first call, or at the first day', () => {
    expect(chartStart(days)).toBe('2024-01-01');
    expect(chartStart([])).toBeNull();
    const long = Array.from({ length: 100 }, (_, i) =>
      day(
        `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        i >= 40 ? 'uptrend' : null,
        null,
      ),
    );
    expect(chartStart(long)).toBe(long[10]!.date);
  });
});

describe('forwardReturnSpread', () => {
  const stats = (
    label: ForwardReturnStats['label'],
    n: number,
    mean: number | null,
    horizonDays = 60,
  ): ForwardReturnStats => ({
    label,
    horizonDays,
    n,
    excludedPastData: 0,
    meanReturn: { value: mean, lower: null, upper: null },
    medianReturn: mean,
    shareUp: { value: null, lower: null, upper: null },
    meanMaxDrawdown: { value: null, lower: null, upper: null },
  });
  it('is the call-weighted bull-side mean minus the bear-side mean', () => {
    // bull: (3 × 0.10 + 1 × 0.30) / 4 = 0.15; bear: (2 × −0.05 + 2 × 0.01) / 4 = −0.02; spread 0.17.
    const s = [
      stats('all', 8, 0.5),
      stats('uptrend', 3, 0.1),
      stats('bottoming', 1, 0.3),
      stats('trend-decline', 2, -0.05),
      stats('topping', 2, 0.01),
      stats('uptrend', 10, 9, 20),
    ];
    expect(forwardReturnSpread(s, 60)).toBeCloseTo(0.17, 12);
    expect(forwardReturnSpread(s, 20)).toBeNull();
    expect(forwardReturnSpread([stats('uptrend', 3, 0.1), stats('topping', 0, null)], 60)).toBeNull();
  });
});

describe('yardstickRows', () => {
  it('gives each engine’s figure, buy-and-hold only for the equity rows, and readable text', () => {
    const record = fixtureRun().record;
    const period = record.periods[1]!;
    const rows = yardstickRows(period, record.method.horizonsDays);
    const calls = rows.find((r) => r.yardstick === 'calls')!;
    expect(calls.values).toEqual({
      engine: period.engines.engine.calls,
      sma200: period.engines.sma200.calls,
      sma50and200: period.engines.sma50and200.calls,
    });
    expect(calls.text).toEqual(['325', '325', '325', '']);
    const drawdown = rows.find((r) => r.yardstick === 'phase-following max drawdown')!;
    expect(drawdown.better).toBe('lower');
    expect(drawdown.buyAndHold).toBe(period.buyAndHold!.maxDrawdown);
    const brier = rows.find((r) => r.yardstick === 'Brier score of the confidence')!;
    expect(brier.text.slice(1)).toEqual(['', '', '']);
    expect(rows.filter((r) => r.yardstick.startsWith('forward-return spread')).map((r) => r.yardstick)).toEqual([
      'forward-return spread 20 d (bull-side minus bear-side calls)',
      'forward-return spread 60 d (bull-side minus bear-side calls)',
    ]);
    expect(verdictMark(period.verdicts[0]!)).toBe('✓');
    expect(sampleMeaning(period, true)).toMatch(/^Simulated data/);
  });
});
