// The one label table: every analysis field a person reads, by its dotted path in the section, with
// the words a desk uses and the kind of figure it holds; and the words for the contract's coded values
// ("one-way-outflow", "cftc-total-oi"). Tables in the dashboard (and any other surface) take their
// labels and digits from here, never from the field names.
import { formatDate } from './dates.js';
import { NOT_AVAILABLE, isPrintable } from './digits.js';
import { formatSignedUsd, formatUsd } from './money.js';
import { formatCount, formatDecimal, formatRatio } from './numbers.js';
import { formatFundingRate8h, formatPercent, formatSignedPct, formatSignedPercent } from './percent.js';

/**
 * What a field holds: usd / signedUsd (US dollars), signedPct (already a percent, signed), fraction /
 * signedFraction (0.274 = 27.4%), rate8h (funding per 8 h), coins / signedCoins, ratio (×), decimal,
 * count, date (ISO), percentile (0–1 rank), bp (fraction of price → basis points), perBillionUsd
 * (|return| per USD → per $1B), yesNo (boolean), code (a coded value worded by VALUE_LABELS).
 */
export type FieldKind =
  | 'usd'
  | 'signedUsd'
  | 'signedPct'
  | 'fraction'
  | 'signedFraction'
  | 'rate8h'
  | 'coins'
  | 'signedCoins'
  | 'ratio'
  | 'decimal'
  | 'count'
  | 'date'
  | 'percentile'
  | 'bp'
  | 'perBillionUsd'
  | 'yesNo'
  | 'code';

export interface FieldLabel {
  readonly label: string;
  readonly kind: FieldKind;
}

/** Positioning section fields, in the order a desk reads them. */
export const POSITIONING_LABELS: Readonly<Record<string, FieldLabel>> = {
  openInterestUsd: { label: 'Perp open interest', kind: 'usd' },
  openInterestDate: { label: 'Perp open interest as of', kind: 'date' },
  'oiChangePct.d1': { label: 'Perp OI change, 1 day', kind: 'signedPct' },
  'oiChangePct.d7': { label: 'Perp OI change, 7 days', kind: 'signedPct' },
  'oiChangePct.d30': { label: 'Perp OI change, 30 days', kind: 'signedPct' },
  oiCoinsChange30dPct: { label: 'Perp OI in coins, 30-day change', kind: 'signedPct' },
  oiZScore: { label: 'Perp OI z-score', kind: 'decimal' },
  oiPctFromPeak: { label: 'Perp OI from its peak', kind: 'signedPct' },
  oiPriceDivergence: { label: 'OI against price', kind: 'code' },
  fundingRate8h: { label: 'Funding rate', kind: 'rate8h' },
  fundingAnnualised: { label: 'Funding, annualised', kind: 'signedFraction' },
  fundingRegime: { label: 'Funding regime (7-day average)', kind: 'code' },
  leverageRatio: { label: 'Estimated leverage ratio', kind: 'decimal' },
  leverageChange30dPct: { label: 'Leverage ratio, 30-day change', kind: 'signedPct' },
  leverageRebuiltWithoutStress: { label: 'Leverage rebuilt without stress', kind: 'yesNo' },
  'liquidations.date': { label: 'Liquidations as of', kind: 'date' },
  'liquidations.longUsd': { label: 'Long liquidations', kind: 'usd' },
  'liquidations.shortUsd': { label: 'Short liquidations', kind: 'usd' },
  'liquidations.multipleOfMedian': { label: 'Liquidations, multiple of median', kind: 'ratio' },
  'liquidations.spike': { label: 'Liquidation spike on the latest day', kind: 'yesNo' },
  'cme.openInterestUsd': { label: 'CME open interest', kind: 'usd' },
  'cme.openInterestCoins': { label: 'CME open interest, coins', kind: 'coins' },
  'cme.oiChangePct30d': { label: 'CME OI in coins, 30-day change', kind: 'signedPct' },
  'cme.annualisedBasis': { label: 'CME basis, annualised', kind: 'signedFraction' },
  'cme.daysToExpiry': { label: 'CME front month, days to expiry', kind: 'count' },
  'cme.nearExpiry': { label: 'CME front month within 7 days of expiry', kind: 'yesNo' },
  'cme.positionProxy': { label: 'CME position proxy, coins', kind: 'signedCoins' },
  'cme.positionProxyChange': { label: 'CME position proxy change, coins', kind: 'signedCoins' },
  'cme.positionProxySource': { label: 'CME position proxy source', kind: 'code' },
  'cot.date': { label: 'CFTC report as of', kind: 'date' },
  'cot.leveragedFundsNetCoins': { label: 'Leveraged funds net, coins', kind: 'signedCoins' },
  'cot.change4w.leveragedFundsNetCoins': { label: 'Leveraged funds net, 4-week change', kind: 'signedCoins' },
  'cot.percentile.leveragedFundsNet': { label: 'Leveraged funds net, percentile', kind: 'percentile' },
  'cot.assetManagersNetCoins': { label: 'Asset managers net, coins', kind: 'signedCoins' },
  'cot.change4w.assetManagersNetCoins': { label: 'Asset managers net, 4-week change', kind: 'signedCoins' },
  'cot.percentile.assetManagersNet': { label: 'Asset managers net, percentile', kind: 'percentile' },
};

