// The one label table: every internal key a person could meet (phase labels, flow regimes, segments,
// sell-off types, funding regimes, divergence kinds, treasury companies, datasets, event kinds) with
// the words the note, the dashboard and the CLI print instead. `humanText` replaces known keys inside
// sentences the signals wrote, so no slug reaches a reader.
import type { FlowRegime, PhaseLabel, Segment, SelloffType } from './analysis-terms.js';
import type { DivergenceKind } from './sections/divergence.js';
import type { FundingRegime, OiPriceDivergence } from './sections/positioning.js';

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

/** A coded value (phase, flow regime, checklist item) as a person reads it; other text unchanged. */
export function codeName(code: string): string {
  return (
    (PHASE_NAMES as Readonly<Record<string, string>>)[code] ??
    (FLOW_REGIME_NAMES as Readonly<Record<string, string>>)[code] ??
    CHECKLIST_ITEM_NAMES[code] ??
    code
  );
}

export const SEGMENT_NAMES: Readonly<Record<Segment, string>> = {
  perps: 'Perpetual futures',
  etf: 'Spot ETFs',
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
  simulator: 'Simulator',
  'tidemark-sim': 'Simulator',
};

export const EVENT_KIND_NAMES: Readonly<Record<string, string>> = {
  regulation: 'Regulation',
  market: 'Market',
  macro: 'Macro',
  index: 'Index',
  policy: 'Policy',
};

/** The analysis' input series and checks, as the signal sections name what they lack. */
export const SERIES_NAMES: Readonly<Record<string, string>> = {
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

/** Every key with words in this table, longest first, so "one-way-outflow" wins over shorter keys. */
const TEXT_REPLACEMENTS: readonly (readonly [string, string])[] = (
  [
    ...Object.entries(FLOW_REGIME_NAMES),
    ...Object.entries(SELLOFF_NAMES).filter(([k]) => k !== 'none'),
    ...Object.entries(OI_PRICE_DIVERGENCE_NAMES),
    ...Object.entries(DIVERGENCE_KIND_NAMES),
    ...Object.entries(COMPANY_NAMES),
    ...Object.entries(SERIES_NAMES).filter(([k]) => /[A-Z]/.test(k)),
    ['trend-decline', PHASE_NAMES['trend-decline']],
    ['perps', 'perpetual futures'],
    ['etf', 'spot ETFs'],
    ['cme', 'CME futures'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const KEY_PATTERN = new RegExp(
  `(?<![\\w-])(${TEXT_REPLACEMENTS.map(([k]) => escapeRegExp(k)).join('|')})(?![\\w-])`,
  'g',
);
const REPLACEMENT = new Map(TEXT_REPLACEMENTS);

/**
 * A sentence with every internal key of this table replaced by its words ("reads as
 * position-rebalancing" → "reads as position rebalancing"; "strategy mNAV" → "Strategy mNAV").
 * Money written "2.8 bn USD" becomes "$2.8B" (the house style); a leading "against: " (the judgment's
 * tag, redundant under the note's "Against" heading) is dropped and the sentence then starts with a
 * capital. Unknown words are left alone.
 */
export function humanText(text: string): string {
  return text
    .replace(
      /(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?) (bn|m) USD/g,
      (_, a: string, b: string, u: string) => `$${a}${u === 'bn' ? 'B' : 'M'}–$${b}${u === 'bn' ? 'B' : 'M'}`,
    )
    .replace(/(\d+(?:\.\d+)?) (bn|m) USD/g, (_, a: string, u: string) => `$${a}${u === 'bn' ? 'B' : 'M'}`)
    .replaceAll('per bn USD', 'per $1B')
    .replace(/^against: (.)/, (_, first: string) => first.toUpperCase())
    .replace(
      RULE_PATTERN,
      (_, phase: PhaseLabel, rule: string) => `${capitalise(PHASE_NAMES[phase])} rule "${ruleWords(rule)}"`,
    )
    .replace(KEY_PATTERN, (key) => REPLACEMENT.get(key) ?? key);
}

/** A judgment rule's id ("topping/oi-rising-price-falling") as the phase and the rule in words. */
const RULE_PATTERN = /\b(trend-decline|bottoming|uptrend|topping)\/([a-z0-9-]+)/g;

function ruleWords(rule: string): string {
  return (OI_PRICE_DIVERGENCE_NAMES as Record<string, string>)[rule] ?? rule.replaceAll('-', ' ');
}
