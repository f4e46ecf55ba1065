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

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/**
 * Parses a date cell: ISO "2026-01-05" (a trailing time is ignored), or Farside's "05 Jan 2026".
 * Returns null when the text is not a valid date.
 */
export function parseDateCell(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (iso) return isIsoDate(iso[1]!) ? iso[1]! : null;
  const dmy = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{4})$/.exec(text);
  if (dmy) {
    const month = MONTHS[dmy[2]!.toLowerCase()];
    if (!month) return null;
    const date = `${dmy[3]}-${month}-${dmy[1]!.padStart(2, '0')}`;
    return isIsoDate(date) ? date : null;
  }
  return null;
}
