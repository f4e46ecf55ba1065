// Statistics of the REAL series in the shared data folder, computed the same way as for the
// simulated series so the two can be compared. Used only while calibrating (the script next to it)
// and by the calibration test; the simulator never reads files at runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../sources/csv.js';
import { lag1Autocorrelation, mean, median, stdev } from '../stats.js';

/** The window the real statistics are taken over (both ends included). */
export const CALIBRATION_WINDOW = { from: '2024-01-11', to: '2026-03-31' } as const;

/** Figures a simulated dataset is compared against (BTC unless named ETH). */
export interface MarketStats {
  readonly btcDailyLogReturnStdev: number;
  readonly ethDailyLogReturnStdev: number;
  readonly btcEtfTotalFlowStdevUsd: number;
  readonly btcEtfTotalFlowLag1Autocorr: number;
  readonly ibitShareOfAbsFlow: number;
  readonly ethEtfTotalFlowStdevUsd: number;
  readonly btcOpenInterestMedianUsd: number;
  readonly btcOpenInterestLogChangeStdev: number;
  readonly btcFundingMean8h: number;
  readonly btcFundingStdev8h: number;
  readonly btcLongLiquidationsMedianUsd: number;
  readonly cmeFrontOpenInterestMedianContracts: number;
  readonly strategyMnavMin: number;
  readonly strategyMnavMax: number;
}

type Column = Map<string, number>;

function readColumn(path: string, column: string, from: string, to: string): Column {
  const records = parseCsv(readFileSync(path, 'utf8'));
  const header = records[0]?.cells ?? [];
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`real-stats: ${path}: no column "${column}" (columns: ${header.join(', ')})`);
  const out: Column = new Map();
  for (const r of records.slice(1)) {
    const date = r.cells[0] ?? '';
    const cell = r.cells[index] ?? '';
    if (date < from || date > to || cell.trim() === '') continue;
    const n = Number(cell);
    if (Number.isFinite(n)) out.set(date, n);
  }
  return out;
}

function logReturns(closes: Column): number[] {
  const values = [...closes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((e) => e[1]);
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push(Math.log(values[i]! / values[i - 1]!));
  return out;
}

/** Computes the calibration statistics from the shared data folder `dataDir` (throws when a file is missing). */
export function realMarketStats(dataDir: string): MarketStats {
  const { from, to } = CALIBRATION_WINDOW;
  const f = (sub: string, name: string): string => join(dataDir, sub, name);
  const btcClose = readColumn(
    f('ohlcv', 'Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv'),
    'Close',
    from,
    to,
  );
  const ethClose = readColumn(
    f('ohlcv', 'Ethereum Price & Volume - Spot, All Exchanges, ETH-USD - Day.csv'),
    'Close',
    from,
    to,
  );
  const btcFlows = f('etf_flows', 'farside_btc_etf_flows__daily.csv');
  const btcTotal = [...readColumn(btcFlows, 'Total', from, to).values()].map((m) => m * 1e6);
  const ethTotal = [...readColumn(f('etf_flows', 'farside_eth_etf_flows__daily.csv'), 'Total', from, to).values()].map(
    (m) => m * 1e6,
  );
  const header = parseCsv(readFileSync(btcFlows, 'utf8'))[0]?.cells ?? [];
  let absAll = 0;
  let absIbit = 0;
  for (const fund of header.slice(1, -1)) {
    const sum = [...readColumn(btcFlows, fund, from, to).values()].reduce((s, v) => s + Math.abs(v), 0);
    absAll += sum;
    if (fund === 'IBIT') absIbit = sum;
  }
  const oi = readColumn(
    f('derivatives', 'Bitcoin Open Interest - All Exchanges, All Symbol - Day.csv'),
    'Open Interest',
    from,
    to,
  );
  const funding = [
    ...readColumn(
      f('derivatives', 'Bitcoin Funding Rates - All Exchanges - Day.csv'),
      'Funding Rates',
      from,
      to,
    ).values(),
  ].map((p) => p / 100);
  const longLiq = readColumn(
    f('liquidations', 'Bitcoin Long Liquidations USD - All Exchanges, All Symbol - Day.csv'),
    'Long Liquidations USD',
    from,
    to,
  );
  const cmeOi = readColumn(f('cme', 'CME_BTC_front_month_futures__daily.csv'), 'Open Interest', from, to);
  const mnav = [
    ...readColumn(
      f('mstr', 'BTC DATs- Fully Diluted EV NAV.csv'),
      'Strategy - Fully Diluted EV / Nav',
      from,
      to,
    ).values(),
  ];
  return {
    btcDailyLogReturnStdev: stdev(logReturns(btcClose)),
    ethDailyLogReturnStdev: stdev(logReturns(ethClose)),
    btcEtfTotalFlowStdevUsd: stdev(btcTotal),
    btcEtfTotalFlowLag1Autocorr: lag1Autocorrelation(btcTotal),
    ibitShareOfAbsFlow: absIbit / absAll,
    ethEtfTotalFlowStdevUsd: stdev(ethTotal),
    btcOpenInterestMedianUsd: median([...oi.values()]),
    btcOpenInterestLogChangeStdev: stdev(logReturns(oi)),
    btcFundingMean8h: mean(funding),
    btcFundingStdev8h: stdev(funding),
    btcLongLiquidationsMedianUsd: median([...longLiq.values()]),
    cmeFrontOpenInterestMedianContracts: median([...cmeOi.values()]),
    strategyMnavMin: Math.min(...mnav),
    strategyMnavMax: Math.max(...mnav),
  };
}
