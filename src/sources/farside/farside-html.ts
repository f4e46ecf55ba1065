// Farside's daily ETF flow table as HTML (the BTC/ETH "all data" pages, saved from a browser or
// fetched live): finds the table whose header row lists fund tickers and ends with "Total", reads
// "05 Jan 2026" date rows of US$ millions ("(243.2)" negative, "-" no figure) and skips the
// issuer/fee rows under the header and the Total/Average/Maximum/Minimum footer rows.
import { load } from 'cheerio';
import type { Asset } from '../../domain/assets.js';
import type { Observation } from '../../domain/observation.js';
import type { RowReject } from '../layout.js';
import { todayUtc } from '../../domain/dates.js';
import { parseDateCell, slashDateOrder } from '../cells.js';
import { normaliseTicker } from '../fund-headers.js';
import { farsideRowsToObservations } from './farside-rows.js';
import { findFund } from '../../domain/etf-funds.js';
import { assetOfFundColumns } from './asset-of-fund-columns.js';

/** What the table parser read: per-fund and total observations, rejected rows, the asset. */
export interface FarsideTable {
  readonly asset: Asset;
  /** Fund tickers in column order (without the date and Total columns), as the header writes them. */
  readonly funds: readonly string[];
  readonly observations: Observation[];
  readonly rejects: RowReject[];
  /** Fund columns skipped or kept although not in the catalog, naming the header. */
  readonly warnings: string[];
}

/** The table could not be found or its header is not the one we know: the page layout changed. */
export class FarsideLayoutError extends Error {
  override readonly name = 'FarsideLayoutError';
}

/**
 * Parses Farside's flow table out of an HTML page. `origin` (file path or URL) is used in messages;
 * `options.today` bounds the dates (default: the clock). Rows are numbered 1.. in table order (header
 * rows included) and rejects name that row and the fund column. When several tables have a fund
 * header ending in "Total", the expected one wins: a blank or "Date" first header cell, then the most
 * dated rows, then the most catalog funds, then the first: a decoy table above the real one is
 * passed over. When the page ends inside
 * the chosen table (no closing tag: a cut download), its last row is rejected as possibly cut.
 * Throws FarsideLayoutError when no table has a header row of recognisable fund tickers ending in a
 * "Total" column (an HTML layout change, or not a Farside page).
 * Example: a row `05 Jan 2026 | (243.2) | - | … | 12.0` gives IBIT −243,200,000 USD, no FBTC row.
 */
export function parseFarsideHtml(html: string, origin: string, options: { today?: string } = {}): FarsideTable {
  const $ = load(html);
  const tables = $('table').toArray();
  let best: { index: number; rows: string[][]; headerIndex: number; header: Header; score: number[] } | null = null;
  tables.forEach((table, index) => {
    const rows = $(table)
      .find('tr')
      .toArray()
      .map((row) =>
        $(row)
          .children('th,td')
          .toArray()
          .map((c) => $(c).text().replace(/\s+/g, ' ').trim()),
      );
    const headerIndex = rows.findIndex((row) => headerOf(row) !== null);
    if (headerIndex < 0) return;
    const header = headerOf(rows[headerIndex]!)!;
    const body = rows.slice(headerIndex + 1).map((r) => r[0] ?? '');
    const order = slashDateOrder(body);
    const dated = body.filter((c) => parseDateCell(c, order) !== null).length;
    const first = header.cells[0]!.toLowerCase();
    const score = [first === '' || first === 'date' ? 1 : 0, dated, header.knownFunds];
    const better = (a: readonly number[], b: readonly number[]): boolean => {
      const i = a.findIndex((x, k) => x !== b[k]);
      return i >= 0 && a[i]! > b[i]!;
    };
    if (!best || better(score, best.score)) best = { index, rows, headerIndex, header, score };
  });
  const chosen = best as { index: number; rows: string[][]; headerIndex: number; header: Header } | null;
  if (chosen) {
    const cut = chosen.index === tables.length - 1 && endsInsideTable(html);
    return readRows(chosen.rows, chosen.headerIndex, chosen.header, options.today ?? todayUtc(), cut);
  }
  const found =
    tables.length === 0
      ? 'no <table> at all'
      : `${tables.length} table(s), none with a header row of fund tickers ending in "Total"`;
  throw new FarsideLayoutError(
    `farside-html: ${origin}: expected Farside's flow table (a header row of fund tickers such as IBIT, FBTC … or ETHA, FETH … and a last column "Total"); found ${found}. The page layout may have changed.`,
  );
}

/** True when the page opens more tables than it closes: the download stopped inside the last one. */
function endsInsideTable(html: string): boolean {
  return (html.match(/<table[\s>]/gi)?.length ?? 0) > (html.match(/<\/table\s*>/gi)?.length ?? 0);
}

interface Header {
  readonly asset: Asset;
  readonly cells: readonly string[];
  /** How many header cells name a fund of the catalog. */
  readonly knownFunds: number;
}

function headerOf(cells: readonly string[]): Header | null {
  if (cells.length < 4 || cells.at(-1)?.toLowerCase() !== 'total') return null;
  const tickers = cells.slice(1, -1).map(normaliseTicker);
  const asset = assetOfFundColumns(tickers);
  if (!asset) return null;
  return { asset, cells, knownFunds: tickers.filter((t) => findFund(asset, t)).length };
}

function readRows(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  header: Header,
  today: string,
  cut: boolean,
): FarsideTable {
  const below = rows
    .slice(headerIndex + 1)
    .map((cells, i, all) => ({ line: headerIndex + 2 + i, cells, cut: cut && i === all.length - 1 }));
  // Issuer and fee rows sit between the tickers and the first date: skipped, not rejected.
  const { observations, rejects, warnings } = farsideRowsToObservations(header.cells, below, header.asset, {
    skipPreamble: true,
    today,
  });
  return { asset: header.asset, funds: header.cells.slice(1, -1), observations, rejects, warnings };
}

/** True when the text looks like a Farside flow page: a table with a "Total" header and fund tickers. */
export function looksLikeFarsideHtml(text: string): boolean {
  if (!/<table[\s>]/i.test(text) || !/>\s*Total\s*</i.test(text)) return false;
  const tickers = text.match(/>\s*(IBIT|FBTC|BITB|ARKB|GBTC|ETHA|FETH|ETHE|ETHW)\s*</gi) ?? [];
  return new Set(tickers.map((t) => t.replace(/[>\s<]/g, '').toUpperCase())).size >= 2;
}