/** Liquidity section fields. */
export const LIQUIDITY_LABELS: Readonly<Record<string, FieldLabel>> = {
  selloffType: { label: 'Sell-off type', kind: 'code' },
  amihud: { label: 'Amihud illiquidity, 20-day (per $1B)', kind: 'perBillionUsd' },
  amihudVsMedian: { label: 'Amihud, multiple of its median', kind: 'ratio' },
  priceImpactPercentile: { label: 'Price impact, percentile of the year', kind: 'percentile' },
  corwinSchultzSpread: { label: 'Corwin–Schultz spread, 20-day', kind: 'bp' },
  corwinSchultzPercentile: { label: 'Corwin–Schultz spread, percentile', kind: 'percentile' },
  abdiRanaldoSpread: { label: 'Abdi–Ranaldo spread, 20-day', kind: 'bp' },
  abdiRanaldoPercentile: { label: 'Abdi–Ranaldo spread, percentile', kind: 'percentile' },
  kyleLambda: { label: 'Kyle λ, 20-day (per $1B signed volume)', kind: 'perBillionUsd' },
  kyleLambdaPercentile: { label: 'Kyle λ, percentile', kind: 'percentile' },
  huiHeubel: { label: 'Hui–Heubel liquidity ratio', kind: 'decimal' },
  'volumeTrend.recentMeanUsd': { label: 'Spot volume, recent daily mean', kind: 'usd' },
  'volumeTrend.ratio': { label: 'Spot volume, recent against prior', kind: 'ratio' },
  'volumeTrend.trend': { label: 'Spot volume trend', kind: 'code' },
};

/** ETF flows section fields. */
export const ETF_FLOWS_LABELS: Readonly<Record<string, FieldLabel>> = {
  regime: { label: 'Flow regime', kind: 'code' },
  directionality: { label: 'Directionality', kind: 'decimal' },
  outflowShare: { label: 'Outflow share', kind: 'fraction' },
  netFlowUsd: { label: 'Net flow, window', kind: 'signedUsd' },
  flowPctOfAum: { label: 'Net flow, % of assets', kind: 'signedPct' },
  consecutivePositiveWeeks: { label: 'Positive weeks in a row', kind: 'count' },
};

/** Words for the coded values of the contract; a code not listed is shown with its hyphens as spaces. */
export const VALUE_LABELS: Readonly<Record<string, string>> = {
  'trend-decline': 'trend decline',
  bottoming: 'bottoming',
  uptrend: 'uptrend',
  topping: 'topping',
  'one-way-outflow': 'one-way outflow',
  'two-way': 'two-way',
  'one-way-inflow': 'one-way inflow',
  'liquidity-failure': 'liquidity failure',
  'position-rebalancing': 'position rebalancing',
  none: 'none',
  'oi-falling-price-holding': 'OI falling, price holding',
  'oi-rising-price-falling': 'OI rising, price falling',
  aligned: 'aligned',
  'cftc-total-oi': 'CFTC total open interest',
  'cme-front-month': 'CME front month',
  perps: 'Perps',
  etf: 'ETFs',
  cme: 'CME',
};

/** The words for a coded value: valueLabel('one-way-outflow') → "one-way outflow"; unknown codes lose their hyphens. */
export function valueLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return NOT_AVAILABLE;
  return VALUE_LABELS[code] ?? code.replace(/-/g, ' ');
}

/** A 0–1 rank as an ordinal percentile: 0.834 → "83rd percentile"; 0.01 → "1st percentile". */
export function formatPercentile(rank: number | null | undefined): string {
  if (!isPrintable(rank)) return NOT_AVAILABLE;
  const n = Math.round(rank * 100);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix} percentile`;
}

/**
 * A field's value as a person reads it, by its kind (see FieldKind): formatByKind('signedPct', -3.2) → "−3.2%";
 * formatByKind('bp', 0.00123) → "12.3 bp"; formatByKind('yesNo', false) → "no". Missing values print "n/a".
 */
export function formatByKind(kind: FieldKind, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value) : valueLabel(value);
  if (typeof value !== 'number') return NOT_AVAILABLE;
  switch (kind) {
    case 'usd':
      return formatUsd(value);
    case 'signedUsd':
      return formatSignedUsd(value);
    case 'signedPct':
      return formatSignedPct(value);
    case 'fraction':
      return formatPercent(value);
    case 'signedFraction':
      return formatSignedPercent(value);
    case 'rate8h':
      return formatFundingRate8h(value);
    case 'coins':
    case 'signedCoins':
      return `${formatCount(value)} coins`;
    case 'ratio':
      return formatRatio(value);
    case 'count':
      return formatCount(value);
    case 'percentile':
      return formatPercentile(value);
    case 'bp':
      return `${formatDecimal(value * 1e4, 1)} bp`;
    case 'perBillionUsd':
      return formatDecimal(value * 1e9, 4);
    default:
      return formatDecimal(value);
  }
}

/** The value at a dotted path of an object ("cme.annualisedBasis"), or undefined. */
function valueAt(section: object, path: string): unknown {
  let node: unknown = section;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The rows of a section's figure table, [label, formatted value], in the table's order; fields the
 * section does not carry (an absent COT block) are left out, present-but-null ones print "n/a".
 */
export function labelledRows(section: object | null, labels: Readonly<Record<string, FieldLabel>>): [string, string][] {
  if (section === null) return [];
  return Object.entries(labels).flatMap(([path, { label, kind }]): [string, string][] => {
    const value = valueAt(section, path);
    return value === undefined ? [] : [[label, formatByKind(kind, value)]];
  });
}

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
  'wave-order': 'Wave order',
};

/** A signal id in words: signalLabel('positioning.cot') → "CFTC positioning"; unknown ids lose dots, hyphens and camel case. */
export function signalLabel(id: string): string {
  const known = SIGNAL_LABELS[id];
  if (known) return known;
  const words = (id.split('.').at(-1) ?? id)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
