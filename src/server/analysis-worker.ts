// One analysis worker thread (started by analysis-pool.ts): keeps the loaded histories it is sent
// (one per asset) and answers "the analysis of history H as of date D" by slicing H to D and running
// analyzeSeries — the computation analyzeStore does on a series loaded at D — as JSON text, off the
// server's event loop.
import { deserialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { MarketSeries } from '../domain/market-series.js';
import { analyzeSeries } from '../phase/analyze.js';
import type { FromWorker, ToWorker } from './analysis-messages.js';
import { HistoryAnalyses } from './history-analyses.js';

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
