// The physical range of every stored field and how far ahead of today each dataset's dates may run,
// declared next to the dataset catalog; observation-check.ts applies them. Bounds are deliberately
// wide (they catch impossible values — negative prices, overflow after unit scaling, a misplaced
// ×1e6 — not unusual markets); each says why it is where it is. See docs/reliability.md.
import { addDays } from './dates.js';
import type { DatasetName, FieldName } from './datasets.js';

/** The first date any stored number can belong to: the bitcoin genesis block, 2009-01-03. */
export const FIRST_MARKET_DATE = '2009-01-03';

/** A knownAt more than this many days after today (plus the dataset's lag) is not a publication time. */
export const MAX_KNOWN_AT_DAYS_AHEAD = 366;

/** Keys are store identifiers (tickers, venues, slugs): at most this long. */
export const MAX_KEY_LENGTH = 64;

export interface ValueRange {
  /** Smallest allowed value, inclusive. */
  readonly min: number;
  /** Largest allowed value, inclusive. */
  readonly max: number;
  /** Why the bounds are where they are. */
  readonly why: string;
}

export interface DatasetBounds {
  /**
   * How many days after today (UTC) a row's date may be: 0 for a number dated by a day that has
   * happened; more where the source dates a period by its end or a session by its trade date.
   */
  readonly maxDaysAhead: number;
  readonly whyDaysAhead: string;
  readonly fields: Readonly<Record<string, ValueRange>>;
}

type BoundsCatalog = { readonly [D in DatasetName]: DatasetBounds & { fields: Record<FieldName<D>, ValueRange> } };

const PRICE: ValueRange = {
  min: 0,
  max: 1e8,
  why: 'a price is never negative; 1e8 USD a unit is ~800× bitcoin’s record and far above any listed share',
};
const BAR = { open: PRICE, high: PRICE, low: PRICE, close: PRICE } as const;
const COINS: ValueRange = {
  min: 0,
  max: 1e12,
  why: 'a quantity of coins is never negative; 1e12 exceeds every supply in the catalog (XRP ~1e11 is the largest)',
};
const CONTRACTS: ValueRange = {
  min: 0,
  max: 1e8,
  why: 'contracts traded or open are never negative; CME bitcoin trades ~1e5 a day',
};
const USD_STOCK = (what: string, record: string, max: number): ValueRange => ({
  min: 0,
  max,
  why: `${what} is never negative; the bound is far above the record (${record}) and catches a doubled unit scaling`,
});
const COT_POSITION: ValueRange = {
  min: 0,
  max: 1e9,
  why: 'a position is never negative; 1e9 coins is 50× all bitcoin',
};
const COT_NET: ValueRange = {
  min: -1e9,
  max: 1e9,
  why: 'long − short: either sign; within the bound of the positions it is made of',
};

