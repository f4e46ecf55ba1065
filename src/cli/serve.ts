// `tidemark serve`: the HTTP API (and the dashboard, built from src/web into web-dist/ on first use) on a local port.
// Binds 127.0.0.1 unless --host says otherwise; stops cleanly on SIGINT/SIGTERM. The database is opened
// read-only and released after a second without requests, so imports and syncs can write while it runs.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AnalysisEngine } from '../server/analysis-engine.js';
import { keptAnswersBytesFromEnv } from '../server/analysis-answers.js';
import { buildServer } from '../server/build-server.js';
import { ensureWebBuild } from '../web/build.js';
import { serverStartErrorFrom } from '../server/server-start-error.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import { openReleasingStore, UsageError } from './context.js';

interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  webRoot?: string;
  workers?: string;
  precompute: boolean;
  accessLog?: boolean;
}

/** Default port of `tidemark serve`. */
export const DEFAULT_PORT = 8787;
/**
 * How long a request waits for the database while an import or sync holds it, in ms; then it is
 * answered 503 with Retry-After.
 */
export const SERVE_LOCK_WAIT_MS = 3000;
/** How long the server keeps the database open after the last request, in ms (a page load's requests share one open). */
export const SERVE_RELEASE_AFTER_MS = 1000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the dashboard from web-dist/) on 127.0.0.1')
    .option('--db <path>', 'database file')
    .option('--port <n>', 'TCP port', String(DEFAULT_PORT))
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--web-root <dir>', 'built dashboard directory (default web-dist/ when present)')
    .option('--workers <n>', 'analysis worker threads (default: one per core)')
    .option(
      '--no-precompute',
      'do not analyse every past date in the background (answers are then computed when asked)',
    )
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port "${flags.port}" is not a port number (0-65535)`);
      const workers = flags.workers === undefined ? undefined : Number(flags.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64))
        throw new UsageError(`--workers "${flags.workers}" must be a whole number from 1 to 64`);
      // The dashboard is built on first use (and rebuilt when its sources changed) unless --web-root is given.
      const webRoot = flags.webRoot !== undefined ? resolve(flags.webRoot) : await ensureWebBuild();
      if (webRoot !== undefined && !existsSync(resolve(webRoot, 'index.html')))
        throw new UsageError(`--web-root "${flags.webRoot}" has no index.html`);
      // Opened now, so that a missing, foreign or locked database fails at start-up; then held
      // only while requests run, so imports and syncs can write between them.
      const store = await openReleasingStore(flags, 'read', {
        releaseAfterMs: SERVE_RELEASE_AFTER_MS,
        lockWaitMs: SERVE_LOCK_WAIT_MS,
      });
      // Uncached analyses run in worker threads over one loaded history per asset (docs/reliability.md).
      // Every past date is analysed in the background from start-up, answers kept gzipped up to
      // TIDEMARK_ANSWERS_MB (docs/reliability.md).
      const engine = new AnalysisEngine({
        store,
        ...(workers !== undefined ? { workers } : {}),
        keptAnswersBytes: keptAnswersBytesFromEnv(),
        precompute: flags.precompute,
      });
      try {
        const app = buildServer({
          store,
          analyze: (_s, options) => engine.analyze(options),
          analyzeJson: (options) => engine.analyzeJson(options),
          analysisAnswer: (options) => engine.answer(options),
          precomputeProgress: () => engine.precomputeProgress(),
          loadSeries: (s, options) => loadMarketSeries(s, options),
          ...(webRoot !== undefined ? { webRoot } : {}),
          logger: { level: 'info' },
          accessLog: flags.accessLog ?? false,
        });
        let address: string;
        try {
          address = await app.listen({ port, host: flags.host });
        } catch (error) {
          await app.close();
          throw serverStartErrorFrom(error, flags.host, port) ?? error;
        }
        void engine.start();
        process.stderr.write(
          `tidemark: serving ${address}/api/health${webRoot ? ` and the dashboard at ${address}/` : ''} (Ctrl-C to stop)\n`,
        );
        await new Promise<void>((done) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void app.close().then(done, done);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      } finally {
        await engine.close();
        await store.close();
      }
    });
}
