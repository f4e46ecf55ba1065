// The per-fund daily flow table desks read on Farside: one row per US trading day (latest first),
// one column per fund in Farside's order, and the day's total; outflows in red. The CSV holds every
// day of the page's window in raw USD.
import { FUNDS } from '../../domain/etf-funds.js';
import { formatDate } from '../../format/dates.js';
import { formatUsd } from '../../format/money.js';
import { addCsvButton, type CsvTable } from '../csv.js';
import { escapeHtml } from '../format.js';
import { card, notAvailable } from '../ui.js';

/** Days shown on the page (about six trading weeks); the CSV has them all. */
export const SHOWN_FLOW_DAYS = 30;

/** The table's content: funds in column order, and per day each fund's flow (null = no report) and the total. */
export interface FundFlowTable {
  readonly funds: readonly string[];
  readonly days: readonly { date: string; flowsUsd: readonly (number | null)[]; totalUsd: number }[];
}

/**
 * Days × funds from per-fund daily flows (Map fund → Map date → USD), latest day first. Funds follow
 * the catalogue's (Farside's) order for `asset`, unknown tickers after them alphabetically; a fund that
 * reported nothing in the window is left out. The total sums the funds that reported.
 */
export function fundFlowTable(perFund: ReadonlyMap<string, ReadonlyMap<string, number>>, asset: string): FundFlowTable {
  const catalogue = FUNDS.filter((f) => f.asset === asset).map((f) => f.ticker);
  const rank = (t: string): number => (catalogue.includes(t) ? catalogue.indexOf(t) : catalogue.length);
  const funds = [...perFund.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const dates = [...new Set([...perFund.values()].flatMap((m) => [...m.keys()]))].sort().reverse();
  return {
    funds,
    days: dates.map((date) => {
      const flowsUsd = funds.map((f) => perFund.get(f)?.get(date) ?? null);
      return { date, flowsUsd, totalUsd: flowsUsd.reduce<number>((s, v) => s + (v ?? 0), 0) };
    }),
  };
}

/** The table as CSV: date, one column per fund (USD), total_usd. */
export function fundFlowCsv(table: FundFlowTable): CsvTable {
  return {
    header: ['date', ...table.funds.map((f) => `${f}_usd`), 'total_usd'],
    rows: table.days.map((d) => [d.date, ...d.flowsUsd, d.totalUsd]),
  };
}

function cell(usd: number | null, extra = ''): string {
  if (usd === null) return `<td class="num${extra}"></td>`;
  return `<td class="num${usd < 0 ? ' neg' : ''}${extra}">${escapeHtml(formatUsd(usd))}</td>`;
}

/** Adds the per-fund daily flow card to `parent` (id "etf-fund-table"). */
export function renderFundFlowTable(
  parent: HTMLElement,
  perFund: ReadonlyMap<string, ReadonlyMap<string, number>>,
  asset: string,
): void {
  const table = fundFlowTable(perFund, asset);
  const body = card(parent, `Daily net flow per fund, latest ${SHOWN_FLOW_DAYS} days`, {
    wide: true,
    id: 'etf-fund-table',
    note: 'US dollars; a blank cell is a day the fund did not report.',
  });
  if (table.days.length === 0) return notAvailable(body, 'Per-fund flows');
  body.classList.add('scroll-x');
  body.innerHTML = `<table class="flows"><thead><tr><th>Date</th>${table.funds
    .map((f) => `<th class="num">${escapeHtml(f)}</th>`)
    .join('')}<th class="num total">Total</th></tr></thead><tbody>${table.days
    .slice(0, SHOWN_FLOW_DAYS)
    .map(
      (d) =>
        `<tr><td class="date">${escapeHtml(formatDate(d.date))}</td>${d.flowsUsd.map((v) => cell(v)).join('')}${cell(d.totalUsd, ' total')}</tr>`,
    )
    .join('')}</tbody></table>`;
  addCsvButton(body, 'etf-fund-table', () => fundFlowCsv(table));
}
