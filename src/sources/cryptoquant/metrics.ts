// CryptoQuant single-metric exports (`date,<Metric>`): which stored dataset/field each metric
// header feeds, and how its unit converts. One table drives the one generic metric layout.
import type { Asset } from '../../domain/assets.js';
import type { DatasetName } from '../../domain/datasets.js';

export interface CryptoQuantMetric {
  readonly dataset: DatasetName;
  readonly field: string;
  readonly key: string;
  /** Vendor unit → stored unit. */
  readonly convert: (vendorValue: number) => number;
  /** The vendor's unit when convert changes the number (named in rejects next to the value as written). */
  readonly vendorUnit?: string;
}

const asIs = (v: number): number => v;

const perp = (field: string, convert: (v: number) => number = asIs): CryptoQuantMetric => ({
  dataset: 'perp',
  field,
  key: 'all',
  convert,
});

/** Metric header (second column) → where it is stored. Key `all` = all exchanges, all symbols. */
export const CRYPTOQUANT_METRICS: Readonly<Record<string, CryptoQuantMetric>> = {
  'Fund Holdings': { dataset: 'etf-holdings', field: 'holdingsCoins', key: 'cryptoquant-funds', convert: asIs },
  // CryptoQuant quotes funding in PERCENT per 8h (0.0676 = 0.0676 %); we store a fraction.
  'Funding Rates': { ...perp('fundingRate8h', (percent) => percent / 100), vendorUnit: 'percent per 8h' },
  'Open Interest': perp('openInterestUsd'),
  'Estimated Leverage Ratio': perp('leverageRatio'),
  'Long Liquidations': perp('longLiquidationsCoins'),
  'Short Liquidations': perp('shortLiquidationsCoins'),
  'Long Liquidations USD': perp('longLiquidationsUsd'),
  'Short Liquidations USD': perp('shortLiquidationsUsd'),
};

/** The asset of a CryptoQuant export from its file name ("Bitcoin …" / "Ethereum …"), or null. */
export function cryptoQuantAssetOfFile(name: string): Asset | null {
  if (/^Bitcoin\b/i.test(name)) return 'BTC';
  if (/^Ethereum\b/i.test(name)) return 'ETH';
  return null;
}

/** The metric a header names, whatever its case and spacing ("funding  rates" → Funding Rates), or null. */
export function cryptoQuantMetricOf(header: string): { name: string; metric: CryptoQuantMetric } | null {
  const wanted = header.replace(/\s+/g, ' ').trim().toLowerCase();
  const name = Object.keys(CRYPTOQUANT_METRICS).find((n) => n.toLowerCase() === wanted);
  return name === undefined ? null : { name, metric: CRYPTOQUANT_METRICS[name]! };
}
