// What `tidemark run`, `watch` and `alerts` share: the config flags (each a key of tidemark.yaml),
// loading and checking the config with them, building the sinks with their secrets, and the note
// writer the daily run calls (the report layer sits above the alerts layer, so the CLI provides it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type ConfigOverride, type RunConfig } from '../alerts/config/load-config.js';
import { parseOptionText } from '../alerts/config/env-options.js';
import { Secrets } from '../alerts/config/secrets.js';
import type { NoteWriter } from '../alerts/daily-run.js';
import { buildSinks } from '../alerts/sinks/build-sinks.js';
import type { AlertSink } from '../alerts/sinks/sink.js';
import { REPORT_CHART_LOOKBACK_DAYS, renderReport } from '../report/render-report.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { UsageError } from './context.js';

export interface ConfigFlags {
  config?: string;
  db?: string;
  assets?: string;
  sources?: string;
  watchFolder?: string[];
  notesDir?: string;
  timezone?: string;
  schedule?: string;
  set?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Adds the config flags to `command` (`withSchedule` adds --schedule, for watch). */
export function addConfigFlags(command: Command, withSchedule = false): Command {
  command
    .option('--config <file>', 'config file (default ./tidemark.yaml when present; also TIDEMARK_CONFIG)')
    .option('--db <path>', 'database file (db; also TIDEMARK_DB)')
    .option('--assets <list>', 'assets analysed, e.g. BTC,ETH (assets; also TIDEMARK_ASSETS)')
    .option('--sources <list>', 'live sources synced, or "none" (sync.sources; also TIDEMARK_SYNC_SOURCES)')
    .option('--watch-folder <dir>', 'a folder imported each cycle, repeatable (watchFolders)', collect)
    .option('--notes-dir <dir>', 'where notes are written, or "none" (notes.dir; also TIDEMARK_NOTES_DIR)')
    .option('--timezone <zone>', 'time zone of the schedule and quiet hours (timezone; also TIDEMARK_TIMEZONE)');
  if (withSchedule) command.option('--schedule <cron>', 'when cycles run (schedule; also TIDEMARK_SCHEDULE)');
  return command.option('--set <key=value>', 'set any config key, e.g. delivery.maxAttempts=5 (repeatable)', collect);
}

/** The flags as config overrides (flag > environment > file). */
export function configOverrides(flags: ConfigFlags): ConfigOverride[] {
  const out: ConfigOverride[] = [];
  const add = (path: string, text: string | undefined, origin: string): void => {
    if (text === undefined) return;
    out.push({ path, value: parseOptionText(path, text), origin });
  };
  add('db', flags.db, '--db');
  add('assets', flags.assets?.toUpperCase(), '--assets');
  if (flags.sources !== undefined)
    out.push({
      path: 'sync.sources',
      value: flags.sources.trim().toLowerCase() === 'none' ? [] : parseOptionText('sync.sources', flags.sources),
      origin: '--sources',
    });
  if (flags.watchFolder !== undefined)
    out.push({ path: 'watchFolders', value: flags.watchFolder, origin: '--watch-folder' });
  add('notes.dir', flags.notesDir, '--notes-dir');
  add('timezone', flags.timezone, '--timezone');
  add('schedule', flags.schedule, '--schedule');
  for (const pair of flags.set ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set "${pair}" is not key=value (e.g. delivery.maxAttempts=5)`);
    const path = pair.slice(0, eq).trim();
    add(path, pair.slice(eq + 1), `--set ${path}`);
  }
  return out;
}

/** Loads and checks the configuration with the flags; throws ConfigError. */
export function runConfig(flags: ConfigFlags): RunConfig {
  return loadConfig({
    ...(flags.config !== undefined ? { file: flags.config } : {}),
    overrides: configOverrides(flags),
  });
}

/** The configured sinks with their secrets (read into `secrets` for redaction); throws ConfigError. */
export function runSinks(config: RunConfig, secrets: Secrets): AlertSink[] {
  return buildSinks(config.sinks, { secrets, timeoutMs: config.delivery.timeoutSeconds * 1000, file: config.file });
}

/** A new secrets holder reading the process environment. */
export function newSecrets(): Secrets {
  return new Secrets(process.env);
}

/** Writes each cycle's note (report formats from notes.formats) into notes.dir; returns the .md (else .html/.pdf) path. */
export function noteWriter(config: RunConfig, store: Store): NoteWriter {
  return async (analysis) => {
    const dir = config.notes.dir;
    if (dir === null) return null;
    const [series, coverage] = await Promise.all([
      loadMarketSeries(store, { asset: analysis.asset, asOf: analysis.asOf, lookbackDays: REPORT_CHART_LOOKBACK_DAYS }),
      store.coverage({ asOf: analysis.asOf }),
    ]);
    const report = await renderReport({ analysis, series, coverage }, { formats: config.notes.formats });
    mkdirSync(dir, { recursive: true });
    const write = (name: string, content: string | Uint8Array): string => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const written: string[] = [];
    if (report.markdown !== undefined) {
      written.push(write(`${report.baseName}.md`, report.markdown));
      for (const chart of report.chartFiles) write(chart.fileName, chart.svg);
    }
    if (report.html !== undefined) written.push(write(`${report.baseName}.html`, report.html));
    if (report.pdf !== undefined) written.push(write(`${report.baseName}.pdf`, report.pdf));
    return written[0] ?? null;
  };
}
