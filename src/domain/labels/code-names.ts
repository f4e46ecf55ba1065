// The one label table, part 1 of 2 (src/domain/labels/): every coded value a person could meet (phase
// labels, flow regimes, segments, sell-off types, funding regimes, divergence kinds, proxy sources),
// checklist items, signal ids, treasury companies, datasets, sources, event kinds and input series,
// with the words the note, the PDF, the CLI, the dashboard and the alerts print instead. Part 2,
// field-labels.ts, words every field of the analysis. No other module holds words for a key: a test
// (test/domain/labels.test.ts) checks that everything a reader sees over a simulated analysis is here.
// Words are written as they read inside a sentence (lower case unless a name); a surface that starts a
// line or a cell with one capitalises it. human-text.ts words the signals' sentences.
import type { FlowRegime, PhaseLabel, Segment, SelloffType } from '../analysis-terms.js';
import type { EVENT_KINDS } from '../events.js';
import type { DivergenceKind } from '../sections/divergence.js';
import type { CostLevel, CostMeasureName } from '../sections/selloff.js';
import type { VolumeTrend } from '../sections/liquidity.js';
import type { FundingRegime, OiPriceDivergence, ProxySource } from '../sections/positioning.js';
import type { PriceRegimeState } from '../sections/trend.js';
import type { CmeLevelSource } from '../sections/waves.js';

export const PHASE_NAMES: Readonly<Record<PhaseLabel, string>> = {
  'trend-decline': 'trend decline',
  bottoming: 'bottoming',
  uptrend: 'uptrend',
  topping: 'topping',
};

export const FLOW_REGIME_NAMES: Readonly<Record<FlowRegime, string>> = {
  'one-way-outflow': 'one-way outflow',
  'two-way': 'two-way',
  'one-way-inflow': 'one-way inflow',
};

/** Confirmation checklist items (phase/checklist.ts ids) as a person reads them. */
export const CHECKLIST_ITEM_NAMES: Readonly<Record<string, string>> = {
  'weekly-etf-inflows-persisting': 'weekly ETF inflows persisting',
  'etf-flows-not-one-way-out': 'ETF flows no longer one-way out',
  'price-above-key-averages': 'price above its 50- and 200-day averages',
  'price-above-resistance': 'price above resistance',
  'leverage-rebuilt-without-stress': 'leverage rebuilt without stress',
  'no-derisking-wave-under-way': 'no de-risking wave under way',
};

export const SEGMENT_NAMES: Readonly<Record<Segment, string>> = {
  perps: 'perpetual futures',
  etf: 'spot ETFs',
  cme: 'CME futures',
};

export const SELLOFF_NAMES: Readonly<Record<SelloffType, string>> = {
  'liquidity-failure': 'liquidity failure',
  'position-rebalancing': 'position rebalancing',
  none: 'no sell-off',
};

export const FUNDING_REGIME_NAMES: Readonly<Record<FundingRegime, string>> = {
  negative: 'negative',
  neutral: 'neutral',
  elevated: 'elevated',
  overheated: 'overheated',
};

export const OI_PRICE_DIVERGENCE_NAMES: Readonly<Record<OiPriceDivergence, string>> = {
  'oi-falling-price-holding': 'open interest falling while price holds',
  'oi-rising-price-falling': 'open interest rising while price falls',
  aligned: 'open interest and price move together',
};

export const DIVERGENCE_KIND_NAMES: Readonly<Record<DivergenceKind, string>> = {
  'selective-crypto-derisking': 'selective crypto de-risking',
  'general-risk-off': 'general risk-off',
  'broad-risk-on': 'broad risk-on',
  'crypto-led-inflow': 'crypto-led inflow',
};

/** Smaller coded values of the sections: proxy sources, volume trends, price regimes, cost levels. */
const SECTION_CODE_NAMES: Readonly<
  Record<ProxySource | CmeLevelSource | VolumeTrend | PriceRegimeState | CostLevel, string>
> = {
  'cftc-total-oi': 'CFTC total open interest',
  'cme-front-month': 'CME front month',
  'cftc-total-open-interest': 'CFTC total open interest',
  'front-month-once-per-cycle': 'CME front month, once per cycle',
  rising: 'rising',
  falling: 'falling',
  flat: 'flat',
  bull: 'bull',
  bear: 'bear',
  extreme: 'extreme',
  elevated: 'elevated',
  normal: 'normal',
};

