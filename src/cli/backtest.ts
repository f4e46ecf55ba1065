// `tidemark backtest`: what each playbook would have done, replayed point-in-time — one strategy
// against buy-and-hold, several side by side (--compare), or a parameter grid (--sweep) with the
// out-of-sample result of the in-sample best. Tables by default; --json prints the contract object;
// --out writes the result, the trade log (CSV and JSON) and the daily curves.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { compareStrategies } from '../backtest/compare.js';
import { comparisonTable, periodPriceText } from '../backtest/comparison-table.js';
import { backtestHistoryFromStore, type BacktestHistory } from '../backtest/load-backtest.js';
import type { Strategy } from '../backtest/strategy.js';
import { parseStrategyFile, StrategyFileError, type StrategyFile } from '../backtest/strategy-file.js';
import { isShippedStrategy, shippedStrategy, type StrategyKind } from '../backtest/strategy-kinds.js';
import { objectiveValue, parseSweepAxis, SweepError, sweepStrategy } from '../backtest/sweep.js';
import { tradeLogCsv, tradeLogJson } from '../backtest/trade-log.js';
import {
  BACKTEST_DEFAULTS,
  SHIPPED_STRATEGIES,
  SWEEP_OBJECTIVES,
  type BacktestResult,
  type SweepObjective,
  type SweepResult,
} from '../domain/backtest.js';
import { formatUsd } from '../format/money.js';
import { formatCount, formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../format/percent.js';
import { analysedAssetFlag } from './analyze.js';
import { UsageError, withStore } from './context.js';
import { dateFlag } from './options.js';
import { formatTable } from './table.js';

/** Defaults of the command's money flags (BACKTEST_DEFAULTS: cash 10,000 USD, fee 10 bps, slippage 5 bps). */
export const BACKTEST_CLI_DEFAULTS = BACKTEST_DEFAULTS;

interface BacktestFlags {
  db?: string;
  strategy?: string;
  compare?: string;
  sweep?: string[];
  objective: string;
  asset: string;
  from?: string;
  to?: string;
  cash: string;
  feeBps: string;
  slippageBps: string;
  json?: boolean;
  out?: string;
}

/** A shipped strategy by name, or a user strategy file (YAML or JSON). */
export function resolveStrategy(nameOrFile: string): { strategy: Strategy; file: StrategyFile | null } {
  if (isShippedStrategy(nameOrFile)) return { strategy: shippedStrategy(nameOrFile), file: null };
  const path = resolve(nameOrFile);
  if (!existsSync(path))
    throw new UsageError(
      `--strategy "${nameOrFile}" is neither a shipped strategy (${SHIPPED_STRATEGIES.join(', ')}) nor a YAML/JSON file`,
    );
  try {
    const file = parseStrategyFile(readFileSync(path, 'utf8'), nameOrFile);
    return { strategy: file.strategy, file };
  } catch (error) {
    if (error instanceof StrategyFileError) throw new UsageError(error.message);
    throw error;
  }
}

function numberFlag(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${flag} "${value}" must be a number from ${formatCount(min)} to ${formatCount(max)}`);
  return n;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('what each playbook would have done, point-in-time: strategies against buy-and-hold, sweeps')
    .option('--db <path>', 'database file')
    .option('--strategy <name|file>', `a shipped strategy (${SHIPPED_STRATEGIES.join(', ')}) or a YAML/JSON file`)
    .option('--compare <list>', 'comma-separated strategies (names or files) side by side (default: all shipped)')
    .option(
      '--sweep <key=values>',
      'sweep an option of --strategy: key=v1,v2 or key=from..to[:step]; repeat for a grid',
      collect,
    )
    .option('--objective <name>', `what the sweep ranks on: ${SWEEP_OBJECTIVES.join(', ')}`, 'sharpe')
    .option('--asset <asset>', 'BTC or ETH', 'BTC')
    .option('--from <date>', 'first decision date (default: the first replayed day)')
    .option('--to <date>', 'last date (default: the latest close)')
    .option('--cash <usd>', 'starting cash, USD', String(BACKTEST_CLI_DEFAULTS.cashUsd))
    .option('--fee-bps <bps>', 'fee per fill, basis points of the notional', String(BACKTEST_CLI_DEFAULTS.feeBps))
    .option(
      '--slippage-bps <bps>',
      'slippage per fill, basis points of the price',
      String(BACKTEST_CLI_DEFAULTS.slippageBps),
    )
    .option('--json', 'print the result as one JSON object')
    .option('--out <dir>', 'write the result JSON, the trade log (CSV, JSON) and the daily curves (CSV) here')
    .action(async (flags: BacktestFlags) => {
      const asset = analysedAssetFlag(flags.asset);
      const from = dateFlag('--from', flags.from);
      const to = dateFlag('--to', flags.to);
      if (from !== undefined && to !== undefined && from > to)
        throw new UsageError(`--from ${from} is after --to ${to}`);
      const money = {
        startCashUsd: numberFlag('--cash', flags.cash, 1, 1e12),
        feeBps: numberFlag('--fee-bps', flags.feeBps, 0, 1000),
        slippageBps: numberFlag('--slippage-bps', flags.slippageBps, 0, 1000),
      };
      if (flags.compare !== undefined && flags.sweep !== undefined)
        throw new UsageError('--compare and --sweep cannot be used together');
      if (!(SWEEP_OBJECTIVES as readonly string[]).includes(flags.objective))
        throw new UsageError(`--objective "${flags.objective}" is not one of ${SWEEP_OBJECTIVES.join(', ')}`);
      // Strategies and sweep axes are checked before the (slow) replay.
      const sweepBase =
        flags.sweep !== undefined
          ? flags.strategy === undefined
            ? (() => {
                throw new UsageError('--sweep needs --strategy (the strategy whose options are swept)');
              })()
            : resolveStrategy(flags.strategy)
          : null;
      const kind: StrategyKind | null = sweepBase ? (sweepBase.file?.kind ?? (flags.strategy as StrategyKind)) : null;
      const axes =
        flags.sweep?.map((spec) => {
          try {
            return parseSweepAxis(spec, kind!);
          } catch (error) {
            if (error instanceof SweepError) throw new UsageError(error.message);
            throw error;
          }
        }) ?? [];
      const names =
        flags.compare !== undefined
          ? flags.compare
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : flags.strategy !== undefined
            ? [flags.strategy]
            : [...SHIPPED_STRATEGIES];
      if (names.length === 0) throw new UsageError('--compare needs at least one strategy');
      const strategies = sweepBase ? [] : names.map((n) => resolveStrategy(n).strategy);
      const ids = strategies.map((s) => s.id);
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      if (duplicate !== undefined) throw new UsageError(`--compare names "${duplicate}" twice`);

      const history = await loadWithProgress(flags, asset, to);
      const window = { from: from ?? '0000-01-01', to: to ?? '9999-12-31' };
      if (sweepBase) {
        const sweep = runSweep(history, {
          ...money,
          ...window,
          kind: kind!,
          axes,
          objective: flags.objective as SweepObjective,
          file: sweepBase.file,
        });
        if (flags.out !== undefined)
          writeOut(flags.out, `backtest-sweep-${asset}.json`, JSON.stringify(sweep, null, 2));
        process.stdout.write(flags.json ? JSON.stringify(sweep) + '\n' : formatSweep(sweep, history));
        return;
      }
      let result: BacktestResult;
      try {
        result = compareStrategies(history.market, strategies, { ...money, ...window });
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
      if (flags.out !== undefined) writeResultFiles(flags.out, result);
      process.stdout.write(
        flags.json ? JSON.stringify(result) + '\n' : formatBacktest(result, history, strategies.length === 1),
      );
    });
}

async function loadWithProgress(
  flags: BacktestFlags,
  asset: 'BTC' | 'ETH',
  to: string | undefined,
): Promise<BacktestHistory> {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'replay {bar} {value}/{total} days', clearOnComplete: true }, Presets.shades_classic)
    : null;
  let started = false;
  const history = await withStore(flags, 'read', (store) =>
    backtestHistoryFromStore(store, {
      asset,
      ...(to !== undefined ? { to } : {}),
      onProgress: (done, total) => {
        if (!started) bar?.start(total, 0);
        started = true;
        bar?.update(done);
      },
    }),
  );
  bar?.stop();
  if (history.market.days.length === 0)
    throw new UsageError(`backtest: ${asset} has no replayable day (the engine needs 200 daily closes first)`);
  return history;
}

function runSweep(
  history: BacktestHistory,
  request: {
    startCashUsd: number;
    feeBps: number;
    slippageBps: number;
    from: string;
    to: string;
    kind: StrategyKind;
    axes: ReturnType<typeof parseSweepAxis>[];
    objective: SweepObjective;
    file: StrategyFile | null;
  },
): SweepResult {
  const total = request.axes.reduce((n, a) => n * a.values.length, 1);
  const bar = process.stderr.isTTY
    ? new SingleBar(
        { format: 'sweep {bar} {value}/{total} combinations', clearOnComplete: true },
        Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0);
  try {
    const file = request.file;
    return sweepStrategy(history.market, {
      ...request,
      ...(file
        ? {
            baseOptions: file.options,
            user: { name: file.name, ...(file.description ? { description: file.description } : {}) },
          }
        : {}),
      ...(file?.stops ? { stops: file.stops } : {}),
      onProgress: (done) => {
        if (done % 25 === 0 || done === total) bar?.update(done);
      },
    });
  } catch (error) {
    if (error instanceof SweepError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  } finally {
    bar?.stop();
  }
}

function writeOut(dir: string, name: string, content: string): string {
  const outDir = resolve(dir);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  writeFileSync(path, content);
  process.stderr.write(`wrote ${path}\n`);
  return path;
}

/** The result, the whole window's trade log (CSV, JSON) and the daily curves (CSV). */
function writeResultFiles(dir: string, result: BacktestResult): void {
  const stem = `backtest-${result.asset}-${result.from}-${result.to}`;
  const whole = result.periods[0]!;
  writeOut(dir, `${stem}.json`, JSON.stringify(result, null, 2));
  writeOut(dir, `${stem}-trades.csv`, tradeLogCsv(whole.runs));
  writeOut(dir, `${stem}-trades.json`, tradeLogJson(whole.runs));
  const header = [
    'date',
    'close_usd',
    ...whole.runs.flatMap((r) => [`${r.strategy}_equity_usd`, `${r.strategy}_drawdown`, `${r.strategy}_exposure`]),
  ];
  const lines = [header.join(',')];
  result.closes.forEach((c, i) =>
    lines.push(
      [
        c.date,
        c.close,
        ...whole.runs.flatMap((r): (string | number)[] => {
          const p = r.curve[i];
          return p === undefined ? ['', '', ''] : [p.equityUsd, p.drawdown, p.exposure];
        }),
      ].join(','),
    ),
  );
  writeOut(dir, `${stem}-curves.csv`, lines.join('\n') + '\n');
}

function header(history: BacktestHistory, asset: string, simulated: boolean): string[] {
  const r = history.replay;
  const rate = r.seconds > 0 ? r.days / r.seconds : 0;
  return [
    `Tidemark backtest — ${asset}${simulated ? '   [SIMULATED DATA — not market data]' : ''}`,
    `${formatCount(r.days)} US trading days replayed point-in-time in ${formatDecimal(r.seconds, 1)} s (${formatCount(rate)} days/s).`,
  ];
}

/** The human-readable comparison, one table per period, and the trade log when one strategy was asked for. */
export function formatBacktest(result: BacktestResult, history: BacktestHistory, withTrades: boolean): string {
  const lines = [
    ...header(history, result.asset, result.simulated),
    `Start ${formatUsd(result.startCashUsd)} in cash; fee ${formatDecimal(result.feeBps, 1)} bps, slippage ${formatDecimal(result.slippageBps, 1)} bps per fill.`,
    result.timing,
    '',
  ];
  for (const period of result.periods) {
    const table = comparisonTable(period);
    lines.push(
      `== ${period.name}: ${period.from} → ${period.to} (${periodPriceText(period)})`,
      '',
      formatTable(table.columns, table.rows),
      '',
    );
  }
  for (const run of result.periods[0]!.runs) lines.push(`${run.title}: ${run.description}`);
  if (withTrades) {
    const run = result.periods[0]!.runs.find((r) => r.strategy !== 'buy-and-hold') ?? result.periods[0]!.runs[0]!;
    lines.push(
      '',
      `Trades of ${run.title} (${formatCount(run.trades.length)})`,
      formatTable(
        ['date', 'side', 'call', 'close', 'fill', 'notional', 'exposure after', 'why'],
        run.trades.map((t) => [
          t.date,
          t.side,
          t.label,
          formatPrice(t.closeUsd),
          formatPrice(t.priceUsd),
          formatUsd(t.notionalUsd),
          formatPercent(t.exposureAfter, 0),
          t.reason,
        ]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** The sweep: every combination, the best, and the out-of-sample result of the in-sample best. */
export function formatSweep(sweep: SweepResult, history: BacktestHistory): string {
  const keys = Object.keys(sweep.combinations[0]?.parameters ?? {});
  const value = (m: SweepResult['combinations'][number]['whole'] | null): string => {
    if (m === null) return '–';
    const v = objectiveValue(m, sweep.objective);
    return Number.isFinite(v)
      ? sweep.objective === 'cagr' || sweep.objective === 'total-return'
        ? formatSignedPercent(v)
        : formatDecimal(v)
      : 'n/a';
  };
  const rows = sweep.combinations.map((c, i) => [
    `${i === sweep.inSampleBest ? '* ' : ''}${formatCount(i + 1)}`,
    ...keys.map((k) => String(c.parameters[k])),
    value(c.inSample),
    value(c.outOfSample),
    value(c.whole),
    formatPercent(c.whole.maxDrawdown),
    formatCount(c.whole.trades),
  ]);
  const lines = [
    ...header(history, sweep.asset, sweep.simulated),
    `Sweep of ${sweep.strategy}: ${formatCount(sweep.combinations.length)} combinations in ${formatDecimal(sweep.seconds, 2)} s, ${sweep.from} → ${sweep.to}, ranked on ${sweep.objective}.`,
    '',
    formatTable(
      [
        '#',
        ...keys,
        `${sweep.objective} in-sample`,
        `${sweep.objective} out-of-sample`,
        `${sweep.objective} whole`,
        'max DD whole',
        'trades',
      ],
      rows,
    ),
    '',
  ];
  const describe = (label: string, index: number | null): void => {
    if (index === null) return;
    const c = sweep.combinations[index]!;
    lines.push(
      `${label}: #${formatCount(index + 1)} ${keys.map((k) => `${k}=${c.parameters[k]}`).join(' ')} — in-sample ${value(c.inSample)}, out-of-sample ${value(c.outOfSample)}, whole ${value(c.whole)}`,
    );
  };
  describe('In-sample best (the honest pick)', sweep.inSampleBest);
  if (sweep.inSampleBestOutOfSampleRank !== null)
    lines.push(
      `  out of sample it ranked ${formatCount(sweep.inSampleBestOutOfSampleRank)} of ${formatCount(sweep.combinations.length)}`,
    );
  describe('Out-of-sample best (hindsight, for reference)', sweep.outOfSampleBest);
  describe('Best over the whole window (hindsight)', sweep.wholeBest);
  lines.push('', sweep.note);
  return lines.join('\n') + '\n';
}