/** The bounds of every dataset and field in the catalog (the compiler checks that none is missing). */
export const DATASET_BOUNDS = {
  'etf-flows': {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the US trading day, which has happened by the time it is published',
    fields: {
      netFlowUsd: {
        min: -1e11,
        max: 1e11,
        why: 'either sign; the largest one-fund day on record is ~1.1e9 USD (IBIT), 1e11 catches a US$m figure scaled twice',
      },
    },
  },
  'etf-flows-total': {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the US trading day',
    fields: {
      netFlowUsd: { min: -1e11, max: 1e11, why: 'either sign; the largest all-fund day on record is ~1.4e9 USD' },
    },
  },
  'etf-flows-weekly': {
    maxDaysAhead: 6,
    whyDaysAhead: 'a week is dated by its last day (Sunday): an export may hold the current week',
    fields: { netFlowUsd: { min: -1e12, max: 1e12, why: 'either sign; 10× the bound of a day times a week' } },
  },
  'etf-flows-monthly': {
    maxDaysAhead: 31,
    whyDaysAhead: 'a month is dated by its last day: an export may hold the current month',
    fields: { netFlowUsd: { min: -1e12, max: 1e12, why: 'either sign; the largest fund month on record is ~6e9 USD' } },
  },
  'etf-aum': {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the day whose close it values',
    fields: { aumUsd: USD_STOCK('AUM', 'the largest ETF holds ~6e11 USD', 1e13) },
  },
  'etf-holdings': {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the UTC day it closes',
    fields: { holdingsCoins: COINS },
  },
  spot: {
    maxDaysAhead: 0,
    whyDaysAhead: 'a daily bar is dated by the UTC day it covers',
    fields: {
      ...BAR,
      volumeCoins: COINS,
      volumeUsd: USD_STOCK('volume', 'all-exchange bitcoin days reach ~1.5e11 USD', 1e13),
    },
  },
  perp: {
    maxDaysAhead: 0,
    whyDaysAhead: 'a daily value is dated by the UTC day it covers',
    fields: {
      openInterestUsd: USD_STOCK('open interest', 'bitcoin perps peaked near 1e11 USD', 1e12),
      openInterestCoins: COINS,
      fundingRate8h: {
        min: -0.05,
        max: 0.05,
        why: 'venues cap funding far inside ±5 % per 8 h (bitcoin’s worst daily mean is ~±0.3 %); beyond it is a percent read as a fraction',
      },
      leverageRatio: {
        min: 0,
        max: 100,
        why: 'OI / exchange reserve is never negative; CryptoQuant’s series stay below 1',
      },
      longLiquidationsUsd: USD_STOCK('a liquidated value', '2025-10-10: ~1.9e10 USD across all coins', 1e11),
      shortLiquidationsUsd: USD_STOCK('a liquidated value', '2025-10-10: ~1.9e10 USD across all coins', 1e11),
      longLiquidationsCoins: COINS,
      shortLiquidationsCoins: COINS,
      premiumClose: {
        min: -1,
        max: 1,
        why: 'perp premium over spot as a fraction; a perp at 0 or at twice spot is not a market (real closes stay within ±0.5 %)',
      },
    },
  },
  'exchange-oi': {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the UTC day it closes',
    fields: { openInterestUsd: USD_STOCK('open interest', 'one exchange, all coins, ~5e10 USD', 1e12) },
  },
  cme: {
    maxDaysAhead: 1,
    whyDaysAhead: 'a session opened this evening is stored on tomorrow’s trade date',
    fields: {
      ...BAR,
      volumeContracts: CONTRACTS,
      openInterestContracts: CONTRACTS,
      openInterestUsd: USD_STOCK('open interest', 'CME bitcoin ~2e10 USD', 1e12),
    },
  },
  'cme-weekly': {
    maxDaysAhead: 8,
    whyDaysAhead:
      'a weekly bar is stored on its Friday: 5 days after its Sunday open, 8 when a Friday holiday moves it a week on',
    fields: {
      ...BAR,
      volumeContracts: CONTRACTS,
      openInterestContracts: CONTRACTS,
      openInterestUsd: USD_STOCK('open interest', 'CME bitcoin ~2e10 USD', 1e12),
    },
  },
  'cme-basis': {
    maxDaysAhead: 1,
    whyDaysAhead: 'stored on the trade date, like the CME bars',
    fields: {
      basisUsd: {
        min: -1e6,
        max: 1e6,
        why: 'futures minus spot, either sign; real values stay within ±1e4 USD a bitcoin',
      },
    },
  },
  cot: {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the Tuesday the positions were held',
    fields: {
      openInterestCoins: COT_POSITION,
      leveragedFundsLongCoins: COT_POSITION,
      leveragedFundsShortCoins: COT_POSITION,
      leveragedFundsNetCoins: COT_NET,
      assetManagersLongCoins: COT_POSITION,
      assetManagersShortCoins: COT_POSITION,
      assetManagersNetCoins: COT_NET,
      dealersLongCoins: COT_POSITION,
      dealersShortCoins: COT_POSITION,
      dealersNetCoins: COT_NET,
    },
  },
  treasury: {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the announcement or valuation day',
    fields: {
      coinsHeld: COINS,
      mnav: {
        min: -100,
        max: 1000,
        why: 'EV / NAV dips below 0 when cash exceeds market value plus debt (Strive −0.09 in the Artemis export); ±100 × is already absurd',
      },
    },
  },
  equity: {
    maxDaysAhead: 0,
    whyDaysAhead: 'dated by the US trading day',
    fields: {
      ...BAR,
      volumeShares: { min: 0, max: 1e12, why: 'shares traded are never negative; SPY trades ~1e8 a day' },
    },
  },
  'equity-etf-flows': {
    maxDaysAhead: 31,
    whyDaysAhead: 'a period is dated by its end: an export may hold the current month',
    fields: {
      netFlowUsd: { min: -1e13, max: 1e13, why: 'either sign; the record month into equity ETFs is ~2.4e11 USD' },
    },
  },
} as const satisfies BoundsCatalog;

/** The most days ahead any dataset allows: a date beyond today + this is wrong for every dataset. */
export const MAX_DAYS_AHEAD = Math.max(...Object.values(DATASET_BOUNDS).map((b) => b.maxDaysAhead));

/** The latest date a row of `dataset` may carry when read on `today` (YYYY-MM-DD, UTC). */
export function lastAllowedDate(dataset: DatasetName | null, today: string): string {
  return addDays(today, dataset === null ? MAX_DAYS_AHEAD : DATASET_BOUNDS[dataset].maxDaysAhead);
}
