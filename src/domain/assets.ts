// The assets a series can belong to. Crypto assets by ticker; MULTI = all coins together
// (e.g. an exchange's total derivatives OI); EQUITY = non-crypto instruments (MSTR, equity ETFs).
export const ASSETS = ['BTC', 'ETH', 'SOL', 'XRP', 'MULTI', 'EQUITY'] as const;
export type Asset = (typeof ASSETS)[number];

/** The crypto assets that have spot ETFs and perps analysed by the signal engine. */
export const ANALYSED_ASSETS = ['BTC', 'ETH'] as const satisfies readonly Asset[];
export type AnalysedAsset = (typeof ANALYSED_ASSETS)[number];

/** True when `text` names a known asset. */
export function isAsset(text: string): text is Asset {
  return (ASSETS as readonly string[]).includes(text);
}
