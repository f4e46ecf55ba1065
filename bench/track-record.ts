// Benchmark: buildTrackRecord over 4,000 daily closes × 3 engines (the engine's weekday calls and the
// two baselines) and three periods, warm, median of 5: without the bootstrap (target < 1 s) and with
// 1,000 resamples per interval.
import { addDays, dayOfWeek } from '../src/domain/dates.js';
import type { DailyClose, PhaseCall } from '../src/domain/track-record.js';
import { createRandom } from '../src/signals/stats/seeded-random.js';
import { hindsightDating } from '../src/track-record/hindsight-dating.js';
import { hindsightLabels } from '../src/track-record/hindsight-labels.js';
import { buildTrackRecord, type TrackRecordInput } from '../src/track-record/track-record.js';
import type { BenchResult } from './result.js';

function medianMs(run: () => void, times: number): { median: number; min: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, min: ms[0]!, max: ms[ms.length - 1]! };
}

export async function main(): Promise<BenchResult[]> {
  // A seeded 500-day cycle of bull and bear markets with 2.5 % daily noise.
  const random = createRandom(5);
  let logPrice = Math.log(10_000);
  const closes: DailyClose[] = Array.from({ length: 4000 }, (_, i) => {
    logPrice += Math.sin((2 * Math.PI * i) / 500) * 0.006 + 0.025 * random.normal();
    return { date: addDays('2015-01-01', i), close: Math.exp(logPrice) };
  });
  const primary = hindsightLabels(closes, hindsightDating(closes)).primary;
  const calls: PhaseCall[] = closes.flatMap((c, i) =>
    [0, 6].includes(dayOfWeek(c.date)) ? [] : [{ date: c.date, label: primary[i] ?? 'uptrend', confidence: 0.7 }],
  );
  const input: TrackRecordInput = {
    asset: 'BTC',
    closes,
    calls,
    periods: [
      { name: 'in-sample', from: '2015-01-01', to: '2022-12-31', sample: 'in-sample' },
      { name: 'out-of-sample', from: '2023-01-01', to: '2025-12-31', sample: 'out-of-sample' },
      { name: 'all', from: '2015-01-01', to: '2025-12-31', sample: 'out-of-sample' },
    ],
  };
  const plain = { ...input, options: { bootstrap: { resamples: 1 } } };
  buildTrackRecord(plain); // warm up
  const without = medianMs(() => buildTrackRecord(plain), 5);
  const withBootstrap = medianMs(() => buildTrackRecord(input), 5);
  const detail = (t: { min: number; max: number }): string =>
    `${calls.length} calls, 3 periods; min ${t.min.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`;
  return [
    {
      name: 'track record, 4,000 days × 3 engines, no bootstrap (median of 5)',
      value: without.median,
      unit: 'ms',
      target: '< 1,000 ms',
      ok: without.median < 1000,
      detail: detail(without),
    },
    {
      name: 'track record, 4,000 days × 3 engines, 1,000 bootstrap resamples (median of 5)',
      value: withBootstrap.median,
      unit: 'ms',
      target: '',
      ok: null,
      detail: detail(withBootstrap),
    },
  ];
}
