// Number and label formatting for the analyst note: money in USD with B/M/K, fractions as
// percent, funding per 8h, coins. Every figure in the note passes through here, so the text
// never carries a hand-typed number.

const MINUS = '-';

/** USD with a compact suffix: 4_570_000_000 → "$4.57B", -612e6 → "-$612M", 91320 → "$91,320". */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? MINUS : '';
  const abs = Math.abs(usd);
  if (abs >= 1e12) return `${sign}$${trim(abs / 1e12)}T`;
  if (abs >= 1e9) return `${sign}$${trim(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}$${trim(abs / 1e6)}M`;
  if (abs >= 1e4) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  return `${sign}$${trim(abs)}`;
}

/** A fraction as percent: 0.274 → "27.4%"; `digits` decimals (default 1). */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A funding rate (fraction per 8h) as percent per 8h: 0.000042 → "0.0042% per 8h". */
export function formatFunding8h(fundingRate8h: number): string {
  return `${(fundingRate8h * 100).toFixed(4)}% per 8h`;
}

/** A plain number with up to 3 significant decimals and thousands separators: 1.1234 → "1.12". */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  if (abs >= 1) return trim(value);
  if (abs === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

/** A confidence in [0, 1] as a whole percent: 0.64 → "64%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * Formats a figure by what its name (or dotted path) says it measures, first rule winning:
 * *Pct → already a percentage ("-27.4%"); *Usd (or a parent named *Usd) → USD; *Annualised → a fraction as percent;
 * *Rate8h → percent per 8h; *Coins / coinsHeld → coins; Share/Drawdown/Return/Spread/ToAum →
 * a fraction as percent; anything else a plain number. Strings pass through, booleans become
 * yes/no, null/undefined "n/a".
 */
export function formatFigure(name: string, value: unknown): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
  if (/Pct/.test(name)) return `${value.toFixed(1)}%`;
  if (/Usd(\.|$)/.test(name)) return formatUsd(value);
  if (/annualised/i.test(name)) return formatPercent(value);
  if (/Rate8h/.test(name)) return formatFunding8h(value);
  if (/Coins$|coinsHeld/i.test(name)) return `${Math.round(value).toLocaleString('en-US')} coins`;
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

function trim(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toFixed(digits);
}
