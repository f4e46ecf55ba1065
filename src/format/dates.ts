// Dates as people read them: "18 Aug 2026" in text and tables, "18 Aug" on chart axes. Input is an
// ISO date (YYYY-MM-DD, or a timestamp whose first ten characters are one); read as written, no time zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function parts(isoDate: string): { day: number; month: string; year: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return null;
  return { day, month, year: match[1]! };
}

/** "2026-08-18" → "18 Aug 2026"; "2026-01-05T14:00:00Z" → "5 Jan 2026". Text that is not an ISO date is returned unchanged. */
export function formatDate(isoDate: string): string {
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
