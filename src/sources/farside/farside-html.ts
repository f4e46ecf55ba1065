// Farside's daily ETF flow table as HTML (the BTC/ETH "all data" pages, saved from a browser or
// fetched live): finds the table whose header row lists fund tickers and ends with "Total", reads
// "05 Jan 2026" date rows of US$ millions ("(243.2)" negative, "-" no figure) and skips the
// issuer/fee rows under the header and the Total/Average/Maximum/Minimum footer rows.
import { load } from 'cheerio';
import type { Asset } from '../../domain/assets.js';
import { etfFlowKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { millionsToUsd, parseDateCell, parseNumberCell } from '../cells.js';
import type { RowReject } from '../layout.js';
import { assetOfFundColumns } from './funds.js';

/** What the table parser read: per-fund and total observations, rejected rows, the asset. */
export interface FarsideTable {
  readonly asset: Asset;
  /** Fund tickers in column order (without the date and Total columns). */
  readonly funds: readonly string[];
  readonly observations: Observation[];
  readonly rejects: RowReject[];
}

/** The table could not be found or its header is not the one we know: the page layout changed. */
export class FarsideLayoutError extends Error {
  override readonly name = 'FarsideLayoutError';
}

const FOOTER = /^(total|average|maximum|minimum|max|min)$/i;

/**
 * Parses Farside's flow table out of an HTML page. `origin` (file path or URL) is used in messages.
 * Rows are numbered 1.. in table order (header rows included) and rejects name that row and the
 * fund column. Throws FarsideLayoutError when no table has a header row of recognisable fund
 * tickers ending in a "Total" column (an HTML layout change, or not a Farside page).
 * Example: a row `05 Jan 2026 | (243.2) | - | … | 12.0` gives IBIT −243,200,000 USD, no FBTC row.
 */
export function parseFarsideHtml(html: string, origin: string): FarsideTable {
  const $ = load(html);
  const tables = $('table').toArray();
  for (const table of tables) {
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
    if (headerIndex < 0) continue;
    return readRows(rows, headerIndex, headerOf(rows[headerIndex]!)!);
  }
  const found = tables.length === 0 ? 'no <table> at all' : `${tables.length} table(s), none with a header row of fund tickers ending in "Total"`;
  throw new FarsideLayoutError(
    `farside-html: ${origin}: expected Farside's flow table (a header row of fund tickers such as IBIT, FBTC … or ETHA, FETH … and a last column "Total"); found ${found}. The page layout may have changed.`,
  );
}

interface Header {
  readonly asset: Asset;
  readonly cells: readonly string[];
}

function headerOf(cells: readonly string[]): Header | null {
  if (cells.length < 4 || cells.at(-1)?.toLowerCase() !== 'total') return null;
  const asset = assetOfFundColumns(cells.slice(1, -1));
  return asset ? { asset, cells } : null;
}

function readRows(rows: readonly (readonly string[])[], headerIndex: number, header: Header): FarsideTable {
  const funds = header.cells.slice(1, -1);
  const observations: Observation[] = [];
  const rejects: RowReject[] = [];
  const seen = new Set<string>();
  let dataStarted = false;
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    const line = headerIndex + 2 + i;
    const rawDate = cells[0] ?? '';
    const date = parseDateCell(rawDate);
    if (!date) {
      if (FOOTER.test(rawDate) || cells.every((c) => c === '')) return;
      // Issuer and fee rows sit between the tickers and the first date.
      if (!dataStarted) return;
      rejects.push({ line, field: 'date', message: `"${rawDate}" is not a valid date` });
      return;
    }
    dataStarted = true;
    if (cells.length !== header.cells.length) {
      rejects.push({ line, message: `expected ${header.cells.length} cells, found ${cells.length}` });
      return;
    }
    if (seen.has(date)) {
      rejects.push({ line, field: 'date', message: `duplicate date ${date}: the first row is kept` });
      return;
    }
    seen.add(date);
    const knownAt = etfFlowKnownAt(date);
    const rowObs: Observation[] = [];
    let bad = false;
    cells.forEach((raw, col) => {
      if (col === 0) return;
      const cell = parseNumberCell(raw);
      const name = header.cells[col]!;
      if (!cell.ok) {
        rejects.push({ line, field: name, message: cell.message });
        bad = true;
        return;
      }
      if (cell.value === null) return;
      const isTotal = col === cells.length - 1;
      rowObs.push({
        dataset: isTotal ? 'etf-flows-total' : 'etf-flows',
        field: 'netFlowUsd',
        asset: header.asset,
        key: isTotal ? 'farside' : name,
        date,
        value: millionsToUsd(cell.value),
        knownAt,
      });
    });
    if (!bad) observations.push(...rowObs);
  });
  return { asset: header.asset, funds, observations, rejects };
}

/** True when the text looks like a Farside flow page: a table with a "Total" header and fund tickers. */
export function looksLikeFarsideHtml(text: string): boolean {
  if (!/<table[\s>]/i.test(text) || !/>\s*Total\s*</i.test(text)) return false;
  const tickers = text.match(/>\s*(IBIT|FBTC|BITB|ARKB|GBTC|ETHA|FETH|ETHE|ETHW)\s*</g) ?? [];
  return new Set(tickers.map((t) => t.replace(/[>\s<]/g, ''))).size >= 2;
}
