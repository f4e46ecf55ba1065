// `tidemark track-record`: every call the engine would have made, replayed point-in-time, scored
// against hindsight dating next to the two price-only baselines — in-sample and out-of-sample apart.
// Human-readable tables by default; --json prints the TrackRecord contract object.
import type { Command } from 'commander';
import type { EngineTrackRecord, TrackRecord, TrackRecordPeriodResult } from '../domain/track-record.js';
import { TRACK_RECORD_ENGINES } from '../domain/track-record.js';
import { engineForwardCells } from '../domain/track-record-tables.js';
import { formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../format/percent.js';
import { trackRecordFromStore, type TrackRecordRun } from '../track-record/load-track-record.js';
import { TRACK_RECORD_ENGINE_NAMES } from '../track-record/track-record.js';
import { analysedAssetFlag } from './analyze.js';
import { UsageError, withStore } from './context.js';
import { asOfFlag, checkRange, dateFlag } from './options.js';
import { formatTable } from './table.js';

interface TrackRecordFlags {
  db?: string;
  asset: string;
  from?: string;
  to?: string;
  horizons?: string;
  json?: boolean;
}

/** Parses --horizons "20,60,120" into positive whole days. */
export function horizonsFlag(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const days = parts.map(Number);
  if (parts.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 3650))
    throw new UsageError(
      `--horizons "${value}" must be whole days between 1 and 3650, comma-separated (e.g. 20,60,120)`,
    );
  return days;
}

export function registerTrackRecord(program: Command): void {
  program
    .command('track-record')
    .description('score every replayed call against hindsight, next to the 200-day and 50/200-day rules')
    .option('--db <path>', 'database file')
    .option('--asset <asset>', 'BTC or ETH', 'BTC')
    .option('--from <date>', 'first call date (default 2017-01-01, or the first day with 200 closes)')
    .option('--to <date>', 'last call date (default: the latest data)')
    .option('--horizons <days>', 'forward-return horizons in days, comma-separated', '20,60,120')
    .option('--json', 'print the track record as one JSON object')
    .action(async (flags: TrackRecordFlags) => {
      const asset = analysedAssetFlag(flags.asset);
      const from = dateFlag('--from', flags.from);
      const to = asOfFlag('--to', flags.to);
      checkRange(from, to);
      const horizons = horizonsFlag(flags.horizons);
      // The progress bar's package is loaded only when a bar is drawn.
      const progress = process.stderr.isTTY ? await import('cli-progress') : null;
      const bar = progress
        ? new progress.SingleBar(
            { format: 'replay {bar} {value}/{total} days', clearOnComplete: true },
            progress.Presets.shades_classic,
          )
        : null;
      let started = false;
      const run = await withStore(flags, 'read', (store) =>
        trackRecordFromStore(store, {
          asset,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(horizons ? { horizons } : {}),
          onProgress: (done, total) => {
            if (!started) bar?.start(total, 0);
            started = true;
            bar?.update(done);
          },
        }),
      );
      bar?.stop();
      process.stdout.write(flags.json ? JSON.stringify(run.record) + '\n' : formatTrackRecord(run));
    });
}

const engineValue = (period: TrackRecordPeriodResult, cell: (e: EngineTrackRecord) => string): string[] =>
  TRACK_RECORD_ENGINES.map((id) => cell(period.engines[id]));

/** The yardsticks of one period, engines side by side. */
function yardstickTable(period: TrackRecordPeriodResult): string {
  const rows: string[][] = [
    ['calls', ...engineValue(period, (e) => formatDecimal(e.calls, 0))],
    ['label right in hindsight', ...engineValue(period, (e) => formatPercent(e.labelAgreement.shareRight))],
    ['side right in hindsight', ...engineValue(period, (e) => formatPercent(e.labelAgreement.sideAgreement))],
    [
      'median lag to a turn, days (misses counted)',
      ...engineValue(period, (e) => formatDecimal(e.turningPointLags.medianLagDaysCountingMisses, 0)),
    ],
    ['turning points missed', ...engineValue(period, (e) => formatDecimal(e.turningPointLags.missed, 0))],
    [
      'Brier (constant rate)',
      ...engineValue(period, (e) =>
        e.calibration === null || e.calibration.brier === null
          ? '–'
          : `${formatDecimal(e.calibration.brier, 3)} (${formatDecimal(e.calibration.constantRateBrier, 3)})`,
      ),
    ],
    [
      'phase-following log growth ÷ max drawdown',
      ...engineValue(period, (e) => formatDecimal(e.phaseFollowing?.logGrowthPerMaxDrawdown ?? null)),
    ],
    ['phase-following CAGR', ...engineValue(period, (e) => formatSignedPercent(e.phaseFollowing?.cagr ?? null))],
    [
      'phase-following max drawdown',
      ...engineValue(period, (e) => formatPercent(e.phaseFollowing?.maxDrawdown ?? null)),
    ],
    ['phase-following Sharpe', ...engineValue(period, (e) => formatDecimal(e.phaseFollowing?.sharpe ?? null))],
    ['time in market', ...engineValue(period, (e) => formatPercent(e.phaseFollowing?.timeInMarket ?? null))],
    ['switches', ...engineValue(period, (e) => formatDecimal(e.phaseFollowing?.switches ?? null, 0))],
  ];
  return formatTable(['', ...TRACK_RECORD_ENGINES.map((id) => TRACK_RECORD_ENGINE_NAMES[id])], rows);
}

