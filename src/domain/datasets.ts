// The catalog of stored datasets: what each measures, its key, its fields with units, its cadence
// and clock. Every stored observation names a dataset and a field from here; importers, the
// store, `tidemark export` and the API all read this one table.

/** How often a dataset has a row: drives gap counting in coverage. */
export type Cadence = 'us-trading-days' | 'calendar-days' | 'weekly' | 'monthly' | 'irregular';

export interface FieldSpec {
  /** Unit of the stored number, in words a desk uses. */
  readonly unit: string;
  readonly description: string;
}

export interface DatasetSpec {
  readonly description: string;
  /** What the observation key identifies, used as the export column name (fund, venue, …). */
  readonly keyName: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly cadence: Cadence;
  /** Which clock closes a day, e.g. "00:00 UTC" for crypto, "16:00 New York" for US ETFs. */
  readonly clock: string;
}

const usd = (description: string): FieldSpec => ({ unit: 'USD', description });
const price = (what: string): FieldSpec => ({ unit: 'USD', description: `${what} price` });

const barFields = {
  open: price('opening'),
  high: price('highest'),
  low: price('lowest'),
  close: price('closing'),
} as const;

export const DATASETS = {
  'etf-flows': {
    description: 'Daily net creation/redemption flow per US spot ETF (negative = outflow)',
    keyName: 'fund',
    fields: { netFlowUsd: usd('net flow of the fund that trading day') },
    cadence: 'us-trading-days',
    clock: '16:00 New York; published that evening and the next morning',
  },
  'etf-flows-total': {
    description: "A source's own daily total across all funds (kept to check the per-fund sum)",
    keyName: 'source',
    fields: { netFlowUsd: usd('reported total net flow') },
    cadence: 'us-trading-days',
    clock: '16:00 New York',
  },
  'etf-flows-weekly': {
    description: 'Weekly net ETF flow per asset (week ending on the date)',
    keyName: 'source',
    fields: { netFlowUsd: usd('net flow of the week') },
    cadence: 'weekly',
    clock: 'week ending Sunday',
  },
  'etf-flows-monthly': {
    description: 'Monthly net flow per fund (month ending on the date)',
    keyName: 'fund',
    fields: { netFlowUsd: usd('net flow of the month') },
    cadence: 'monthly',
    clock: 'month end',
  },
  'etf-aum': {
    description: 'Assets under management per fund',
    keyName: 'fund',
    fields: { aumUsd: usd('assets under management') },
    cadence: 'calendar-days',
    clock: '16:00 New York, weekends carried forward by the source',
  },
  'etf-holdings': {
    description: 'Coins held by funds (ETFs and trusts) tracked by the source',
    keyName: 'scope',
    fields: { holdingsCoins: { unit: 'coins', description: 'coins held' } },
    cadence: 'calendar-days',
    clock: '00:00 UTC',
  },
  spot: {
    description: 'Spot daily OHLCV of the coin against USD',
    keyName: 'venue',
    fields: {
      ...barFields,
      volumeCoins: { unit: 'coins', description: 'volume traded in the coin' },
      volumeUsd: usd('volume traded'),
    },
    cadence: 'calendar-days',
    clock: '00:00 UTC',
  },
  perp: {
    description: 'Perpetual futures positioning: open interest, funding, leverage, liquidations',
    keyName: 'venue',
    fields: {
      openInterestUsd: usd('open interest'),
      openInterestCoins: { unit: 'coins', description: 'open interest in the coin' },
      fundingRate8h: {
        unit: 'fraction per 8h',
        description: 'funding rate per 8-hour interval as a fraction (0.0001 = 0.01 %), daily mean',
      },
      leverageRatio: { unit: 'ratio', description: 'estimated leverage ratio (OI / exchange reserve)' },
      longLiquidationsUsd: usd('long positions liquidated'),
      shortLiquidationsUsd: usd('short positions liquidated'),
      longLiquidationsCoins: { unit: 'coins', description: 'long positions liquidated, in the coin' },
      shortLiquidationsCoins: { unit: 'coins', description: 'short positions liquidated, in the coin' },
      premiumClose: { unit: 'fraction', description: 'perp premium index over spot at the daily close' },
    },
    cadence: 'calendar-days',
    clock: '00:00 UTC',
  },
  'exchange-oi': {
    description: 'Total derivatives open interest per exchange, all coins',
    keyName: 'exchange',
    fields: { openInterestUsd: usd('open interest, all coins') },
    cadence: 'calendar-days',
    clock: '00:00 UTC',
  },
  cme: {
    description: 'CME futures daily bars and open interest (dated by trade date)',
    keyName: 'contract',
    fields: {
      ...barFields,
      volumeContracts: { unit: 'contracts', description: 'contracts traded' },
      openInterestContracts: { unit: 'contracts', description: 'open interest in contracts' },
      openInterestUsd: usd('open interest valued at the close'),
    },
    cadence: 'us-trading-days',
    clock: 'CME settlement, ~16:00 Chicago',
  },
  'cme-weekly': {
    description: "CME futures weekly bars and open interest (dated by the week's last trade date, Friday)",
    keyName: 'contract',
    fields: {
      ...barFields,
      volumeContracts: { unit: 'contracts', description: 'contracts traded in the week' },
      openInterestContracts: { unit: 'contracts', description: "open interest in contracts at the week's close" },
      openInterestUsd: usd("open interest valued at the week's close"),
    },
    cadence: 'weekly',
    clock: "CME settlement of the week's last session",
  },
  'cme-basis': {
    description: 'CME front-month futures minus spot',
    keyName: 'pair',
    fields: { basisUsd: usd('futures minus spot at the close') },
    cadence: 'us-trading-days',
    clock: 'CME settlement',
  },
  cot: {
    description: 'CFTC Traders in Financial Futures (futures only), CME bitcoin contracts, in coins',
    keyName: 'report',
    fields: {
      openInterestCoins: { unit: 'coins', description: 'open interest' },
      leveragedFundsLongCoins: { unit: 'coins', description: 'leveraged funds long' },
      leveragedFundsShortCoins: { unit: 'coins', description: 'leveraged funds short' },
      leveragedFundsNetCoins: { unit: 'coins', description: 'leveraged funds net (long − short)' },
      assetManagersLongCoins: { unit: 'coins', description: 'asset managers long' },
      assetManagersShortCoins: { unit: 'coins', description: 'asset managers short' },
      assetManagersNetCoins: { unit: 'coins', description: 'asset managers net' },
      dealersLongCoins: { unit: 'coins', description: 'dealers long' },
      dealersShortCoins: { unit: 'coins', description: 'dealers short' },
      dealersNetCoins: { unit: 'coins', description: 'dealers net' },
    },
    cadence: 'weekly',
    clock: 'positions as of Tuesday, published Friday 15:30 New York',
  },
  treasury: {
    description: 'Digital-asset treasury companies: coins held and fully diluted EV / NAV (mNAV)',
    keyName: 'company',
    fields: {
      coinsHeld: { unit: 'coins', description: 'coins held by the company' },
      mnav: { unit: 'ratio', description: 'fully diluted enterprise value / market value of coins held' },
    },
    cadence: 'irregular',
    clock: 'announcement date',
  },
  equity: {
    description: 'Daily bars of listed instruments: MSTR, the spot ETFs themselves, equity ETFs',
    keyName: 'ticker',
    fields: { ...barFields, volumeShares: { unit: 'shares', description: 'shares traded' } },
    cadence: 'us-trading-days',
    clock: '16:00 New York',
  },
  'equity-etf-flows': {
    description: 'Net flows into equity ETFs (for the crypto vs equity divergence signal)',
    keyName: 'scope',
    fields: { netFlowUsd: usd('net flow') },
    cadence: 'irregular',
    clock: 'period end',
  },
} as const satisfies Record<string, DatasetSpec>;

export type DatasetName = keyof typeof DATASETS;
export type FieldName<D extends DatasetName> = keyof (typeof DATASETS)[D]['fields'] & string;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** True when `name` is a dataset in the catalog. */
export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

/** True when `field` is a field of `dataset`. */
export function isFieldOf(dataset: DatasetName, field: string): boolean {
  return Object.hasOwn(DATASETS[dataset].fields, field);
}

/** The spec of a dataset (typed loosely, for generic code paths). */
export function datasetSpec(dataset: DatasetName): DatasetSpec {
  return DATASETS[dataset];
}
