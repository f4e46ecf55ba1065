// Number formatting for the flow sections' evidence sentences.

/** USD in the reader's units: formatUsd(-3_466_700_000) = "−$3.47B", formatUsd(243_200_000) = "+$243M". */
export function formatUsd(usd: number, signed = true): string {
  const sign = usd < 0 ? '−' : signed ? '+' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(0)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}K`;
  return `${sign}$${a.toFixed(0)}`;
}

/** A number rounded for a sentence, with a typographic minus: fmt(0.1666) = "0.17", fmt(-0.07) = "−0.07". */
export function fmt(x: number, digits = 2): string {
  const text = x.toFixed(digits);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}
