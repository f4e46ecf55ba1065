// The comparison of one period as text cells: one column per strategy, one row per figure, buy-and-hold
// first as the reference, numbers through src/format. The CLI prints it; the report shows it.
import type { BacktestPeriodResult, StrategyRun } from '../domain/backtest.js';
import { formatUsd } from '../format/money.js';
import { formatCount, formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent, formatPercentagePoints, formatSignedPercent } from '../format/percent.js';

export interface TextTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The figures of each run side by side; "vs buy-and-hold" is total return minus the reference's, in points. */
export function comparisonTable(period: BacktestPeriodResult): TextTable {
  const runs = period.runs;
  const reference = runs.find((r) => r.strategy === 'buy-and-hold') ?? null;
  const row = (name: string, cell: (r: StrategyRun) => string): string[] => [name, ...runs.map(cell)];
  const m = (r: StrategyRun): StrategyRun['metrics'] => r.metrics;
  return {
    columns: ['', ...runs.map((r) => r.title)],
    rows: [
      row('final equity', (r) => formatUsd(m(r).finalEquityUsd)),
      row('total return', (r) => formatSignedPercent(m(r).totalReturn)),
      row('vs buy-and-hold', (r) =>
        reference === null || r === reference
          ? '–'
          : formatPercentagePoints((m(r).totalReturn - m(reference).totalReturn) * 100),
      ),
      row('CAGR', (r) => formatSignedPercent(m(r).cagr)),
      row('max drawdown', (r) => formatPercent(m(r).maxDrawdown)),
      row('  peak → trough', (r) =>
        m(r).maxDrawdownPeakDate === null ? '–' : `${m(r).maxDrawdownPeakDate} → ${m(r).maxDrawdownTroughDate}`,
      ),
      row('volatility (annual)', (r) => formatPercent(m(r).volatilityAnnualised)),
      row('Sharpe', (r) => formatDecimal(m(r).sharpe)),
      row('Sortino', (r) => formatDecimal(m(r).sortino)),
      row('Calmar', (r) => formatDecimal(m(r).calmar)),
      row('time in market', (r) => formatPercent(m(r).timeInMarket)),
      row('first buy', (r) => m(r).firstBuyDate ?? 'never'),
      row('average entry', (r) => formatPrice(m(r).averageEntryPriceUsd)),
      row('  vs period VWAP', (r) => formatSignedPercent(m(r).entryVsVwap)),
      row('  above period low', (r) => formatSignedPercent(m(r).entryAboveLow)),
      row('trades', (r) => formatCount(m(r).trades)),
      row('turnover (× equity)', (r) => formatDecimal(m(r).turnover)),
      row('fees + slippage', (r) => formatUsd(m(r).feesPaidUsd + m(r).slippageUsd)),
    ],
  };
}

/** "VWAP 47,378, low 16,680 on 2023-01-03" for a period (the same for every run). */
export function periodPriceText(period: BacktestPeriodResult): string {
  const first = period.runs[0]?.metrics;
  if (first === undefined) return '';
  return `period VWAP ${formatPrice(first.periodVwapUsd)}, low ${formatPrice(first.periodLowUsd)} on ${first.periodLowDate}`;
}