/** The tables of coded values; a code appears in more than one only with the same words (a test checks). */
export const CODE_TABLES: readonly Readonly<Record<string, string>>[] = [
  PHASE_NAMES,
  FLOW_REGIME_NAMES,
  CHECKLIST_ITEM_NAMES,
  SEGMENT_NAMES,
  SELLOFF_NAMES,
  FUNDING_REGIME_NAMES,
  OI_PRICE_DIVERGENCE_NAMES,
  DIVERGENCE_KIND_NAMES,
  SECTION_CODE_NAMES,
];

/** Every coded value of the analysis contract, in words (one entry per code). */
export const CODE_NAMES: Readonly<Record<string, string>> = Object.assign({}, ...CODE_TABLES);

/** Treasury companies by the slug the importers store them under. */
export const COMPANY_NAMES: Readonly<Record<string, string>> = {
  strategy: 'Strategy',
  metaplanet: 'Metaplanet',
  'nakamoto-holdings': 'Nakamoto Holdings',
  'strive-asset-management': 'Strive Asset Management',
  'twenty-one-capital': 'Twenty One Capital',
  'american-bitcoin': 'American Bitcoin',
  'bitcoin-standard-treasury-company': 'Bitcoin Standard Treasury Company',
};

/** Stored datasets. */
export const DATASET_NAMES_FOR_PEOPLE: Readonly<Record<string, string>> = {
  cme: 'CME futures (daily)',
  'cme-basis': 'CME basis (daily)',
  'cme-weekly': 'CME futures (weekly)',
  cot: 'CFTC positioning (weekly)',
  equity: 'Equity prices',
  'equity-flows': 'Equity-ETF flows',
  'equity-etf-flows': 'Equity-ETF flows',
  'etf-aum': 'ETF assets',
  'etf-flows': 'ETF flows per fund (daily)',
  'etf-flows-monthly': 'ETF flows (monthly)',
  'etf-flows-total': 'ETF flows, all funds (daily)',
  'etf-flows-weekly': 'ETF flows (weekly)',
  'etf-holdings': 'ETF holdings (coins)',
  'exchange-oi': 'Exchange open interest',
  perp: 'Perpetual futures',
  spot: 'Spot price',
  treasury: 'Treasury companies',
  events: 'Events',
};

/** Where data came from. */
export const SOURCE_NAMES: Readonly<Record<string, string>> = {
  artemis: 'Artemis',
  binance: 'Binance',
  cftc: 'CFTC',
  coingecko: 'CoinGecko',
  cryptoquant: 'CryptoQuant',
  farside: 'Farside',
  sosovalue: 'SoSoValue',
  tradingview: 'TradingView',
  sim: 'Simulator',
  simulator: 'Simulator',
  'tidemark-sim': 'Simulator',
};

export const EVENT_KIND_NAMES: Readonly<Record<(typeof EVENT_KINDS)[number], string>> = {
  regulation: 'Regulation',
  market: 'Market',
  macro: 'Macro',
  index: 'Index',
  policy: 'Policy',
  corporate: 'Corporate',
  other: 'Other',
};

/** The analysis' input series and checks, as the freshness line and the signal sections name them. */
/** The sell-off classifier's cost-of-trading measures, as its reasons and the Liquidity page name them. */
export const COST_MEASURE_NAMES: Readonly<Record<CostMeasureName, string>> = {
  amihud: 'Amihud price impact',
  abdiRanaldo: 'Abdi–Ranaldo spread',
  corwinSchultz: 'Corwin–Schultz spread',
};

export const SERIES_NAMES = {
  cftcOpenInterest: 'CFTC open interest',
  cme: 'CME futures',
  cmeBasis: 'CME basis',
  cmeBasisUsd: 'CME basis',
  cmeOpenInterest: 'CME open interest',
  cot: 'CFTC positioning',
  equityEtfFlowsUsd: 'equity-ETF flows',
  etfAumUsd: 'ETF assets',
  etfFlows: 'ETF flows',
  etfHoldingsCoins: 'ETF holdings',
  events: 'events',
  fundingRate8h: 'funding',
  leverageRatio: 'leverage ratio',
  liquidations: 'liquidations',
  mnav: 'Strategy mNAV',
  longLiquidations: 'long liquidations',
  longLiquidationsUsd: 'long liquidations',
  shortLiquidationsUsd: 'short liquidations',
  openInterestUsd: 'perp open interest',
  spot: 'spot price',
  spotVolume: 'spot volume',
  strategyMnav: 'Strategy mNAV',
  treasuries: 'treasury companies',
  treasuryStock: 'treasury-company stock',
  positioning: 'positioning',
  etfFlowsSection: 'ETF flows',
} as const satisfies Record<string, string>;

