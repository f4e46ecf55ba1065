// A fixed pool of analysis worker threads (analysis-worker.ts) with a bounded queue: the server's
// event loop only hands out jobs and receives JSON text, so health checks and cached answers stay
// fast while analyses run. A full queue is answered 503 `busy` with Retry-After; a worker that dies
// fails its job and is replaced. Background jobs (the server's precomputation) wait in a queue of
// their own that a worker takes from only when no request's job is waiting.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MarketSeries } from '../domain/market-series.js';
import type { FromWorker, ToWorker } from './analysis-messages.js';
import { ApiError } from './api-error.js';

/**
 * Defaults, read once. `workers`: one per core (os.availableParallelism()), as analyses are pure CPU
 * work. `queuePerWorker` 4: jobs allowed to wait per worker before new ones are refused; an analysis
 * takes ~30–60 ms on one core, so a full queue is ~120–240 ms of waiting, within the 250 ms p99 target.
 * `retryAfterSeconds` 1: by then the queue has turned over several times.
 */
export const ANALYSIS_POOL_DEFAULTS = { queuePerWorker: 4, retryAfterSeconds: 1 } as const;

/** An analysis as a worker answers it: its JSON gzipped, the JSON's strong ETag and byte length. */
export interface EncodedAnalysis {
  readonly gzip: Buffer;
  readonly etag: string;
  readonly jsonBytes: number;
}

/** A request's job (bounded queue, refused when full) or a background one (own queue, taken only when idle). */
export type JobPriority = 'request' | 'background';

/** A history as the workers receive it: an id and its v8-serialised MarketSeries in shared memory. */
export interface PoolHistory {
  readonly id: number;
  readonly bytes: SharedArrayBuffer;
}

export interface AnalysisPoolOptions {
  /** Worker threads (default: os.availableParallelism(), at least 1). */
  readonly workers?: number;
  /** Jobs waiting for a worker before new ones are refused (default workers × queuePerWorker). */
  readonly queueLimit?: number;
  /** The worker module (default defaultWorkerUrl(): analysis-worker beside this file; .ts files run through tsx). */
  readonly workerUrl?: URL;
}

/** Counters, for the benchmark and the docs' memory figures. */
export interface AnalysisPoolStats {
  readonly workers: number;
  readonly running: number;
  readonly queued: number;
  /** Background jobs waiting (not counted against queueLimit). */
  readonly backgroundQueued: number;
  readonly queueLimit: number;
  readonly completed: number;
  /** Jobs refused because the queue was full (answered 503). */
  readonly refused: number;
  /** Queued jobs dropped because their client went away. */
  readonly dropped: number;
  /** Workers replaced after they stopped. */
  readonly restarts: number;
}

type JobMessage =
  | { readonly kind: 'analyze-at'; readonly history: number; readonly asOf: string; readonly spotSource: string | null }
  | { readonly kind: 'analyze-series'; readonly series: MarketSeries };

interface Job {
  readonly id: number;
  readonly message: JobMessage;
  /** The history the worker must hold first. */
  readonly history: PoolHistory | null;
  readonly resolve: (answer: EncodedAnalysis) => void;
  readonly reject: (error: Error) => void;
  /** Aborted when the client went away: the job is dropped if it is still waiting. */
  readonly signal: AbortSignal | undefined;
  /** Its listener on `signal`, removed once a worker takes the job (a long-lived signal would collect them). */
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  /** Histories this worker holds. */
  histories: Set<number>;
}

/** Starts the worker module; a .ts module is loaded through tsx's ESM hooks, registered in the worker first. */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * analysis-worker beside this module, with this module's own extension: .ts under tsx (tests, `npm run
 * tidemark`), .js when running compiled from dist/.
 */
export function defaultWorkerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./analysis-worker${extension}`, import.meta.url);
}

