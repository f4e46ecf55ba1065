// The per-fund daily flow table desks read on Farside: one row per US trading day (latest last),
// one column per fund in Farside's order, the day's total, and a row of sums over the days shown.
// Figures in US$ millions, one decimal, Unicode minus; a blank cell is a fund with no row that day.
import { FUNDS } from '../domain/etf-funds.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatDecimal } from '../format/numbers.js';
import type { NoteBlock } from './note-model.js';

/** Trading days shown. */
export const FUND_TABLE_DAYS = 10;

const millions = (usd: number): string => formatDecimal(usd / 1e6, 1);

/** The table block for the last `days` flow days, or null without flows. Funds that never traded in the window are left out. */
export function fundFlowTable(series: MarketSeries, days: number = FUND_TABLE_DAYS): NoteBlock | null {
  const dates = [...new Set(series.etfFlows.map((f) => f.date))].sort().slice(-days);
  if (dates.length === 0) return null;
  const first = dates[0]!;
  const flows = series.etfFlows.filter((f) => f.date >= first);
  const order = FUNDS.filter((f) => f.asset === series.asset).map((f) => f.ticker);
  const present = [...new Set(flows.map((f) => f.fund))];
  const active = present.filter((fund) => flows.some((f) => f.fund === fund && f.netFlowUsd !== 0));
  const rank = (t: string): number => (order.indexOf(t) === -1 ? order.length : order.indexOf(t));
  const funds = active.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const cell = new Map(flows.map((f) => [`${f.date}|${f.fund}`, f.netFlowUsd]));
  const rows = dates.map((date) => {
    const values = funds.map((fund) => cell.get(`${date}|${fund}`));
    const total = flows.filter((f) => f.date === date).reduce((s, f) => s + f.netFlowUsd, 0);
    return [date, ...values.map((v) => (v === undefined ? '' : millions(v))), millions(total)];
  });
  const sums = funds.map((fund) => flows.filter((f) => f.fund === fund).reduce((s, f) => s + f.netFlowUsd, 0));
  rows.push(['Sum', ...sums.map(millions), millions(flows.reduce((s, f) => s + f.netFlowUsd, 0))]);
  return {
    kind: 'table',
    columns: ['US$ M', ...funds, 'Total'],
    rows,
    numeric: [false, ...funds.map(() => true), true],
    dense: true,
  };
}
