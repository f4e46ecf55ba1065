// Which asset a table of fund columns belongs to, voted by the tickers of the fund catalog.
import type { Asset } from '../../domain/assets.js';
import { FUNDS } from '../../domain/etf-funds.js';

/**
 * The asset whose fund line-up the columns belong to: the asset of the majority of known tickers,
 * or null when fewer than two known tickers appear.
 */
export function assetOfFundColumns(columns: readonly string[]): Asset | null {
  const votes = new Map<Asset, number>();
  for (const c of columns) {
    for (const f of FUNDS)
      if (f.ticker === c && c !== 'BTC' && c !== 'ETH') votes.set(f.asset, (votes.get(f.asset) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}
