// Farside's daily ETF flow table as HTML (the BTC/ETH "all data" pages, saved from a browser or
// fetched live): finds the table whose header row lists fund tickers and ends with "Total", reads
// "05 Jan 2026" date rows of US$ millions ("(243.2)" negative, "-" no figure) and skips the
// issuer/fee rows under the header and the Total/Average/Maximum/Minimum footer rows.
import { load } from 'cheerio';
import type { Asset } from '../../domain/assets.js';
import type { Observation } from '../../domain/observation.js';
import type { RowReject } from '../layout.js';
import { farsideRowsToObservations } from './farside-rows.js';
import { assetOfFundColumns } from './asset-of-fund-columns.js';

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
  const found =
    tables.length === 0
      ? 'no <table> at all'
      : `${tables.length} table(s), none with a header row of fund tickers ending in "Total"`;
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
  const below = rows.slice(headerIndex + 1).map((cells, i) => ({ line: headerIndex + 2 + i, cells }));
  // Issuer and fee rows sit between the tickers and the first date: skipped, not rejected.
  const { observations, rejects } = farsideRowsToObservations(header.cells, below, header.asset, {
    skipPreamble: true,
  });
  return { asset: header.asset, funds: header.cells.slice(1, -1), observations, rejects };
}

/** True when the text looks like a Farside flow page: a table with a "Total" header and fund tickers. */
export function looksLikeFarsideHtml(text: string): boolean {
  if (!/<table[\s>]/i.test(text) || !/>\s*Total\s*</i.test(text)) return false;
  const tickers = text.match(/>\s*(IBIT|FBTC|BITB|ARKB|GBTC|ETHA|FETH|ETHE|ETHW)\s*</g) ?? [];
  return new Set(tickers.map((t) => t.replace(/[>\s<]/g, ''))).size >= 2;
}