/** Forward outcomes of the engine's calls per label and horizon. */
function forwardTable(period: TrackRecordPeriodResult): string {
  const rows = engineForwardCells(period);
  return formatTable(['label', 'horizon', 'calls', 'mean return [90% CI]', 'median', 'share up', 'mean max DD'], rows);
}

/** Each dated turn with each engine's lag. */
function turnsTable(period: TrackRecordPeriodResult): string {
  const engine = period.engines.engine.turningPointLags.points;
  const rows = engine.map((p, i) => [
    p.date,
    p.kind,
    formatPrice(p.close),
    ...TRACK_RECORD_ENGINES.map((id) => {
      const q = period.engines[id].turningPointLags.points[i];
      return q === undefined ? '–' : q.status === 'matched' ? `${formatDecimal(q.lagDays, 0)} d` : q.status;
    }),
  ]);
  return formatTable(
    ['turn', 'kind', 'close', ...TRACK_RECORD_ENGINES.map((id) => TRACK_RECORD_ENGINE_NAMES[id])],
    rows,
  );
}

/** The engine's reliability table. */
function calibrationTable(period: TrackRecordPeriodResult): string {
  const c = period.engines.engine.calibration;
  if (c === null) return '';
  const rows = c.bins
    .filter((b) => b.calls > 0)
    .map((b) => [
      `${formatPercent(b.from, 0)}–${formatPercent(b.to, 0)}`,
      formatDecimal(b.calls, 0),
      formatPercent(b.meanConfidence),
      formatPercent(b.shareRight),
    ]);
  return formatTable(['confidence', 'calls', 'mean confidence', 'share right'], rows);
}

/** The human-readable track record. */
export function formatTrackRecord(run: TrackRecordRun): string {
  const r: TrackRecord = run.record;
  const lines: string[] = [];
  const rate = run.replay.seconds > 0 ? run.replay.days / run.replay.seconds : 0;
  lines.push(
    `Tidemark track record — ${r.asset}${run.simulated ? '   [SIMULATED DATA — not market data]' : ''}`,
    `${formatDecimal(run.replay.days, 0)} US trading days replayed point-in-time in ${formatDecimal(run.replay.seconds, 1)} s (${formatDecimal(rate, 0)} days/s).`,
    `Hindsight: Lunde–Timmermann dating, bull ends ${formatPercent(r.method.dating.bullDecline, 0)} below its peak, bear ends ${formatPercent(r.method.dating.bearRise, 0)} above its trough${r.method.dating.censoring ? ' (Pagan–Sossounov censoring)' : ''}; topping/bottoming zones within ${formatPercent(r.method.zoneBand, 0)} of a turn. ${formatDecimal(r.turningPoints.length, 0)} turning points dated.`,
    '',
  );
  for (const period of r.periods) {
    lines.push(
      `== ${period.name}: ${period.firstCallDate ?? '–'} → ${period.lastCallDate ?? '–'} (${period.sample})`,
      '',
      yardstickTable(period),
      '',
      ...period.verdicts.map((v) => `  ${v.outcome === 'worse' ? '✗' : v.outcome === 'better' ? '✓' : '·'} ${v.text}`),
      '',
      'Forward outcomes of the engine’s calls',
      forwardTable(period),
      '',
      'Dated turning points and the lag to the first call on the matching side',
      turnsTable(period),
      '',
      'Reliability of the confidence (engine)',
      calibrationTable(period),
      '',
    );
  }
  return lines.join('\n') + '\n';
}
