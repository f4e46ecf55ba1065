// `tidemark analyze`: the phase judgment with its evidence at a date (or replayed day by day with
// --walk-forward). Human-readable by default; --json prints the contract object.
import { humanText } from '../domain/labels/human-text.js';
import {
  capitalise,
  PHASE_NAMES,
  SEGMENT_NAMES,
  signalLabel,
  sourceName,
  valueLabel,
} from '../domain/labels/code-names.js';
import type { Command } from 'commander';
import { ANALYSED_ASSETS, type AnalysedAsset } from '../domain/assets.js';
import type { Analysis } from '../domain/analysis.js';
import { addDays, dateRange, daysBetween } from '../domain/dates.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import type { DailyReading, MonthlyReading } from '../phase/walk-forward.js';
import { defaultAsOf, defaultAsOfWithReason, loadMarketSeries } from '../store/market-series-loader.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { UsageError, withStore } from './context.js';
import { asOfFlag, checkRange, dateFlag } from './options.js';
import { formatTable } from './table.js';
import { formatDate, formatDateRange } from '../format/dates.js';
import { formatUsd } from '../format/money.js';
import { formatCount, formatDecimal, formatNumber, formatPrice } from '../format/numbers.js';
import { FRESHNESS_INPUT_LABELS } from '../domain/freshness.js';
import { formatPercent, formatSignedPct } from '../format/percent.js';
import { EVIDENCE_MARKER_LEGEND, evidenceMarker } from '../phase/evidence-direction.js';

interface AnalyzeFlags {
  db?: string;
  asOf?: string;
  asset: string;
  json?: boolean;
  walkForward?: boolean;
  from?: string;
  to?: string;
  monthly?: boolean;
}

/** Checks --asset for the analysed assets (BTC, ETH). */
export function analysedAssetFlag(value: string): AnalysedAsset {
  const upper = value.toUpperCase();
  if (!(ANALYSED_ASSETS as readonly string[]).includes(upper))
    throw new UsageError(`--asset "${value}" must be BTC or ETH`);
  return upper as AnalysedAsset;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('state the market phase with its evidence, signals, waves and confirmation checklist')
    .option('--db <path>', 'database file')
    .option('--as-of <date>', 'analyse with only what was known at the end of this date (default: latest data)')
    .option('--asset <asset>', 'BTC or ETH', 'BTC')
    .option('--json', 'print the analysis as one JSON object')
    .option('--walk-forward', 'replay the judgment for every US trading day from --from to --to')
    .option('--from <date>', 'walk-forward start (default: one year before --to)')
    .option('--to <date>', 'walk-forward end (default: the as-of date)')
    .option('--monthly', 'with --walk-forward: one line per month')
    .action(async (flags: AnalyzeFlags) => {
      const asset = analysedAssetFlag(flags.asset);
      const asOfGiven = asOfFlag('--as-of', flags.asOf);
      // The analysis code (phase/, signals/) loads while the store opens and reads, which DuckDB
      // does on a thread of its own; awaited once the series are read.
      const prefetch = flags.walkForward ? import('../phase/walk-forward.js') : import('../phase/analyze.js');
      prefetch.catch(() => undefined);
      await withStore(flags, 'read', async (store) => {
        const shippedEvents = loadShippedEvents();
        if (!flags.walkForward) {
          let asOf = asOfGiven;
          if (asOf === undefined) {
            const chosen = await defaultAsOfWithReason(store, asset);
            asOf = chosen.asOf;
            process.stderr.write(`as of ${chosen.asOf}: ${chosen.reason} (--as-of for another date)\n`);
          }
          const series = await loadMarketSeries(store, { asset, asOf, shippedEvents });
          const { analyzeSeries } = await import('../phase/analyze.js');
          const analysis = analyzeSeries(series);
          process.stdout.write(flags.json ? JSON.stringify(analysis, null, 2) + '\n' : formatAnalysis(analysis));
          return;
        }
        const to = asOfFlag('--to', flags.to) ?? asOfGiven ?? (await defaultAsOf(store, asset));
        const from = dateFlag('--from', flags.from) ?? addDays(to, -365);
        checkRange(from, to);
        const full = await loadMarketSeries(store, {
          asset,
          asOf: to,
          shippedEvents,
          lookbackDays: 1100 + daysBetween(from, to) + 1,
        });
        const dates = dateRange(from, to).filter(isUsTradingDay);
        if (dates.length === 0)
          throw new UsageError(`--from ${from} to --to ${to} holds no US trading day: the range is empty`);
        // The progress bar's package is loaded only when a bar is drawn (a terminal, a replay).
        const progress = process.stderr.isTTY ? await import('cli-progress') : null;
        const bar = progress
          ? new progress.SingleBar(
              { format: 'walk-forward {bar} {value}/{total} days', clearOnComplete: true },
              progress.Presets.shades_classic,
            )
          : null;
        const { monthlyReadings, walkForward } = await import('../phase/walk-forward.js');
        bar?.start(dates.length, 0);
        const readings = walkForward(full, dates, (done) => bar?.update(done));
        bar?.stop();
        const months = flags.monthly ? monthlyReadings(readings) : null;
        if (flags.json) process.stdout.write(JSON.stringify(months ?? readings, null, 2) + '\n');
        else process.stdout.write(months ? formatMonthly(months) : formatDaily(readings));
      });
    });
}