/** Short names for the evidence's signal ids, as the evidence list's tag column shows them. */
export const SIGNAL_LABELS: Readonly<Record<string, string>> = {
  'etf-flow-change-point': 'ETF change point',
  'etf-flow-pct-aum': 'ETF flows vs assets',
  'etf-flow-regime': 'ETF flow regime',
  'etf-flow-runs': 'ETF flow runs',
  'etf-issuers': 'ETF issuers',
  'etf-weekly-flows': 'ETF weekly flows',
  etfFlows: 'ETF flows',
  'event-study': 'Event study',
  'flow-divergence': 'Flow divergence',
  freshness: 'Freshness',
  'liquidity.abdiRanaldo': 'Abdi–Ranaldo spread',
  'liquidity.amihud': 'Amihud illiquidity',
  'liquidity.corwinSchultz': 'Corwin–Schultz spread',
  'liquidity.huiHeubel': 'Hui–Heubel ratio',
  'liquidity.selloff': 'Sell-off type',
  'liquidity.volumeTrend': 'Volume trend',
  positioning: 'Positioning',
  'positioning.cmeBasis': 'CME basis',
  'positioning.cmeOpenInterest': 'CME open interest',
  'positioning.cot': 'CFTC positioning',
  'positioning.funding': 'Funding',
  'positioning.leverage': 'Leverage',
  'positioning.leverageRebuiltWithoutStress': 'Leverage rebuild',
  'positioning.liquidations': 'Liquidations',
  'positioning.oiPriceDivergence': 'OI against price',
  'positioning.openInterest': 'Perp open interest',
  'positioning.positionProxy': 'CME position proxy',
  'treasuries.forcedSelling': 'Forced selling',
  'treasuries.peers': 'Treasury peers',
  'treasuries.strategyMnav': 'Strategy mNAV',
  trend: 'Trend',
  'trend.drawdown': 'Drawdown',
  'trend.movingAverages': 'Moving averages',
  'trend.supportResistance': 'Support and resistance',
  'wave-cme': 'CME wave',
  'wave-etf': 'ETF wave',
  'wave-order': 'Wave order',
  'wave-perps': 'Perp wave',
};

/** Capitalises the first letter: "trend decline" → "Trend decline". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A slug in words when the table does not know it: "bitcoin-standard" → "Bitcoin Standard". */
function titleCase(slug: string): string {
  return slug
    .split(/[-_]/)
    .filter((w) => w !== '')
    .map(capitalise)
    .join(' ');
}

/** A coded value (phase, flow regime, checklist item, segment, …) in words; text the table does not know is returned unchanged. */
export function codeName(code: string): string {
  return CODE_NAMES[code] ?? code;
}

/**
 * A coded value for a table cell: valueLabel('one-way-outflow') → "one-way outflow"; null or empty → "n/a";
 * a code the table does not know loses its hyphens ("brand-new-code" → "brand new code").
 */
export function valueLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return 'n/a';
  return CODE_NAMES[code] ?? code.replace(/-/g, ' ');
}

/** A signal id in words: signalLabel('positioning.cot') → "CFTC positioning"; unknown ids lose dots, hyphens and camel case. */
export function signalLabel(id: string): string {
  const known = SIGNAL_LABELS[id];
  if (known) return known;
  const words = (id.split('.').at(-1) ?? id)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return capitalise(words);
}

/** A treasury company's name from its slug (table first, else the slug title-cased). */
export function companyName(slug: string): string {
  return COMPANY_NAMES[slug] ?? titleCase(slug);
}

/** A dataset's name for people (table first, else the slug in words). */
export function datasetName(slug: string): string {
  return DATASET_NAMES_FOR_PEOPLE[slug] ?? capitalise(slug.replaceAll('-', ' '));
}

/** A data source's name (table first, else the slug title-cased). */
export function sourceName(slug: string): string {
  return SOURCE_NAMES[slug] ?? titleCase(slug);
}
