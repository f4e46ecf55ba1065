// The server's background precomputation: from start-up (and again after each import) the worker pool
// analyses every past date of every analysed asset — newest first, both assets interleaved — as
// background jobs (taken only when no request waits), and keeps the answers (analysis-answers.ts), so
// that the dashboard's as-of replay, which asks a different date per request, is answered from bytes
// already made. At most `concurrency` jobs are in flight, so the pool's background queue stays short,
// and none starts while requests are arriving (within QUIET_MS of the last one): the cores go to the
// requests and the event loop first, the run goes on in the lulls.
// Progress is reported by /api/health.
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays } from '../domain/dates.js';
import type { Store } from '../store/store.js';
import type { AnalysisAnswers } from './analysis-answers.js';
import type { AssetHistories } from './analysis-histories.js';
import type { EncodedAnalysis, PoolHistory } from './analysis-pool.js';

/**
 * Milliseconds without a request before a background job starts: 200, a few page loads' gaps; a
 * dashboard's burst of requests is answered before the run takes the cores back.
 */
export const QUIET_MS = 200;

/** Where the precomputation stands: `full` when the answers' bound stopped it, `off` when disabled. */
export type PrecomputeState = 'off' | 'waiting' | 'running' | 'done' | 'full' | 'failed';

export interface PrecomputeProgress {
  readonly state: PrecomputeState;
  /** The store revision being precomputed (null before the first run). */
  readonly revision: number | null;
  /** (asset, date) pairs to answer in this run, and how many are kept so far (by this run or by requests). */
  readonly dates: number;
  readonly answered: number;
  /**
   * Every pair dated on or after this day is kept (the run works newest first; null until the newest
   * day is complete): requests for dates from it on are answered from memory.
   */
  readonly completeSince: string | null;
  /** Pairs whose analysis failed (each is computed again when asked). */
  readonly failed: number;
  /** Answers kept and their gzipped bytes, against the bound. */
  readonly keptAnswers: number;
  readonly keptBytes: number;
  readonly maxBytes: number;
  /** Seconds since this run started (to its end once it ended). */
  readonly seconds: number;
  /** Why the run stopped (state `failed`: the store could not be read), else null. */
  readonly error: string | null;
}

/** What the precomputation works with: the engine's histories, pool and kept answers. */
export interface PrecomputeContext {
  readonly store: Store;
  readonly assets: readonly AnalysedAsset[];
  readonly answers: AnalysisAnswers;
  /** The earliest date precomputed (default: each asset's first observed date). */
  readonly since?: string;
  /** Jobs in flight at once (the pool's worker count). */
  readonly concurrency: number;
  /** The asset's histories at the store's current revision. */
  histories(asset: AnalysedAsset): Promise<AssetHistories>;
  /** A background job of the pool. */
  analyze(history: PoolHistory, asOf: string, spotSource: string | null, signal: AbortSignal): Promise<EncodedAnalysis>;
  /** performance.now() of the last request the server answered (null: none yet); jobs wait for QUIET_MS after it. */
  lastRequestAt?(): number | null;
  /** Called once per run when it ends (tests, logs). */
  onEnd?(progress: PrecomputeProgress): void;
}

interface Pair {
  readonly asset: AnalysedAsset;
  readonly asOf: string;
}

/**
 * Every past date from each asset's first observed date to the day before its histories' day, newest
 * first, the assets interleaved day by day.
 */
export function precomputePairs(
  firstDates: ReadonlyMap<AnalysedAsset, string>,
  todays: ReadonlyMap<AnalysedAsset, string>,
): Pair[] {
  const pairs: Pair[] = [];
  const cursors = [...firstDates].map(([asset, first]) => ({ asset, first, day: addDays(todays.get(asset)!, -1) }));
  let latest = cursors.reduce((max, c) => (c.day > max ? c.day : max), '');
  while (cursors.some((c) => c.day >= c.first)) {
    for (const c of cursors)
      if (c.day === latest && c.day >= c.first) {
        pairs.push({ asset: c.asset, asOf: c.day });
        c.day = addDays(c.day, -1);
      }
    latest = addDays(latest, -1);
  }
  return pairs;
}

/** The first date any dataset has for each asset (assets without data left out). */
async function firstDates(store: Store, assets: readonly AnalysedAsset[]): Promise<Map<AnalysedAsset, string>> {
  const first = new Map<AnalysedAsset, string>();
  for (const row of await store.coverage()) {
    const asset = assets.find((a) => a === row.asset);
    if (asset === undefined) continue;
    const held = first.get(asset);
    if (held === undefined || row.firstDate < held) first.set(asset, row.firstDate);
  }
  return first;
}

