// Dates as people read them: "18 Aug 2026" in text and tables, "18 Aug" on chart axes. Input is an
// ISO date (YYYY-MM-DD, or a timestamp whose first ten characters are one); read as written, no time zone.

import { NOT_AVAILABLE } from './digits.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function parts(isoDate: string): { day: number; month: string; year: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return null;
  return { day, month, year: match[1]! };
}

/**
 * "2026-08-18" → "18 Aug 2026"; "2026-01-05T14:00:00Z" → "5 Jan 2026". Text that is not an ISO date is
 * returned unchanged; a missing date (null, undefined) prints "n/a".
 */
export function formatDate(isoDate: string | null | undefined): string {
  if (isoDate === null || isoDate === undefined) return NOT_AVAILABLE;
  const p = parts(isoDate);
  return p === null ? isoDate : `${p.day} ${p.month} ${p.year}`;
}

/** The short axis form: "2026-08-18" → "18 Aug". Text that is not an ISO date is returned unchanged. */
export function formatShortDate(isoDate: string): string {
  const p = parts(isoDate);
  return p === null ? isoDate : `${p.day} ${p.month}`;
}

/** `text` with every ISO date (2023-11-08) written as a desk reads it ("8 Nov 2023"). */
export function readableDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

/**
 * A span of days as a desk writes it, the shared month and year said once: ("2026-01-06", "2026-01-08") →
 * "6–8 Jan 2026"; ("2025-11-27", "2025-12-14") → "27 Nov – 14 Dec 2025"; ("2025-12-27", "2026-01-14") →
 * "27 Dec 2025 – 14 Jan 2026"; one day → "6 Jan 2026". Text that is not an ISO date is printed unchanged, a missing one as "n/a".
 */
export function formatDateRange(fromIso: string | null | undefined, toIso: string | null | undefined): string {
  const a = fromIso ? parts(fromIso) : null;
  const b = toIso ? parts(toIso) : null;
  if (a === null || b === null) return `${formatDate(fromIso)} – ${formatDate(toIso)}`;
  if (a.year !== b.year) return `${formatDate(fromIso)} – ${formatDate(toIso)}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return a.day === b.day ? formatDate(toIso) : `${a.day}–${b.day} ${b.month} ${b.year}`;
}

/**
 * A date as this module writes it inside text ("6 Jan 2026", "6–8 Jan 2026", "27 Nov") or an ISO date,
 * global: for keeping each on one line when text wraps (the note's HTML and PDF).
 */
export const DATE_IN_TEXT = new RegExp(
  `\\b\\d{1,2}(?:–\\d{1,2})? (?:${MONTHS.join('|')})(?: \\d{4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'g',
);
