// The track record of one asset from a store: load the whole history once, replay every US trading
// day point-in-time (phase/replay.ts), and score the calls with the baselines (track-record.ts), the
// in-sample and out-of-sample periods apart. The entry point the CLI, the report and the server share.
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays, dateRange } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { IN_SAMPLE_END, TRACK_RECORD_START } from '../domain/sample-split.js';
import type { TrackRecord, TrackRecordPeriod } from '../domain/track-record.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import { replayPhases, type ReplayDay } from '../phase/replay.js';
import { defaultAsOf, loadMarketSeries, spotSourceRuns } from '../store/market-series-loader.js';
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
  return scoreReplay(series, [{ series, dates }], request);
}

/** Replays each run of dates on its own history, then scores all the calls on `closesFrom`'s closes. */
function scoreReplay(
  closesFrom: MarketSeries,
  runs: readonly { series: MarketSeries; dates: readonly string[] }[],
  request: Omit<TrackRecordRequest, 'from' | 'to'>,
): TrackRecordRun {
  const started = performance.now();
  const total = runs.reduce((n, r) => n + r.dates.length, 0);
  const days: ReplayDay[] = [];
  let rebuiltDays = 0;
  for (const run of runs) {
    const done = days.length;
    const replay = replayPhases(run.series, run.dates, {
      ...(request.onProgress ? { onProgress: (d: number) => request.onProgress!(done + d, total) } : {}),
    });
    days.push(...replay.days);
    rebuiltDays += replay.rebuiltDays;
  }
  const seconds = (performance.now() - started) / 1000;
  const from = days[0]?.date ?? closesFrom.asOf;
  const to = days.at(-1)?.date ?? closesFrom.asOf;
  const record = buildTrackRecord({
    asset: closesFrom.asset,
    closes: closesFrom.spot.map((b) => ({ date: b.date, close: b.close })),
    calls: days.map((d) => ({ date: d.date, label: d.label, confidence: d.confidence })),
    ...(request.horizons ? { horizons: request.horizons } : {}),
    periods: trackRecordPeriods(closesFrom.asset, from, to, closesFrom.simulated),
    options: { fillGaps: true, ...request.options },
  });
  return { record, simulated: closesFrom.simulated, replay: { days: total, seconds, rebuiltDays } };
}

/**
 * Loads the asset's whole history as known at `to` and builds its track record. Days whose
 * single-date analysis would read another spot source (one source per analysis, chosen by
 * freshness) are replayed on a history of that source; the hindsight uses the closes of the
 * source chosen at `to`. Throws NotEnoughHistoryError when the store holds no more than
 * WARM_UP_CLOSES closes of the asset by then.
 */
export async function trackRecordFromStore(store: Store, request: TrackRecordRequest): Promise<TrackRecordRun> {
  const to = request.to ?? (await defaultAsOf(store, request.asset));
  const series = await loadMarketSeries(store, { asset: request.asset, asOf: to, cache: false });
  if (series.spot.length <= WARM_UP_CLOSES) throw new NotEnoughHistoryError(request.asset, to, series.spot.length);
  const dates = replayDates(series, request.from ?? TRACK_RECORD_START, to);
  const runs = await spotSourceRuns(store, request.asset, dates);
  const histories = new Map<string, MarketSeries>();
  const runSeries = async (source: string | undefined): Promise<MarketSeries> => {
    if (source === undefined || source === series.spotSource) return series;
    const cached = histories.get(source);
    if (cached) return cached;
    const loaded = await loadMarketSeries(store, { asset: request.asset, asOf: to, cache: false, spotSource: source });
    histories.set(source, loaded);
    return loaded;
  };
  const replayRuns: { series: MarketSeries; dates: readonly string[] }[] = [];
  for (const run of runs) replayRuns.push({ series: await runSeries(run.source), dates: run.dates });
  return scoreReplay(series, replayRuns, request);
}