/** The error a dropped job rejects with: the signal's reason when it is an Error. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('analysis dropped: the client went away');
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly background: Job[] = [];
  private readonly workerUrl: URL;
  readonly queueLimit: number;
  private nextJob = 1;
  private closed = false;
  private completed = 0;
  private refused = 0;
  private dropped = 0;
  private restarts = 0;

  /** Starts the workers (see AnalysisPoolOptions for the defaults). */
  constructor(options: AnalysisPoolOptions = {}) {
    const workers = options.workers ?? Math.max(1, availableParallelism());
    if (!Number.isInteger(workers) || workers < 1)
      throw new RangeError(`AnalysisPool: workers must be a positive integer, got ${workers}`);
    this.queueLimit = options.queueLimit ?? workers * ANALYSIS_POOL_DEFAULTS.queuePerWorker;
    if (!Number.isInteger(this.queueLimit) || this.queueLimit < 0)
      throw new RangeError(`AnalysisPool: queueLimit must be a non-negative integer, got ${this.queueLimit}`);
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    for (let i = 0; i < workers; i += 1) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker(this.workerUrl), job: null, histories: new Set() };
    slot.worker.on('message', (answer: FromWorker) => this.finish(slot, answer));
    slot.worker.on('error', (error: Error) => this.replace(slot, error));
    slot.worker.on('exit', (code: number) => this.replace(slot, new Error(`exited with code ${code}`)));
    return slot;
  }

  /** A worker stopped: its job fails, a fresh worker takes its place, the queue moves on. */
  private replace(slot: Slot, cause: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (error then exit)
    const job = slot.job;
    slot.job = null;
    if (this.closed) return;
    job?.reject(new Error(`analysis worker stopped while analysing: ${cause.message}`, { cause }));
    void slot.worker.terminate();
    this.restarts += 1;
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private finish(slot: Slot, answer: FromWorker): void {
    const job = slot.job;
    if (job === null || job.id !== answer.job) return;
    slot.job = null;
    this.completed += 1;
    if ('gzip' in answer)
      job.resolve({
        gzip: Buffer.from(answer.gzip.buffer, answer.gzip.byteOffset, answer.gzip.byteLength),
        etag: answer.etag,
        jsonBytes: answer.jsonBytes,
      });
    else job.reject(new Error(`analysis worker: ${answer.error}`));
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== null) continue;
      const job = this.queue.shift() ?? this.background.shift();
      if (job === undefined) return;
      slot.job = job;
      if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
      if (job.history !== null && !slot.histories.has(job.history.id)) {
        slot.worker.postMessage({ kind: 'history', id: job.history.id, bytes: job.history.bytes } satisfies ToWorker);
        slot.histories.add(job.history.id);
      }
      slot.worker.postMessage({ ...job.message, job: job.id } satisfies ToWorker);
    }
  }

  private submit(
    message: JobMessage,
    history: PoolHistory | null,
    signal: AbortSignal | undefined,
    priority: JobPriority,
  ): Promise<EncodedAnalysis> {
    if (this.closed) return Promise.reject(new Error('AnalysisPool: closed'));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const idle = this.slots.some((s) => s.job === null);
    if (priority === 'request' && !idle && this.queue.length >= this.queueLimit) {
      this.refused += 1;
      return Promise.reject(
        new ApiError(
          'unavailable',
          'busy',
          `the server is analysing ${this.slots.length} dates with ${this.queue.length} more waiting (its limit); retry in ${ANALYSIS_POOL_DEFAULTS.retryAfterSeconds} s`,
          null,
          { retryAfterSeconds: ANALYSIS_POOL_DEFAULTS.retryAfterSeconds },
        ),
      );
    }
    return new Promise<EncodedAnalysis>((resolve, reject) => {
      const job: Job = { id: this.nextJob++, message, history, resolve, reject, signal };
      (priority === 'request' ? this.queue : this.background).push(job);
      if (signal) {
        job.onAbort = (): void => this.drop(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.dispatch();
    });
  }

  /** Drops a job whose client went away, if it is still waiting (a running one finishes). */
  private drop(job: Job): void {
    const queue = this.queue.includes(job) ? this.queue : this.background;
    const i = queue.indexOf(job);
    if (i < 0) return;
    queue.splice(i, 1);
    this.dropped += 1;
    job.reject(abortReason(job.signal!));
  }

  /**
   * The analysis of `history` as of `asOf`, encoded; `spotSource`: the spot source a load at that
   * date names (null: none). A request's job rejects with ApiError 503 `busy` when the queue is full; a
   * background job waits for idle workers, never refused. Either rejects with the signal's reason when
   * `signal` aborts before a worker took the job.
   */
  analyzeAt(
    history: PoolHistory,
    asOf: string,
    spotSource: string | null,
    signal?: AbortSignal,
    priority: JobPriority = 'request',
  ): Promise<EncodedAnalysis> {
    return this.submit({ kind: 'analyze-at', history: history.id, asOf, spotSource }, history, signal, priority);
  }

  /** The analysis of a series loaded for one date, encoded (a request's job: same queue and limit). */
  analyzeSeries(series: MarketSeries, signal?: AbortSignal): Promise<EncodedAnalysis> {
    return this.submit({ kind: 'analyze-series', series }, null, signal, 'request');
  }

  /** Tells every worker holding history `id` to drop it. */
  forget(id: number): void {
    for (const slot of this.slots)
      if (slot.histories.delete(id)) slot.worker.postMessage({ kind: 'forget', id } satisfies ToWorker);
  }

  get stats(): AnalysisPoolStats {
    return {
      workers: this.slots.length,
      running: this.slots.filter((s) => s.job !== null).length,
      queued: this.queue.length,
      backgroundQueued: this.background.length,
      queueLimit: this.queueLimit,
      completed: this.completed,
      refused: this.refused,
      dropped: this.dropped,
      restarts: this.restarts,
    };
  }

  /** Stops the workers; queued and running jobs fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Error('AnalysisPool: closed');
    for (const job of [...this.queue.splice(0), ...this.background.splice(0)]) job.reject(stopped);
    for (const slot of this.slots) slot.job?.reject(stopped);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
