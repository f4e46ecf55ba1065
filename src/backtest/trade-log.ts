// The trade log as files: CSV (one fill per row, raw numbers for spreadsheets) and JSON.
import type { StrategyRun } from '../domain/backtest.js';

/** CSV columns of the trade log, in order. */
export const TRADE_LOG_COLUMNS = [
  'strategy',
  'date',
  'side',
  'label',
  'close_usd',
  'price_usd',
  'units',
  'notional_usd',
  'fee_usd',
  'slippage_usd',
  'cash_after_usd',
  'units_after',
  'exposure_after',
  'reason',
] as const;

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The trades of `runs` as CSV text (header first, rows by strategy then date). */
export function tradeLogCsv(runs: readonly StrategyRun[]): string {
  const lines = [TRADE_LOG_COLUMNS.join(',')];
  for (const run of runs)
    for (const t of run.trades)
      lines.push(
        [
          run.strategy,
          t.date,
          t.side,
          t.label,
          t.closeUsd,
          t.priceUsd,
          t.units,
          t.notionalUsd,
          t.feeUsd,
          t.slippageUsd,
          t.cashAfterUsd,
          t.unitsAfter,
          t.exposureAfter,
          t.reason,
        ]
          .map(csvField)
          .join(','),
      );
  return lines.join('\n') + '\n';
}

/** The trades of `runs` as JSON: { strategy: trades[] }. */
export function tradeLogJson(runs: readonly StrategyRun[]): string {
  return JSON.stringify(Object.fromEntries(runs.map((r) => [r.strategy, r.trades])), null, 2) + '\n';
}
