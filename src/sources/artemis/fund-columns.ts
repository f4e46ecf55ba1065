// Artemis names ETF columns by ticker, except the Grayscale mini trusts, which it calls by the coin
// ("Bitcoin", "Ethereum"); we store those under the tickers Farside uses ("BTC", "ETH"). Headers are
// resolved against the fund catalog whatever their case or stray bytes ("BITCOIN", "ibit").
import type { Asset } from '../../domain/assets.js';
import { normaliseTicker, resolveFundColumns, type FundColumns } from '../fund-headers.js';

const MINI_TRUST_COLUMN: Readonly<Record<string, { asset: Asset; ticker: string }>> = {
  BITCOIN: { asset: 'BTC', ticker: 'BTC' },
  ETHEREUM: { asset: 'ETH', ticker: 'ETH' },
};

/** The asset of an Artemis ETF export from its file name ("Bitcoin ETFs AUM", "Monthly Ethereum ETF flows"), or null. */
export function artemisEtfAssetOfFile(name: string): Asset | null {
  if (/\bBitcoin\b/i.test(name)) return 'BTC';
  if (/\bEthereum\b/i.test(name)) return 'ETH';
  return null;
}

/**
 * The fund columns of an Artemis ETF table for `asset`: the coin's name (any case) means its
 * Grayscale mini trust, anything else goes through resolveFundColumns (catalog ticker, a clean
 * unknown ticker kept with a warning, or skipped with a warning naming the header). `fundPart`
 * picks the part of a header that names the fund (e.g. drops " - ETF Flows").
 */
export function artemisFundColumns(
  asset: Asset,
  headers: readonly string[],
  fundPart: (header: string) => string = (h) => h,
): FundColumns {
  return resolveFundColumns(asset, headers, (header) => {
    const part = fundPart(header);
    const mini = MINI_TRUST_COLUMN[normaliseTicker(part)];
    return mini && mini.asset === asset ? mini.ticker : part;
  });
}
