// What the fuzz suite writes into files: number and date tokens vendors get wrong, the characters a
// byte flip may write, stray bytes for headers, and the dates a piece of text may be read as.

/** Numbers a vendor cell might hold: overflow, negative, NaN, exponents, junk. */
export const NUMBER_TOKENS = [
  '1e308',
  '-1e308',
  '1e309',
  '-5',
  '-0',
  '0',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e-320',
  '(1e400)',
  '(5)',
  '0x1F',
  '1,234.5',
  '12.3.4',
  ' 7 ',
  '+5',
  '5e+2',
  '.5',
  '-',
  'n/a',
  '1_000',
  '9'.repeat(400),
  '$5',
  '5%',
  'abc',
  '\uFFFD5',
];

/** Dates a vendor cell might hold: out of range, impossible, loose, other formats. */
export const DATE_TOKENS = [
  '9999-12-31',
  '0001-01-01',
  '2025-02-30',
  '2024-02-29',
  '2025-01-02 garbage',
  '2025-01-02T25:00:00',
  '2025-01-02T00:00:00Z',
  '01/02/2025',
  '13/01/2025',
  '01/13/2025',
  '2008-12-31',
  '2009-01-03',
  '',
  '2025-13-01',
  '05 Jan 2026',
  '31 Feb 2026',
  'Jan 5, 2026',
  '+010000-01-01',
  '2026-1-5',
  '2099-01-01',
  '\uFFFD2025-01-02',
];

/** Characters a byte flip may write in the default properties (a quote would swallow later lines). */
export const FLIP_CHARS = [...'0123456789-.,eE+ xZ;\t\r\n', '\uFFFD', '\u0000'];
/** Bytes that can never be part of a real header name (replacement, control, zero-width, BOM). */
export const STRAY = ['\uFFFD', '\u0000', '\u200B', '\uFEFF', '\u0007'];

const ISO = /\d{4}-\d{2}-\d{2}/g;
const DMY = /\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4}/g;
const MDY = /[A-Za-z]{3,9}\.? \d{1,2},? \d{4}/g;
const SLASHED = /(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Every date a piece of text may be read as (ISO, "05 Jan 2026", "Jan 5, 2026", slashed both ways). */
export function datesIn(text: string): string[] {
  const out = new Set<string>(text.match(ISO) ?? []);
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  const month = (w: string): number => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  for (const m of text.match(DMY) ?? []) {
    const [d, w, y] = m.split(/[ -]/);
    if (month(w!) > 0) out.add(`${y}-${pad(month(w!))}-${pad(d!)}`);
  }
  for (const m of text.match(MDY) ?? []) {
    const [w, d, y] = m.replace(/[.,]/g, '').split(' ');
    if (month(w!) > 0) out.add(`${y}-${pad(month(w!))}-${pad(d!)}`);
  }
  for (const m of text.matchAll(SLASHED)) {
    out.add(`${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}`);
    out.add(`${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
  }
  return [...out];
}
