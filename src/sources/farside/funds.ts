// The US spot ETF line-up as Farside lists it, per asset, with issuers. "BTC" and "ETH" as tickers
// are Grayscale's mini trusts.
import type { Asset } from '../../domain/assets.js';

export interface FundInfo {
  readonly ticker: string;
  readonly asset: Asset;
  readonly issuer: string;
}

const fund = (asset: Asset, ticker: string, issuer: string): FundInfo => ({ ticker, asset, issuer });

export const FUNDS: readonly FundInfo[] = [
  fund('BTC', 'IBIT', 'BlackRock'),
  fund('BTC', 'FBTC', 'Fidelity'),
  fund('BTC', 'BITB', 'Bitwise'),
  fund('BTC', 'ARKB', 'ARK/21Shares'),
  fund('BTC', 'BTCO', 'Invesco Galaxy'),
  fund('BTC', 'EZBC', 'Franklin Templeton'),
  fund('BTC', 'BRRR', 'Valkyrie/CoinShares'),
  fund('BTC', 'HODL', 'VanEck'),
  fund('BTC', 'BTCW', 'WisdomTree'),
  fund('BTC', 'MSBT', 'Morgan Stanley'),
  fund('BTC', 'GBTC', 'Grayscale'),
  fund('BTC', 'BTC', 'Grayscale (mini)'),
  fund('ETH', 'ETHA', 'BlackRock'),
  fund('ETH', 'ETHB', 'Bitwise'),
  fund('ETH', 'FETH', 'Fidelity'),
  fund('ETH', 'ETHW', 'Bitwise'),
  fund('ETH', 'TETH', '21Shares'),
  fund('ETH', 'ETHV', 'VanEck'),
  fund('ETH', 'QETH', 'Invesco Galaxy'),
  fund('ETH', 'EZET', 'Franklin Templeton'),
  fund('ETH', 'ETHE', 'Grayscale'),
  fund('ETH', 'ETH', 'Grayscale (mini)'),
  fund('SOL', 'BSOL', 'Bitwise'),
  fund('SOL', 'VSOL', 'VanEck'),
  fund('SOL', 'FSOL', 'Fidelity'),
  fund('SOL', 'TSOL', '21Shares'),
  fund('SOL', 'SOEZ', 'Franklin Templeton'),
  fund('SOL', 'GSOL', 'Grayscale'),
];

/** The fund of `ticker` for `asset` (tickers "BTC"/"ETH" are ambiguous without the asset). */
export function findFund(asset: Asset, ticker: string): FundInfo | undefined {
  return FUNDS.find((f) => f.asset === asset && f.ticker === ticker);
}

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
