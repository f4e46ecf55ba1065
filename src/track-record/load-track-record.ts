// The track record of one asset from a store: load the whole history once, replay every US trading
// day point-in-time (phase/replay.ts), and score the calls with the baselines (track-record.ts), the
// in-sample and out-of-sample periods apart. The entry point the CLI, the report and the server share.
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays, dateRange } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { IN_SAMPLE_END, TRACK_RECORD_START } from '../domain/sample-split.js';
import type { TrackRecord, TrackRecordPeriod } from '../domain/track-record.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import { replayPhases, type ReplayResult } from '../phase/replay.js';
import { defaultAsOf, loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { buildTrackRecord, type TrackRecordOptions } from './track-record.js';

/** Closes the engine needs before its first call (the 200-day average). */
export const WARM_UP_CLOSES = 200;

/** The store holds too few daily closes of the asset (as known at `to`) for a first call. */
export class NotEnoughHistoryError extends Error {
  override readonly name = 'NotEnoughHistoryError';
  constructor(
    readonly asset: AnalysedAsset,
    readonly to: string,
    readonly closes: number,
  ) {
    super(
      `track record of ${asset} to ${to}: the store holds ${closes} daily close${closes === 1 ? '' : 's'} known by then; the first call needs ${WARM_UP_CLOSES + 1} (the 200-day average)`,
    );
  }
}

export interface TrackRecordRequest {
  readonly asset: AnalysedAsset;
  /** First call date (default: TRACK_RECORD_START, 2017-01-01, or later when the history is shorter). */
  readonly from?: string;
  /** Last call date (default: the latest data, see defaultAsOf). */
  readonly to?: string;
  /** Forward-return horizons in calendar days (default 20, 60, 120). */
  readonly horizons?: readonly number[];
  readonly options?: TrackRecordOptions;
  /** Called during the replay with (days done, days in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The track record with how it was produced. */
export interface TrackRecordRun {
  readonly record: TrackRecord;
  readonly simulated: boolean;
  readonly replay: { readonly days: number; readonly seconds: number; readonly rebuiltDays: number };
}

/** The periods of a record: the simulator is all in-sample; BTC splits at IN_SAMPLE_END; ETH is all out-of-sample. */
export function trackRecordPeriods(
  asset: AnalysedAsset,
  from: string,
  to: string,
  simulated: boolean,
): TrackRecordPeriod[] {
  if (simulated) return [{ name: 'simulator (in-sample)', from, to, sample: 'in-sample' }];
  if (asset === 'BTC' && from <= IN_SAMPLE_END) {
    const periods: TrackRecordPeriod[] = [
      {
        name: `in-sample (to ${IN_SAMPLE_END})`,
        from,
        to: to < IN_SAMPLE_END ? to : IN_SAMPLE_END,
        sample: 'in-sample',
      },
    ];
    if (to > IN_SAMPLE_END)
      periods.push({ name: 'out-of-sample', from: addDays(IN_SAMPLE_END, 1), to, sample: 'out-of-sample' });
    return periods;
  }
  return [{ name: 'out-of-sample', from, to, sample: 'out-of-sample' }];
}

/** The US trading days replayed: from the later of `from` and the 201st close to `to`. */
export function replayDates(series: MarketSeries, from: string, to: string): string[] {
  const warmUp = series.spot[WARM_UP_CLOSES]?.date;
  const start = warmUp === undefined ? to : warmUp > from ? warmUp : from;
  return start > to ? [] : dateRange(start, to).filter(isUsTradingDay);
}

/** Replays the whole history of `series` over `dates` and scores it. */
export function trackRecordOfSeries(
  series: MarketSeries,
  dates: readonly string[],
  request: Omit<TrackRecordRequest, 'from' | 'to'>,
): TrackRecordRun {
  const started = performance.now();
  const replay: ReplayResult = replayPhases(
    series,
    dates,
    request.onProgress ? { onProgress: request.onProgress } : {},
  );
  const seconds = (performance.now() - started) / 1000;
  const from = dates[0] ?? series.asOf;
  const to = dates.at(-1) ?? series.asOf;
  const record = buildTrackRecord({
    asset: series.asset,
    closes: series.spot.map((b) => ({ date: b.date, close: b.close })),
    calls: replay.days.map((d) => ({ date: d.date, label: d.label, confidence: d.confidence })),
    ...(request.horizons ? { horizons: request.horizons } : {}),
    periods: trackRecordPeriods(series.asset, from, to, series.simulated),
    options: { fillGaps: true, ...request.options },
  });
  return {
    record,
    simulated: series.simulated,
    replay: { days: dates.length, seconds, rebuiltDays: replay.rebuiltDays },
  };
}

/**
 * Loads the asset's whole history as known at `to` and builds its track record. Throws
 * NotEnoughHistoryError when the store holds no more than WARM_UP_CLOSES closes of the asset by then.
 */
export async function trackRecordFromStore(store: Store, request: TrackRecordRequest): Promise<TrackRecordRun> {
  const to = request.to ?? (await defaultAsOf(store, request.asset));
  const series = await loadMarketSeries(store, { asset: request.asset, asOf: to, cache: false });
  if (series.spot.length <= WARM_UP_CLOSES) throw new NotEnoughHistoryError(request.asset, to, series.spot.length);
  const dates = replayDates(series, request.from ?? TRACK_RECORD_START, to);
  return trackRecordOfSeries(series, dates, request);
}
