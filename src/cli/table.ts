// Plain-text tables for the terminal: aligned columns, numbers (and formatted figures) right-aligned.
import { formatCount, formatNumber } from '../format/numbers.js';

/** A cell that src/format produced from a number: "1,234", "−3.1%", "$4.57B", "0.83", "1.2×". */
const FORMATTED_FIGURE = /^[−+]?\$?\d[\d,]*(\.\d+)?[%KMBT×]?$/;

/** Renders rows as an aligned text table with a header and a rule under it. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatTableNumber(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every((r) => typeof r[i] === 'number' || (typeof r[i] === 'string' && FORMATTED_FIGURE.test(r[i]))),
  );
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** A bare number in a table: whole numbers grouped ("1,234,567"), others to three significant digits. */
function formatTableNumber(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : formatNumber(n);
}
