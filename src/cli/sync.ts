// `tidemark sync`: fetch new data from the live sources into the database, print what each
// source brought (new / revised / unchanged rows, date range) and fail listing the sources that
// could not be read (the others are stored anyway).
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ANALYSED_ASSETS, type AnalysedAsset } from '../domain/assets.js';
import { SourceError } from '../sources/errors.js';
import { isSourceName, resolveEndpoints, SOURCE_NAMES, type SourceName } from '../sources/live/endpoints.js';
import { runSync, type SourceSummary } from '../sources/live/sync-runner.js';
import { formatCount } from '../format/numbers.js';
import { UsageError, withStore } from './context.js';
import { asOfFlag, assetFlag } from './options.js';
import { formatTable } from './table.js';

interface SyncFlags {
  source?: string;
  asset?: string;
  since?: string;
  db?: string;
  endpoint: string[];
  retryBaseMs?: string;
  retries?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseSources(text: string | undefined): SourceName[] {
  if (!text) return [...SOURCE_NAMES];
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.filter((n) => !isSourceName(n));
  if (bad.length > 0)
    throw new UsageError(
      `--source: unknown ${bad.map((b) => `"${b}"`).join(', ')} (known: ${SOURCE_NAMES.join(', ')})`,
    );
  return [...new Set(names)] as SourceName[];
}

function parseEndpoints(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--endpoint "${pair}" is not name=url (e.g. cftc=http://127.0.0.1:8080)`);
    out[pair.slice(0, eq).trim().toLowerCase()] = pair.slice(eq + 1).trim();
  }
  return out;
}

function positiveInt(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} "${text}" is not a whole number ≥ 0`);
  return n;
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('fetch new data from live sources (Farside, Binance, Bybit, OKX, CFTC, quotes) into the database')
    .option('--source <list>', `comma-separated sources (default all: ${SOURCE_NAMES.join(',')})`)
    .option('--asset <asset>', 'BTC or ETH (default both)')
    .option('--since <date>', 'fetch from YYYY-MM-DD instead of from the last stored date')
    .option('--db <path>', 'database file')
    .option('--endpoint <name=url>', 'override a source base URL (repeatable; also TIDEMARK_<NAME>_URL)', collect, [])
    .option('--retries <n>', 'attempts per request, including the first (default 4)')
    .option('--retry-base-ms <ms>', 'first retry delay in ms, doubling (default 500)')
    .action(async (flags: SyncFlags) => {
      const sources = parseSources(flags.source);
      const asset = assetFlag(flags.asset);
      if (asset !== undefined && !(ANALYSED_ASSETS as readonly string[]).includes(asset))
        throw new UsageError(`--asset "${flags.asset}": sync reads BTC or ETH`);
      const assets: AnalysedAsset[] = asset ? [asset as AnalysedAsset] : [...ANALYSED_ASSETS];
      const since = asOfFlag('--since', flags.since);
      let endpoints;
      try {
        endpoints = resolveEndpoints(parseEndpoints(flags.endpoint));
      } catch (error) {
        throw new UsageError(`--endpoint: ${(error as Error).message}`);
      }
      const attempts = positiveInt('--retries', flags.retries);
      const baseDelayMs = positiveInt('--retry-base-ms', flags.retryBaseMs);
      const tty = process.stderr.isTTY === true;
      let bar: SingleBar | null = null;
      const summaries = await withStore(flags, 'write', (store) =>
        runSync(store, {
          sources,
          assets,
          since,
          endpoints,
          retry: {
            ...(attempts !== undefined ? { attempts } : {}),
            ...(baseDelayMs !== undefined ? { baseDelayMs, maxDelayMs: Math.max(baseDelayMs * 16, 1) } : {}),
          },
          onSource: (source, phase) => {
            if (!tty) return;
            if (phase === 'start') {
              bar = new SingleBar(
                {
                  stream: process.stderr,
                  format: `${source.padEnd(8)} [{bar}] {value}/{total} {label}`,
                  clearOnComplete: true,
                  hideCursor: true,
                },
                Presets.shades_classic,
              );
              bar.start(1, 0, { label: '' });
            } else {
              bar?.stop();
              bar = null;
            }
          },
          progress: (_source, done, total, label) => {
            if (!bar) return;
            bar.setTotal(Math.max(total, 1));
            bar.update(done, { label });
          },
        }),
      );
      const offline = summaries.length > 0 && summaries.every((s) => s.unresolvedHost !== undefined);
      if (offline) {
        // Every host failed its DNS lookup: one line says it (the table and per-source errors would repeat it).
        const hosts = [...new Set(summaries.map((s) => s.unresolvedHost))].join(', ');
        throw new SourceError(
          `sync: no source could be reached — cannot resolve ${hosts} (offline, or wrong endpoints?); nothing was stored`,
          'sync',
        );
      }
      const rows = summaries.map((s) => [
        s.source,
        s.status,
        s.counts.inserted,
        s.counts.revised,
        s.counts.unchanged,
        s.firstDate ? `${s.firstDate}..${s.lastDate}` : '',
        s.requests,
      ]);
      process.stdout.write(
        formatTable(['source', 'status', 'new', 'revised', 'unchanged', 'dates', 'requests'], rows) + '\n',
      );
      for (const s of summaries) for (const w of s.warnings) process.stderr.write(`warning: ${s.source}: ${w}\n`);
      for (const s of summaries) {
        if (s.error)
          process.stderr.write(`error: ${s.error.startsWith(`${s.source}:`) ? s.error : `${s.source}: ${s.error}`}\n`);
        for (const f of s.failures) process.stderr.write(`error: ${s.source} (partly stored): ${f}\n`);
      }
      const failed = summaries.filter((s) => s.status !== 'ok');
      if (failed.length > 0) throw new SourceError(syncFailureMessage(summaries, failed), 'sync');
    });
}

/**
 * The closing line of a sync where some source failed: which ones, and what was stored — never
 * "everything else was stored" when nothing was.
 */
export function syncFailureMessage(all: readonly SourceSummary[], failed: readonly SourceSummary[]): string {
  const what = failed.map((s) => (s.status === 'partial' ? `${s.source} (partly)` : s.source)).join(', ');
  const storedRows = all.reduce((n, s) => n + s.counts.inserted + s.counts.revised, 0);
  const synced = all.filter((s) => s.status === 'ok').map((s) => s.source);
  const partly = failed.filter((s) => s.status === 'partial').map((s) => s.source);
  const stored =
    storedRows === 0 ? 'nothing new was stored' : `${formatCount(storedRows)} new or revised rows were stored`;
  const from = [
    ...(synced.length > 0 ? [`${synced.join(', ')} synced`] : []),
    ...(partly.length > 0 ? [`the parts of ${partly.join(', ')} that worked kept`] : []),
  ];
  return `sync: ${failed.length} of ${all.length} source(s) failed: ${what}; ${from.length > 0 ? `${from.join('; ')}; ` : ''}${stored}`;
}
