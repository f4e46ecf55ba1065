// Fund columns of vendor tables (Farside, Artemis) resolved against the fund catalog: a header's case
// and stray bytes ("ibit", "\uFFFDARKB", " Fbtc ") do not make a new store key. A header that is not a
// catalog fund is kept only when written exactly like a ticker (a fund launched after the catalog was
// last updated), with a warning; anything else is skipped with a warning naming the header.
import type { Asset } from '../domain/assets.js';
import { findFund } from '../domain/etf-funds.js';

/**
 * The ticker a header stands for: Unicode-normalised (NFKC), every character that is not a letter
 * or digit dropped, upper case. normaliseTicker(" ibit ") = "IBIT"; normaliseTicker("\uFFFDARKB") = "ARKB".
 */
export function normaliseTicker(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
}

/** A header written exactly the way tickers are: 2–6 upper-case letters or digits, nothing else. */
const CLEAN_TICKER = /^[A-Z0-9]{2,6}$/;

export type FundHeader =
  | { readonly ok: true; readonly ticker: string; readonly known: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Resolves one fund column for `asset` from `tickerText` (the header, or the part of it that names
 * the fund, e.g. "IBIT" of "IBIT - ETF Flows"): the catalog fund its normalised form names
 * (known: true); else, when it is written exactly like a ticker, that ticker (known: false, for the
 * caller's warning); else a message naming `header`, for a warning, and the column is not imported.
 */
export function resolveFundHeader(asset: Asset, tickerText: string, header: string = tickerText): FundHeader {
  const ticker = normaliseTicker(tickerText);
  if (ticker !== '' && findFund(asset, ticker)) return { ok: true, ticker, known: true };
  const trimmed = tickerText.trim();
  if (CLEAN_TICKER.test(trimmed)) return { ok: true, ticker: trimmed, known: false };
  return {
    ok: false,
    message: `column ${JSON.stringify(header)} names no ${asset} fund of the catalog${ticker ? ` (read as "${ticker}")` : ''}: skipped`,
  };
}

/** One resolved column of a table: the store key, or null when the column is skipped. */
export interface FundColumns {
  /** Store key per column (null = skipped). */
  readonly tickers: readonly (string | null)[];
  /** Warnings naming the headers: unknown tickers kept, unreadable or repeated ones skipped. */
  readonly warnings: string[];
}

/**
 * Resolves every fund column header of a table for `asset` (see resolveFundHeader); a header that
 * resolves to a ticker an earlier column already has is skipped too. `toTicker` picks the part of a
 * header that names the fund (default: all of it).
 */
export function resolveFundColumns(
  asset: Asset,
  headers: readonly string[],
  toTicker: (header: string) => string = (h) => h,
): FundColumns {
  const warnings: string[] = [];
  const taken = new Map<string, string>();
  const tickers = headers.map((header) => {
    const fund = resolveFundHeader(asset, toTicker(header), header);
    if (!fund.ok) {
      warnings.push(fund.message);
      return null;
    }
    const earlier = taken.get(fund.ticker);
    if (earlier !== undefined) {
      warnings.push(
        `column ${JSON.stringify(header)} repeats fund ${fund.ticker} (column ${JSON.stringify(earlier)}): skipped`,
      );
      return null;
    }
    taken.set(fund.ticker, header);
    if (!fund.known)
      warnings.push(`unknown ${asset} fund ticker "${fund.ticker}" (column "${header}"): imported as is`);
    return fund.ticker;
  });
  return { tickers, warnings };
}
