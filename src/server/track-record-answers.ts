// The server's track records: computed once per (asset, from, to, horizons, store revision) and kept,
// so a second request — or the analyst note of the same day — is served from memory; the serialised
// answer is kept per omitted parts as well. Too little history is answered 404 not-enough-history.
import type { AnalysedAsset } from '../domain/assets.js';
import type { Store } from '../store/store.js';
import {
  NotEnoughHistoryError,
  type TrackRecordRequest,
  type TrackRecordRun,
} from '../track-record/load-track-record.js';
import { FORWARD_RETURN_DEFAULTS } from '../track-record/forward-returns.js';
import { ApiError } from './api-error.js';
import { withEtag, type CachedBody } from './http-cache.js';
import { LruCache } from './lru-cache.js';
import type { TrackRecordPart } from '../domain/track-record-answer.js';
import type { TrackRecordResponse } from './track-record-schemas.js';

/** Computes a track record from the store (trackRecordFromStore has this shape). */
export type TrackRecordFn = (store: Store, request: TrackRecordRequest) => Promise<TrackRecordRun>;

/** What identifies one computed record; `to` is always resolved (never "latest"). */
export interface TrackRecordKey {
  readonly asset: AnalysedAsset;
  readonly from?: string | undefined;
  readonly to: string;
  readonly horizons?: readonly number[] | undefined;
}

export interface TrackRecordAnswers {
  /** The record for `key`, computed at most once per store revision (concurrent callers share it); throws NotEnoughHistoryError. */
  run(key: TrackRecordKey): Promise<TrackRecordRun>;
  /** The JSON answer for `key` without the `omit`ted parts, with its ETag; too little history is an ApiError 404. */
  answer(key: TrackRecordKey, omit: readonly TrackRecordPart[]): Promise<CachedBody>;
}

/**
 * The answer body: the record with `omit`ted parts left out (absent, not emptied), plus `simulated`
 * and the replay's figures.
 */
export function trackRecordAnswer(run: TrackRecordRun, omit: readonly TrackRecordPart[]): TrackRecordResponse {
  const { days, scoredCalls, periods, ...rest } = run.record;
  const left = new Set(omit);
  return {
    ...rest,
    simulated: run.simulated,
    replay: run.replay,
    ...(left.has('days') ? {} : { days }),
    ...(left.has('scoredCalls') ? {} : { scoredCalls }),
    periods: periods.map((p) => {
      if (!left.has('equityCurves')) return p;
      const { equityCurves: _left, ...period } = p;
      return period;
    }),
  };
}

/**
 * The track-record cache of one server: at most `capacity` computed records (a real BTC record holds
 * ~10 MB) and twice as many serialised answers. Keys carry the store's revision, so an import made while
 * the server runs is never hidden by a cached record.
 */
export function trackRecordAnswers(store: Store, compute: TrackRecordFn, capacity = 8): TrackRecordAnswers {
  const runs = new LruCache<TrackRecordRun>(capacity);
  const bodies = new LruCache<CachedBody>(capacity * 2);
  const keyOf = async (key: TrackRecordKey): Promise<string> =>
    `${key.asset}|${key.from ?? ''}|${key.to}|${(key.horizons ?? FORWARD_RETURN_DEFAULTS.horizons).join(',')}|rev${await store.revision()}`;
  const run = async (key: TrackRecordKey): Promise<TrackRecordRun> =>
    runs.getOrCompute(await keyOf(key), () =>
      compute(store, {
        asset: key.asset,
        to: key.to,
        ...(key.from !== undefined ? { from: key.from } : {}),
        ...(key.horizons !== undefined ? { horizons: key.horizons } : {}),
      }),
    );
  return {
    run,
    answer: async (key, omit) =>
      bodies.getOrCompute(`${await keyOf(key)}|omit:${[...new Set(omit)].sort().join(',')}`, async () => {
        try {
          return withEtag(JSON.stringify(trackRecordAnswer(await run(key), omit)));
        } catch (error) {
          if (error instanceof NotEnoughHistoryError)
            throw new ApiError('not-found', 'not-enough-history', error.message, null, { cause: error });
          throw error;
        }
      }),
  };
}
