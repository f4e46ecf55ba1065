// The command table: one line per `tidemark` command. Nothing here imports a command's file — each
// line loads its file (and so its dependencies: DuckDB, ccxt, echarts, fastify …) only when that
// command runs, so `tidemark --version` or `tidemark status` never pays for the others.
// To add a command: write src/cli/<command>.ts exporting `register<Command>(program)` (as the others
// do) and add one line below; test/cli/commands.test.ts checks that the line and the file agree.
import type { Command } from 'commander';

/** Adds one command (its options, arguments and action) to the program. */
export type RegisterCommand = (program: Command) => void;

/** One line of the command table. */
export interface CommandEntry {
  /** The command as `tidemark --help` lists it: its name, then its arguments (`import <paths...>`). */
  readonly usage: string;
  /** Its description, the same text its file gives commander (checked by a test). */
  readonly summary: string;
  /** Loads the command's file and returns its register function; called only when the command runs. */
  readonly load: () => Promise<RegisterCommand>;
  /**
   * The process exits as soon as the command returns, its output written, leaving its read-only
   * store for the system to release (process-exit.ts). Only for commands that leave nothing
   * running and write nothing to the store. Default false.
   */
  readonly exitWhenDone?: boolean;
}

/** Every command, in the order `tidemark --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    usage: 'import <paths...>',
    summary: 'import data files or directories (recursive); layouts are detected per file',
    load: async () => (await import('./import.js')).registerImport,
  },
  {
    usage: 'sync',
    summary: 'fetch new data from live sources (Farside, Binance, Bybit, OKX, CFTC, quotes) into the database',
    load: async () => (await import('./sync.js')).registerSync,
  },
  {
    usage: 'simulate',
    summary: 'write the seeded SIMULATED market dataset (planted de-risking episode) and optionally its ground truth',
    load: async () => (await import('./simulate.js')).registerSimulate,
  },
  {
    usage: 'status',
    summary: 'coverage per series: first/last date, rows, gaps, revisions, sources; last imports and syncs',
    load: async () => (await import('./status.js')).registerStatus,
  },
  {
    usage: 'export <dataset>',
    summary: 'export a dataset as csv, json or parquet (`tidemark export --help` lists the datasets)',
    load: async () => (await import('./export.js')).registerExport,
  },
  {
    usage: 'analyze',
    summary: 'state the market phase with its evidence, signals, waves and confirmation checklist',
    load: async () => (await import('./analyze.js')).registerAnalyze,
    exitWhenDone: true,
  },
  {
    usage: 'track-record',
    summary: 'score every replayed call against hindsight, next to the 200-day and 50/200-day rules',
    load: async () => (await import('./track-record.js')).registerTrackRecord,
  },
  {
    usage: 'backtest',
    summary: 'what each playbook would have done, point-in-time: strategies against buy-and-hold, sweeps',
    load: async () => (await import('./backtest.js')).registerBacktest,
  },
  {
    usage: 'report',
    summary: 'write the analyst note (Markdown, HTML, PDF) for an asset as of a date',
    load: async () => (await import('./report.js')).registerReport,
  },
  {
    usage: 'serve',
    summary: 'serve the HTTP API (and the dashboard from web-dist/) on 127.0.0.1',
    load: async () => (await import('./serve.js')).registerServe,
  },
  {
    usage: 'run',
    summary: 'one daily cycle: sync, import watched folders, analyse, evaluate alert rules, deliver, write the note',
    load: async () => (await import('./run.js')).registerRun,
  },
  {
    usage: 'watch',
    summary: 'run the daily cycle on the schedule (cron in the config), re-running while a source is late',
    load: async () => (await import('./run.js')).registerWatch,
  },
  {
    usage: 'alerts',
    summary: 'the alert outbox: list it, test the sinks, replay the rules',
    load: async () => (await import('./alerts.js')).registerAlerts,
  },
];

/** The name of a command table line (`usage` up to its first space). */
export function commandName(entry: CommandEntry): string {
  return entry.usage.split(' ')[0] ?? entry.usage;
}
