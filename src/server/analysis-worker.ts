// One analysis worker thread (started by analysis-pool.ts): keeps the loaded histories it is sent
// (one per asset) and answers "the analysis of history H as of date D" (history-analyses.ts: the
// facts read from inputs built once, the sections from H sliced to D — what analyzeStore gives on a
// load at D) as gzipped JSON with its ETag, off the server's event loop (which then only copies bytes
// to sockets). On Linux the thread lowers its own
// scheduling priority (nice WORKER_NICE), so on a busy machine the event loop answering health
// checks and cached answers gets the CPU first.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { deserialize } from 'node:v8';
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { MarketSeries } from '../domain/market-series.js';
import { analyzeSeries } from '../phase/analyze.js';
import type { FromWorker, ToWorker } from './analysis-messages.js';
import { HistoryAnalyses } from './history-analyses.js';
import { strongEtag } from './http-cache.js';

/** The worker threads' nice value (the event loop stays at the process's own, normally 0). */
export const WORKER_NICE = 19;

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

/** gzip level of the answers: 6 (zlib's default) makes ~90 KB of JSON ~12 KB in ~1 ms. */
export const ANSWER_GZIP_LEVEL = 6;

/** Runs one job, times it and posts its answer, the gzipped bytes transferred. */
function answer(job: number, analyse: () => unknown): void {
  const start = performance.now();
  let message: FromWorker;
  const transfer: TransferListItem[] = [];
  try {
    const json = Buffer.from(JSON.stringify(analyse()), 'utf8');
    // A copy into its own ArrayBuffer, so that transferring it moves exactly these bytes.
    const gzip = new Uint8Array(gzipSync(json, { level: ANSWER_GZIP_LEVEL }));
    transfer.push(gzip.buffer);
    message = { job, gzip, etag: strongEtag(json), jsonBytes: json.byteLength, ms: performance.now() - start };
  } catch (error) {
    message = { job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port!.postMessage(message, transfer);
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
      answer(message.job, () => {
        const held = histories.get(message.history);
        if (held === undefined) throw new Error(`analysis-worker: history ${message.history} was not sent`);
        return held.at(message.asOf, message.spotSource);
      });
      return;
    case 'analyze-series':
      answer(message.job, () => analyzeSeries(message.series));
      return;
  }
});
