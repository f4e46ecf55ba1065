// One analysis worker thread (started by analysis-pool.ts): keeps the loaded histories it is sent
// (one per asset) and answers "the analysis of history H as of date D" (history-analyses.ts: the
// facts read from inputs built once, the sections from H sliced to D — what analyzeStore gives on a
// load at D) as JSON text, off the server's event loop. On Linux the thread lowers its own
// scheduling priority (nice WORKER_NICE), so on a busy machine the event loop answering health
// checks and cached answers gets the CPU first.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { deserialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { MarketSeries } from '../domain/market-series.js';
import { analyzeSeries } from '../phase/analyze.js';
import type { FromWorker, ToWorker } from './analysis-messages.js';
import { HistoryAnalyses } from './history-analyses.js';

/** The worker threads' nice value (the event loop stays at the process's own, normally 0). */
export const WORKER_NICE = 10;

/** Lowers this thread's priority where the OS allows it per thread (Linux: /proc/thread-self names its id). */
function lowerThreadPriority(): void {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICE);
  } catch {
    // Not Linux, or not permitted: analyses run at the process's priority.
  }
}
lowerThreadPriority();

const histories = new Map<number, HistoryAnalyses>();
const port = parentPort;
if (port === null) throw new Error('analysis-worker: must run as a worker thread (see analysis-pool.ts)');

/** Runs one job and times it. */
function answer(job: number, analyse: () => unknown): FromWorker {
  const start = performance.now();
  try {
    const json = JSON.stringify(analyse());
    return { job, json, ms: performance.now() - start };
  } catch (error) {
    return { job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'history':
      histories.set(message.id, new HistoryAnalyses(deserialize(Buffer.from(message.bytes)) as MarketSeries));
      return;
    case 'forget':
      histories.delete(message.id);
      return;
    case 'analyze-at':
      port.postMessage(
        answer(message.job, () => {
          const held = histories.get(message.history);
          if (held === undefined) throw new Error(`analysis-worker: history ${message.history} was not sent`);
          return held.at(message.asOf, message.spotSource);
        }),
      );
      return;
    case 'analyze-series':
      port.postMessage(answer(message.job, () => analyzeSeries(message.series)));
      return;
  }
});
