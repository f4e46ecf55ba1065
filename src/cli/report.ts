// `tidemark report`: the analyst note for one asset as of a date, written as Markdown (with its
// chart SVGs), self-contained HTML and/or PDF into --out; prints the terminal summary and paths.
// The playbook section replays the history first (a few seconds); --no-playbook leaves it out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { playbookBacktestsFromStore } from '../backtest/load-backtest.js';
import { ANALYSED_ASSETS, type AnalysedAsset } from '../domain/assets.js';
import { analyzeStore } from '../phase/analyze.js';
import {
  REPORT_CHART_LOOKBACK_DAYS,
  REPORT_FORMATS,
  renderReport,
  type ReportFormat,
} from '../report/render-report.js';
import { noteTrackRecord } from '../report/note-track-record.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import { trackRecordFromStore } from '../track-record/load-track-record.js';
import { UsageError, withStore } from './context.js';
import { asOfFlag } from './options.js';

interface ReportFlags {
  db?: string;
  asOf?: string;
  asset: string;
  out: string;
  format: string;
  playbook: boolean;
}

/** Parses --format "md,html,pdf" (case-insensitive, no duplicates kept). */
export function reportFormatsFlag(value: string): ReportFormat[] {
  const parts = value
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError('--format needs at least one of md, html, pdf');
  for (const p of parts)
    if (!(REPORT_FORMATS as readonly string[]).includes(p))
      throw new UsageError(`--format "${p}" is not one of md, html, pdf`);
  return [...new Set(parts as ReportFormat[])];
}

function analysedAssetFlag(value: string): AnalysedAsset {
  const upper = value.toUpperCase();
  if (!(ANALYSED_ASSETS as readonly string[]).includes(upper))
    throw new UsageError(`--asset "${value}" is not one of ${ANALYSED_ASSETS.join(', ')}`);
  return upper as AnalysedAsset;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the analyst note (Markdown, HTML, PDF) for an asset as of a date')
    .option('--db <path>', 'database file')
    .option('--as-of <date>', 'point-in-time date (YYYY-MM-DD, UTC); default: the latest the analysis supports')
    .option('--asset <asset>', 'BTC or ETH', 'BTC')
    .option('--out <dir>', 'output directory', 'out')
    .option('--format <list>', 'comma-separated: md, html, pdf', 'md,html')
    .option('--no-playbook', 'leave out the playbook backtests (they replay the whole history first)')
    .action(async (flags: ReportFlags) => {
      const asset = analysedAssetFlag(flags.asset);
      const asOf = asOfFlag('--as-of', flags.asOf);
      const formats = reportFormatsFlag(flags.format);
      const report = await withStore(flags, 'read', async (store) => {
        const analysis = await analyzeStore(store, { asset, ...(asOf !== undefined ? { asOf } : {}) });
        const [series, coverage, trackRecord] = await Promise.all([
          loadMarketSeries(store, { asset, asOf: analysis.asOf, lookbackDays: REPORT_CHART_LOOKBACK_DAYS }),
          store.coverage({ asOf: analysis.asOf }),
          noteTrackRecord((a, to) => trackRecordFromStore(store, { asset: a, to }), asset, analysis.asOf),
        ]);
        const playbook = flags.playbook
          ? await playbookBacktestsFromStore(store, { asset, asOf: analysis.asOf, waves: analysis.waves })
          : undefined;
        return renderReport(
          { analysis, series, coverage, trackRecord, ...(playbook ? { playbook } : {}) },
          { formats },
        );
      });
      const outDir = resolve(flags.out);
      mkdirSync(outDir, { recursive: true });
      const written: string[] = [];
      const write = (name: string, content: string | Uint8Array): void => {
        const path = join(outDir, name);
        writeFileSync(path, content);
        written.push(path);
      };
      if (report.markdown !== undefined) {
        write(`${report.baseName}.md`, report.markdown);
        for (const chart of report.chartFiles) write(chart.fileName, chart.svg);
      }
      if (report.html !== undefined) write(`${report.baseName}.html`, report.html);
      if (report.pdf !== undefined) write(`${report.baseName}.pdf`, report.pdf);
      process.stdout.write(report.summary);
      process.stdout.write(`\nWrote:\n${written.map((p) => `  ${p}`).join('\n')}\n`);
    });
}
