// File layouts for saved web pages (Farside's HTML flow table, saved from a browser).
import { readFileSync } from 'node:fs';
import { todayUtc } from '../domain/dates.js';
import { ImportError } from './errors.js';
import { FarsideLayoutError, looksLikeFarsideHtml, parseFarsideHtml } from './farside/farside-html.js';
import type { FileLayout, ParsedFile } from './layout.js';

/**
 * Farside's BTC/ETH flow page saved as .html/.htm. Detection reads the whole file (a saved page's
 * table lies far beyond the 4 KiB head): it needs a table with a "Total" header cell and at least
 * two known fund tickers. A page whose table is missing or changed fails with an ImportError that
 * names the file and what was expected.
 */
export const farsideDailyHtml: FileLayout = {
  id: 'farside-daily-html',
  description: 'Farside daily ETF flow page saved from a browser (HTML table, US$ millions)',
  detect({ path, name, head }) {
    if (!/\.html?$/i.test(name)) return false;
    if (/farside/i.test(head)) return true;
    try {
      return looksLikeFarsideHtml(readFileSync(path, 'utf8'));
    } catch {
      return false;
    }
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    try {
      const table = parseFarsideHtml(text, path, { today });
      const warnings = [...table.warnings];
      if (table.observations.length === 0 && table.rejects.length === 0)
        warnings.push('the flow table has no dated rows (expected rows like "05 Jan 2026")');
      return { source: 'farside', observations: table.observations, rejects: table.rejects, warnings };
    } catch (error) {
      if (error instanceof FarsideLayoutError) throw new ImportError(error.message, { cause: error });
      throw error;
    }
  },
};

export const HTML_LAYOUTS: readonly FileLayout[] = [farsideDailyHtml];