/** One run of the precomputation, for one store revision. */
interface Run {
  readonly revision: number;
  readonly controller: AbortController;
  readonly started: number;
  ended: number | null;
  dates: number;
  answered: number;
  failed: number;
  full: boolean;
  error: string | null;
  /** The run's pairs, which of them are settled (kept, or failed), and how many lead the list settled. */
  pairs: readonly Pair[];
  settled: boolean[];
  frontier: number;
}

/** The oldest day whose pairs, and every newer day's, are all settled (null when the newest day is not). */
function completeSince(run: Run | null): string | null {
  if (run === null || run.frontier === 0) return null;
  if (run.frontier >= run.pairs.length) return run.pairs[run.pairs.length - 1]!.asOf;
  // The frontier's own day is incomplete: the day after it is the oldest complete one.
  const day = addDays(run.pairs[run.frontier]!.asOf, 1);
  return day <= run.pairs[0]!.asOf ? day : null;
}

export class Precomputation {
  private run: Run | null = null;

  constructor(private readonly context: PrecomputeContext) {}

  /** Starts a run for `revision` (the answers' current one), stopping a previous run. */
  start(revision: number): void {
    this.run?.controller.abort();
    const run: Run = {
      revision,
      controller: new AbortController(),
      started: performance.now(),
      ended: null,
      dates: 0,
      answered: 0,
      failed: 0,
      full: false,
      error: null,
      pairs: [],
      settled: [],
      frontier: 0,
    };
    this.run = run;
    void this.work(run)
      .catch((error: unknown) => {
        run.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        run.ended = performance.now();
        if (!run.controller.signal.aborted) this.context.onEnd?.(this.progress());
      });
  }

  /** Stops the current run (its in-flight jobs finish and are kept). */
  stop(): void {
    this.run?.controller.abort();
  }

  private async work(run: Run): Promise<void> {
    const { store, assets, answers, concurrency } = this.context;
    const signal = run.controller.signal;
    const held = new Map<AnalysedAsset, AssetHistories>();
    const firsts = await firstDates(store, assets);
    const { since } = this.context;
    if (since !== undefined) for (const [asset, first] of firsts) if (first < since) firsts.set(asset, since);
    for (const asset of firsts.keys()) {
      const histories = await this.context.histories(asset);
      if (histories.revision !== run.revision || signal.aborted) return; // an import: a newer run takes over
      held.set(asset, histories);
    }
    const todays = new Map([...held].map(([asset, h]) => [asset, h.today]));
    const pairs = precomputePairs(firsts, todays);
    run.dates = pairs.length;
    run.pairs = pairs;
    run.settled = pairs.map(() => false);
    const settle = (i: number): void => {
      run.settled[i] = true;
      while (run.frontier < pairs.length && run.settled[run.frontier]) run.frontier += 1;
    };
    let next = 0;
    let typicalBytes = 0;
    const lane = async (): Promise<void> => {
      while (next < pairs.length && !signal.aborted) {
        await this.quiet(signal);
        if (signal.aborted) return;
        const i = next++;
        const { asset, asOf } = pairs[i]!;
        if (answers.has(run.revision, asset, asOf)) {
          run.answered += 1;
          settle(i);
          continue;
        }
        if (typicalBytes > 0 && answers.isFull(typicalBytes)) {
          run.full = true;
          return;
        }
        try {
          const { history, spotSource } = await held.get(asset)!.historyAt(asOf);
          const answer = await this.context.analyze(history, asOf, spotSource, signal);
          typicalBytes = Math.max(typicalBytes, answer.gzip.byteLength);
          if (answers.put(run.revision, asset, asOf, answer)) {
            run.answered += 1;
            settle(i);
          } else if (answers.isFull(answer.gzip.byteLength)) {
            run.full = true;
            return;
          }
        } catch {
          if (signal.aborted) return;
          run.failed += 1;
          settle(i);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  }

  /** Resolves once QUIET_MS have passed since the last request (at once when there was none). */
  private async quiet(signal: AbortSignal): Promise<void> {
    for (;;) {
      const last = this.context.lastRequestAt?.() ?? null;
      const wait = last === null ? 0 : last + QUIET_MS - performance.now();
      if (wait <= 0 || signal.aborted) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  progress(): PrecomputeProgress {
    const { answers } = this.context;
    const run = this.run;
    const state: PrecomputeState =
      run === null
        ? 'waiting'
        : run.error !== null
          ? 'failed'
          : run.full
            ? 'full'
            : run.ended === null
              ? 'running'
              : 'done';
    return {
      state,
      revision: run?.revision ?? null,
      dates: run?.dates ?? 0,
      answered: run?.answered ?? 0,
      completeSince: completeSince(run),
      failed: run?.failed ?? 0,
      keptAnswers: answers.count,
      keptBytes: answers.bytes,
      maxBytes: answers.maxBytes,
      seconds: run === null ? 0 : Math.round(((run.ended ?? performance.now()) - run.started) / 100) / 10,
      error: run?.error ?? null,
    };
  }
}
