// Reading numbers and dates out of text cells the way data vendors write them: "1,234.5",
// "(123.4)" for negatives, "-" or "" for no figure. NaN, Infinity and junk are errors.
import { isIsoDate } from '../domain/dates.js';

export type CellResult = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Parses a numeric cell. Empty, "-", "—" and "n/a" mean no figure (value null). Parenthesised
 * values are negative: "(123.4)" → −123.4. Thousands separators are dropped. Anything not a finite
 * number (NaN, Infinity, "1.2.3", "abc") is an error.
 */
export function parseNumberCell(raw: string): CellResult {
  let text = raw.trim();
  if (text === '' || text === '-' || text === '—' || text === '–' || /^n\/?a$/i.test(text))
    return { ok: true, value: null };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  text = text.replace(/^\$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return { ok: false, message: `"${raw}" is not a number` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `"${raw}" is not a finite number` };
  return { ok: true, value: negative ? -value : value };
}

/** US$ millions (as Farside writes them) to US dollars, rounded to the cent. */
export function millionsToUsd(millions: number): number {
  return Math.round(millions * 1e8) / 100;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Jan", "jan", "January", "Sept" → 1-based month; anything else (e.g. "Janxyz") → null. */
function monthOfName(word: string): number | null {
  const w = word.toLowerCase();
  const i = w.length === 3 ? MONTHS.indexOf(w) : w === 'sept' ? 8 : MONTH_NAMES.indexOf(w);
  return i < 0 ? null : i + 1;
}

const pad2 = (n: number | string): string => String(n).padStart(2, '0');

/** Which way a table writes numeric dates with slashes: month first (US) or day first. */
export type SlashDateOrder = 'month-first' | 'day-first';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_WITH_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}| ?UTC)?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;

/**
 * The order of the slashed numeric dates (e.g. "01/13/2026") among `cells`: a first number above 12
 * means day first, a second above 12 month first. Null when no cell decides it or cells disagree
 * (both orders appear): such dates are then rejected as ambiguous.
 */
export function slashDateOrder(cells: readonly string[]): SlashDateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    const m = SLASHED.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'day-first' : 'month-first';
}

export type DateCellResult = { ok: true; date: string } | { ok: false; message: string };

/**
 * Reads a date cell strictly, returning the ISO date or why it is not one. Accepted: ISO
 * "2026-01-05", optionally followed by a valid time ("T00:00:00Z", " 00:00"; the date is kept as
 * written); Farside's "05 Jan 2026" (also "5-Jan-2026", "05 January 2026"); US month first
 * "Jan 5, 2026"; slashed "01/05/2026" when `slashOrder` says which number is the month. Refused:
 * trailing text ("2025-01-02 garbage"), impossible times ("T25:00:00"), impossible dates
 * ("2025-02-30", "31 Feb 2026"), two-digit years, and slashed dates without an order.
 */
export function readDateCell(raw: string, slashOrder: SlashDateOrder | null = null): DateCellResult {
  const text = raw.trim();
  const bad = (why = 'is not a valid date'): DateCellResult => ({ ok: false, message: `"${raw}" ${why}` });
  let date: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = ISO_WITH_TIME.exec(text))) {
    if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59))
      return bad('has an impossible time of day');
    date = m[1]!;
  } else if ((m = DAY_MONTH_YEAR.exec(text))) {
    const month = monthOfName(m[2]!);
    if (month === null) return bad(`is not a valid date ("${m[2]}" is not a month)`);
    date = `${m[3]}-${pad2(month)}-${pad2(m[1]!)}`;
  } else if ((m = MONTH_DAY_YEAR.exec(text))) {
    const month = monthOfName(m[1]!);
    if (month === null) return bad(`is not a valid date ("${m[1]}" is not a month)`);
    date = `${m[3]}-${pad2(month)}-${pad2(m[2]!)}`;
  } else if ((m = SLASHED.exec(text))) {
    if (slashOrder === null)
      return bad(
        'is ambiguous: month/day (US) or day/month, and no date of the table has a number above 12 to decide; write dates as YYYY-MM-DD',
      );
    const [month, day] = slashOrder === 'month-first' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    date = `${m[3]}-${pad2(month)}-${pad2(day)}`;
  }
  if (date === null || !isIsoDate(date)) return bad();
  return { ok: true, date };
}

/** readDateCell's date, or null when the cell is not a valid date. */
export function parseDateCell(raw: string, slashOrder: SlashDateOrder | null = null): string | null {
  const result = readDateCell(raw, slashOrder);
  return result.ok ? result.date : null;
}