/** A wave's size: USD units as money ("$4.38B net outflow"), other units after the number. */
function waveSize(size: number, unit: string | undefined): string {
  const u = unit ?? 'USD';
  return u.startsWith('USD') ? `${formatUsd(size)}${u.slice(3)}` : `${formatNumber(size)} ${u}`;
}

/** The human-readable analysis. */
export function formatAnalysis(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`Tidemark — ${a.asset} as of ${a.asOf}${a.simulated ? '   [SIMULATED DATA — not market data]' : ''}`);
  lines.push(
    a.phase.label === null
      ? `Phase: NO CALL  (${a.phase.noCallReason})`
      : `Phase: ${PHASE_NAMES[a.phase.label].toUpperCase()}  (confidence ${formatPercent(a.phase.confidence, 0)})`,
    '',
  );
  lines.push('Inputs (latest date, age)');
  for (const f of a.freshness)
    lines.push(
      `  ${f.stale ? '!' : ' '} ${FRESHNESS_INPUT_LABELS[f.input].padEnd(20)} ${(f.lastDate === null ? 'none' : formatDate(f.lastDate)).padEnd(11)}${f.ageDays === null ? '' : `  ${formatCount(f.ageDays)} d`}${f.source ? `  (${sourceName(f.source)})` : ''}${f.stale ? '  STALE — left out of the judgment' : ''}`,
    );
  lines.push('');
  lines.push(`Evidence (${EVIDENCE_MARKER_LEGEND})`);
  for (const e of a.phase.evidence)
    lines.push(`  ${evidenceMarker(a.phase.label, e.weight)} [${signalLabel(e.signal)}] ${humanText(e.text)}`);
  lines.push('', 'Confirmation checklist');
  for (const c of a.checklist) lines.push(`  [${c.met ? 'x' : ' '}] ${humanText(c.text)}`);
  lines.push('', 'De-risking waves');
  if (a.waves.length === 0) lines.push('  none detected in the lookback');
  for (const w of a.waves)
    lines.push(
      `  ${capitalise(SEGMENT_NAMES[w.segment]).padEnd(18)} ${(w.end === null ? `from ${formatDate(w.start)}, ongoing` : formatDateRange(w.start, w.end)).padEnd(26)}  size ${waveSize(w.size, w.unit)}`,
    );
  lines.push(
    '',
    `ETF flow regime: ${valueLabel(a.signals.etfFlows.regime)} (D = ${formatDecimal(a.signals.etfFlows.directionality)});  last sell-off: ${valueLabel(a.signals.liquidity.selloffType)};  close ${formatSignedPct(a.signals.trend.drawdownFromPeakPct)} from its peak`,
  );
  if (a.phase.unusedEvidence && a.phase.unusedEvidence.length > 0) {
    lines.push(
      '',
      `Could not use (${a.phase.unusedEvidence.length}): ${a.phase.unusedEvidence.map(humanText).join('; ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

function formatDaily(readings: readonly DailyReading[]): string {
  return (
    formatTable(
      ['date', 'phase', 'confidence', 'flow regime', 'D', 'sell-off', 'close'],
      readings.map((r) => [
        r.date,
        r.label === null ? 'no call' : PHASE_NAMES[r.label],
        formatPercent(r.confidence, 0),
        valueLabel(r.flowRegime),
        formatDecimal(r.directionality),
        valueLabel(r.selloffType),
        formatPrice(r.close),
      ]),
    ) + '\n'
  );
}

function formatMonthly(months: readonly MonthlyReading[]): string {
  return (
    formatTable(
      ['month', 'phase (month end)', 'conf', 'days per phase', 'flow regime (month end)', 'sell-off', 'close'],
      months.map((m) => [
        m.month,
        m.endOfMonth.label === null ? 'no call' : PHASE_NAMES[m.endOfMonth.label],
        formatPercent(m.endOfMonth.confidence, 0),
        Object.entries(m.daysByPhase)
          .map(([k, v]) => `${valueLabel(k)} ${v}`)
          .join(', '),
        valueLabel(m.endOfMonth.flowRegime),
        valueLabel(m.selloffType),
        formatPrice(m.endOfMonth.close),
      ]),
    ) + '\n'
  );
}
