// Artemis names ETF columns by ticker, except the Grayscale mini trusts, which it calls by the coin
// ("Bitcoin", "Ethereum"); we store those under the tickers Farside uses ("BTC", "ETH").
import type { Asset } from '../../domain/assets.js';
import { findFund } from '../../domain/etf-funds.js';

const MINI_TRUST_COLUMN: Readonly<Record<string, { asset: Asset; ticker: string }>> = {
  Bitcoin: { asset: 'BTC', ticker: 'BTC' },
  Ethereum: { asset: 'ETH', ticker: 'ETH' },
};

/** The asset of an Artemis ETF export from its file name ("Bitcoin ETFs AUM", "Monthly Ethereum ETF flows"), or null. */
export function artemisEtfAssetOfFile(name: string): Asset | null {
  if (/\bBitcoin\b/i.test(name)) return 'BTC';
  if (/\bEthereum\b/i.test(name)) return 'ETH';
  return null;
}

export interface FundColumn {
  /** Store key: the fund ticker. */
  readonly ticker: string;
  /** False when the ticker is not in our fund line-up (imported anyway, with a warning). */
  readonly known: boolean;
}

/**
 * The fund of one Artemis column for `asset`: the coin's name means its Grayscale mini trust,
 * anything else is taken as a ticker. Returns null for an empty name.
 */
export function fundOfColumn(asset: Asset, column: string): FundColumn | null {
  const name = column.trim();
  if (name === '') return null;
  const mini = MINI_TRUST_COLUMN[name];
  if (mini && mini.asset === asset) return { ticker: mini.ticker, known: true };
  const ticker = name.toUpperCase();
  return { ticker, known: findFund(asset, ticker) !== undefined };
}
