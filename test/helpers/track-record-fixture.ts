// A small, real track record for the surface tests: a hand-made price path of two bull/bear cycles
// (1,000 days), an "engine" that calls uptrend at 90 % whenever the close is above its level 30 days
// earlier and trend-decline at 60 % otherwise, scored by buildTrackRecord with an in-sample and an
// out-of-sample period.
import { dayOfWeek } from '../../src/domain/dates.js';
import type { PhaseCall } from '../../src/domain/track-record.js';
import type { TrackRecordRun } from '../../src/track-record/load-track-record.js';
import { buildTrackRecord } from '../../src/track-record/track-record.js';
import { piecewisePath } from './price-paths.js';

export const FIXTURE_START = '2021-01-01';
/** 2021-01-01 + 1,000 days. */
export const FIXTURE_END = '2023-09-28';

/** Up to day 250, down to 400, up to 700, down to 850, up to 1,000. */
export const fixtureCloses = piecewisePath(
  [
    [0, 100],
    [250, 400],
    [400, 180],
    [700, 520],
    [850, 260],
    [1000, 330],
  ],
  FIXTURE_START,
);

export const fixtureCalls: PhaseCall[] = fixtureCloses.flatMap((c, i) =>
  i < 210 || [0, 6].includes(dayOfWeek(c.date))
    ? []
    : [
        c.close > fixtureCloses[i - 30]!.close
          ? { date: c.date, label: 'uptrend' as const, confidence: 0.9 }
          : { date: c.date, label: 'trend-decline' as const, confidence: 0.6 },
      ],
);

/** The record as a run, simulated or not. */
export function fixtureRun(simulated = false): TrackRecordRun {
  const record = buildTrackRecord({
    asset: 'BTC',
    closes: fixtureCloses,
    calls: fixtureCalls,
    horizons: [20, 60],
    periods: [
      { name: 'in-sample (to 2022-06-30)', from: FIXTURE_START, to: '2022-06-30', sample: 'in-sample' },
      { name: 'out-of-sample', from: '2022-07-01', to: FIXTURE_END, sample: 'out-of-sample' },
    ],
    options: { bootstrap: { resamples: 100 } },
  });
  return { record, simulated, replay: { days: fixtureCalls.length, seconds: 0.5, rebuiltDays: 0 } };
}
