// A figure of the analysis in words when only its field name says what it measures (the note's
// figure tables): the unit read from the name, the digits from src/format; and the name as a label.
import { formatUsd } from '../format/money.js';
import { formatCount, formatNumber } from '../format/numbers.js';
import { formatFundingRate8h, formatPct, formatPercent } from '../format/percent.js';

/**
 * Formats a figure by what its name (or dotted path) says it measures, first rule winning:
 * *Pct → already a percentage ("−27.4%"); *Usd (or a parent named *Usd) → USD; *Annualised → a fraction as percent;
 * *Rate8h → percent per 8h; *Coins / coinsHeld → coins; Share/Drawdown/Return/Spread/ToAum →
 * a fraction as percent; anything else a plain number. Strings pass through, booleans become
 * yes/no, null/undefined "n/a".
 */
export function formatFigure(name: string, value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (/Pct/.test(name)) return formatPct(value);
  if (/Usd(\.|$)/.test(name)) return formatUsd(value);
  if (/annualised/i.test(name)) return formatPercent(value);
  if (/Rate8h/.test(name)) return formatFundingRate8h(value);
  if (/Coins$|coinsHeld/i.test(name)) return `${formatCount(value)} coins`;
  if (/(Share|Drawdown|drawdownFrom|Return|Spread|ToAum)/i.test(name)) return formatPercent(value);
  return formatNumber(value);
}

/** A camelCase field name as words, dropping a trailing unit: "netFlowWindowUsd" → "Net flow window". */
export function labelOf(name: string): string {
  const words = name
    .replace(/(Usd|Coins|Pct)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
