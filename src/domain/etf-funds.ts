// The fund catalog: the US spot ETF line-up per asset with issuers, as Farside lists it. "BTC" and
// "ETH" as tickers are Grayscale's mini trusts. Domain knowledge shared by the importers, the store's
// loader and the simulator.
import type { Asset } from './assets.js';

/** One US spot ETF: its ticker, the asset it holds and its issuer. */
export interface FundInfo {
  readonly ticker: string;
  readonly asset: Asset;
  readonly issuer: string;
}

const fund = (asset: Asset, ticker: string, issuer: string): FundInfo => ({ ticker, asset, issuer });

/** Every fund Tidemark knows, in Farside's column order per asset. */
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
