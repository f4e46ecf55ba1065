// `tidemark watch`: runs the daily cycle on the cron schedule. After a scheduled cycle, while a live
// source that publishes late (Farside fills its table in over the US evening and the next morning)
// has not published the day it should have, the cycle runs again every lateRetry.everyMinutes for up
// to lateRetry.forMinutes. Between cycles it wakes for deliveries whose retry is due. A stop signal
// ends the loop after the cycle in progress.
import type { CronSchedule } from './cron.js';

export interface WatchCycleResult {
  /** Inputs still waiting for their source: non-empty asks for a late retry. */
  readonly waitingFor: readonly string[];
}

export interface WatchOptions<R extends WatchCycleResult> {
  readonly schedule: CronSchedule;
  readonly timeZone: string;
  readonly lateRetry: { readonly everyMinutes: number; readonly forMinutes: number };
  readonly runCycle: () => Promise<R>;
  /** Delivers what is due now (between cycles). */
  readonly deliverDue: () => Promise<void>;
  /** The next instant (ms) a delivery retry is due, or null. */
  readonly nextDeliveryDue: () => Promise<number | null>;
  readonly now?: () => number;
  /** Sleeps `ms`, resolving early when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Run the first cycle now instead of at the next scheduled time, then stop (with its late retries). */
  readonly once?: boolean;
  /** Stop after this many scheduled cycles (default: never). */
  readonly maxCycles?: number;
  readonly signal?: AbortSignal;
  readonly onCycle?: (result: R, info: { readonly scheduledAt: number; readonly attempt: number }) => void;
  readonly onWait?: (until: number, why: 'schedule' | 'late-retry') => void;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs the watch loop until `signal` aborts, `once` is done or `maxCycles` cycles ran. Returns the cycles run. */
export async function watchLoop<R extends WatchCycleResult>(options: WatchOptions<R>): Promise<number> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const stopped = (): boolean => options.signal?.aborted === true;

  /** Sleeps until `until`, waking to deliver retries that fall due before it. */
  const waitUntil = async (until: number): Promise<void> => {
    while (!stopped() && now() < until) {
      const due = await options.nextDeliveryDue();
      const wake = due !== null && due < until ? Math.max(due, now()) : until;
      await sleep(wake - now(), options.signal);
      if (stopped()) return;
      if (now() >= wake && wake < until) await options.deliverDue();
    }
  };

  let cycles = 0;
  let scheduledAt = options.once ? now() : options.schedule.next(now(), options.timeZone);
  while (!stopped()) {
    options.onWait?.(scheduledAt, 'schedule');
    await waitUntil(scheduledAt);
    if (stopped()) break;
    const retryUntil = scheduledAt + options.lateRetry.forMinutes * 60_000;
    for (let attempt = 0; ; attempt++) {
      const result = await options.runCycle();
      options.onCycle?.(result, { scheduledAt, attempt });
      const nextTry = now() + options.lateRetry.everyMinutes * 60_000;
      if (result.waitingFor.length === 0 || nextTry > retryUntil || stopped()) break;
      options.onWait?.(nextTry, 'late-retry');
      await waitUntil(nextTry);
      if (stopped()) break;
    }
    cycles += 1;
    if (options.once || (options.maxCycles !== undefined && cycles >= options.maxCycles)) break;
    scheduledAt = options.schedule.next(now(), options.timeZone);
  }
  return cycles;
}
