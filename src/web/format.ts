// Text helpers of the dashboard: a field's value by its name, wave sizes, labels and HTML escaping.
// The digits themselves come from src/format (the same module as the note and the CLI).
import { formatShortDate } from '../format/dates.js';
import { formatUsd } from '../format/money.js';
import { formatNumber, formatRatio } from '../format/numbers.js';
import { formatFundingRate8h, formatPct, formatPercent } from '../format/percent.js';

/** Formats a field value by its name: *Usd → USD, *Ratio → ×, *Pct (already percent) → %, *Share (fraction) → %, *Rate8h → % per 8h, else generic. */
export function formatField(name: string, value: string | number | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (/usd$/i.test(name)) return formatUsd(value);
  if (/ratio$/i.test(name)) return formatRatio(value);
  if (/(pct|percent)$/i.test(name)) return formatPct(value);
  if (/share$/i.test(name) && Math.abs(value) <= 5) return formatPercent(value, 1);
  if (/rate8h$/i.test(name) && Math.abs(value) <= 5) return formatFundingRate8h(value);
  return formatNumber(value);
}

/** camelCase / kebab-case → "Sentence case words". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Escapes text for innerHTML. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A size in a unit that starts with "USD" ("USD net outflow") as "$8.05B net outflow"; other units verbatim. */
export function formatSize(size: number | null, unit: string): string {
  if (/^USD\b/.test(unit)) return `${formatUsd(size)}${unit.slice(3)}`;
  return `${formatNumber(size)} ${unit}`;
}

/** A time-axis tick (ms since epoch, UTC) as desks read it: "18 Aug", and the year alone on 1 January. */
export function dateTick(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.slice(5, 10) === '01-01' ? iso.slice(0, 4) : formatShortDate(iso);
}
