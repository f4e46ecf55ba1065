// Number and text formatting for the dashboard (USD with B/M/K, percentages, field names).

/** 1234567 → "$1.23M"; null → "not available". */
export function formatUsd(value: number | null): string {
  if (value === null) return 'not available';
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}K`;
  return `${sign}$${abs.toFixed(0)}`;
}

/** 0.123 → "12.3 %"; null → "not available". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? 'not available' : `${(value * 100).toFixed(digits)} %`;
}

/** A compact generic number: 12345.678 → "12,346"; 0.00012 → "0.00012". */
export function formatNumber(value: number | null): string {
  if (value === null) return 'not available';
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 0.01) return value.toPrecision(2);
  if (abs < 100) return value.toFixed(abs < 10 ? 3 : 2);
  return Math.round(value).toLocaleString('en-US');
}

/** Formats a field value by its name: *Usd → USD, *Ratio → ×, *Pct (already percent) → %, *Share/*Rate8h (fractions) → %, else generic. */
export function formatField(name: string, value: string | number | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (/usd$/i.test(name)) return formatUsd(value);
  if (/ratio$/i.test(name)) return `${value.toFixed(2)}×`;
  if (/(pct|percent)$/i.test(name)) return `${value.toFixed(1)} %`;
  if (/share$/i.test(name) && Math.abs(value) <= 5) return formatPercent(value, 1);
  if (/rate8h$/i.test(name) && Math.abs(value) <= 5) return formatPercent(value, 4);
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
  return `${size === null ? 'not available' : formatNumber(size)} ${unit}`;
}
