// The analysis fields an alert rule can name (`when: signals.positioning.fundingRate8h < -0.01%`),
// each with what a person reads for it and its unit. The catalog is checked against the analysis
// contract at compile time: every entry is a real scalar field of `Analysis`, and every scalar field
// has an entry (except the sell-off's deep measures), so a field added to a section fails to compile
// here until it is given a label and a unit.
import type { Analysis } from '../domain/analysis.js';
import { formatDate } from '../format/dates.js';
import { formatUsd } from '../format/money.js';
import { formatCount, formatDecimal, formatNumber, formatPrice, formatRatio } from '../format/numbers.js';
import { formatFundingRate8h, formatPct, formatPercent } from '../format/percent.js';

/** How a field's number reads: `pct` is already in percent (−25 = −25 %), `fraction` is 0.25 = 25 %. */
export type FieldUnit =
  | 'label'
  | 'date'
  | 'flag'
  | 'usd'
  | 'price'
  | 'pct'
  | 'fraction'
  | 'rate8h'
  | 'ratio'
  | 'count'
  | 'coins'
  | 'decimal'
  | 'days'
  | 'per-usd';

type Scalar = string | number | boolean;

/** Dotted paths of the scalar leaves of T (arrays are not walked). */
type LeafPaths<T, P extends string> = [NonNullable<T>] extends [never]
  ? never
  : NonNullable<T> extends readonly unknown[]
    ? never
    : NonNullable<T> extends Scalar
      ? P
      : NonNullable<T> extends object
        ? { [K in keyof NonNullable<T> & string]-?: LeafPaths<NonNullable<T>[K], `${P}.${K}`> }[keyof NonNullable<T> &
            string]
        : never;

/** Every scalar field of the analysis, dotted ("phase.confidence", "signals.positioning.fundingRate8h"). */
type AnalysisLeaf = {
  [K in keyof Analysis & string]-?: NonNullable<Analysis[K]> extends Scalar ? K : LeafPaths<Analysis[K], K>;
}[keyof Analysis & string];

/** The sell-off's per-measure diagnostics stay out of the catalog (read them in the note). */
type Excluded = `signals.liquidity.latestSelloff.measures.${string}`;

/** A field an alert rule can name. */
export type AlertFieldPath = Exclude<AnalysisLeaf, Excluded>;

export interface FieldInfo {
  /** What a person reads for the field. */
  readonly label: string;
  readonly unit: FieldUnit;
}

const f = (label: string, unit: FieldUnit): FieldInfo => ({ label, unit });

/** Every alert field with its label and unit. */
export const ALERT_FIELDS = {
  asOf: f('as-of date', 'date'),
  asset: f('asset', 'label'),
  simulated: f('simulated data', 'flag'),
  'phase.label': f('market phase', 'label'),
  'phase.confidence': f('phase confidence', 'fraction'),
  'signals.etfFlows.regime': f('ETF flow regime', 'label'),
  'signals.etfFlows.directionality': f('ETF flow directionality D', 'decimal'),
  'signals.etfFlows.outflowShare': f('share of ETF outflow days', 'fraction'),
  'signals.etfFlows.outflowDays': f('ETF outflow days in the window', 'count'),
  'signals.etfFlows.days': f('ETF flow days in the window', 'count'),
  'signals.etfFlows.windowFrom': f('ETF flow window start', 'date'),
  'signals.etfFlows.windowTo': f('ETF flow window end', 'date'),
  'signals.etfFlows.netFlowUsd': f('ETF net flow over the window', 'usd'),
  'signals.etfFlows.runsTest.runs': f('ETF flow sign runs', 'count'),
  'signals.etfFlows.runsTest.expectedRuns': f('expected ETF flow sign runs', 'decimal'),
  'signals.etfFlows.runsTest.z': f('ETF flow runs-test z', 'decimal'),
  'signals.etfFlows.runsTest.pValue': f('ETF flow runs-test p-value', 'decimal'),
  'signals.etfFlows.flowPctOfAum': f('ETF window flow as % of AUM', 'pct'),
  'signals.etfFlows.consecutivePositiveWeeks': f('positive ETF flow weeks in a row', 'count'),
  'signals.etfFlows.availability.available': f('ETF flow section available', 'flag'),
  'signals.positioning.openInterestUsd': f('perp open interest', 'usd'),
  'signals.positioning.openInterestDate': f('perp open interest date', 'date'),
  'signals.positioning.oiChangePct.d1': f('perp OI change, 1 day', 'pct'),
  'signals.positioning.oiChangePct.d7': f('perp OI change, 7 days', 'pct'),
  'signals.positioning.oiChangePct.d30': f('perp OI change, 30 days', 'pct'),
  'signals.positioning.oiCoinsChange30dPct': f('perp OI change in coins, 30 days', 'pct'),
  'signals.positioning.oiZScore': f('perp OI z-score', 'decimal'),
  'signals.positioning.oiPctFromPeak': f('perp OI from its peak', 'pct'),
  'signals.positioning.fundingRate8h': f('perp funding', 'rate8h'),
  'signals.positioning.fundingAnnualised': f('perp funding, annualised', 'fraction'),
  'signals.positioning.fundingRegime': f('funding regime', 'label'),
  'signals.positioning.leverageRatio': f('estimated leverage ratio', 'decimal'),
  'signals.positioning.leverageChange30dPct': f('leverage ratio change, 30 days', 'pct'),
  'signals.positioning.liquidations.date': f('liquidations date', 'date'),
  'signals.positioning.liquidations.longUsd': f('long liquidations', 'usd'),
  'signals.positioning.liquidations.shortUsd': f('short liquidations', 'usd'),
  'signals.positioning.liquidations.multipleOfMedian': f('liquidations vs their median', 'ratio'),
  'signals.positioning.liquidations.spike': f('liquidation spike', 'flag'),
  'signals.positioning.oiPriceDivergence': f('OI–price divergence', 'label'),
  'signals.positioning.cme.openInterestUsd': f('CME open interest', 'usd'),
  'signals.positioning.cme.openInterestCoins': f('CME open interest in coins', 'coins'),
  'signals.positioning.cme.oiChangePct30d': f('CME OI change in coins, 30 days', 'pct'),
  'signals.positioning.cme.annualisedBasis': f('CME annualised basis', 'fraction'),
  'signals.positioning.cme.daysToExpiry': f('CME front month days to expiry', 'days'),
  'signals.positioning.cme.nearExpiry': f('CME front month near expiry', 'flag'),
  'signals.positioning.cme.positionProxy': f('CME position proxy', 'coins'),
  'signals.positioning.cme.positionProxyChange': f('CME position proxy change', 'coins'),
  'signals.positioning.cme.positionProxySource': f('CME position proxy source', 'label'),
  'signals.positioning.cot.date': f('COT report date', 'date'),
  'signals.positioning.cot.leveragedFundsNetCoins': f('COT leveraged funds net', 'coins'),
  'signals.positioning.cot.assetManagersNetCoins': f('COT asset managers net', 'coins'),
  'signals.positioning.cot.change4w.leveragedFundsNetCoins': f('COT leveraged funds net, 4-week change', 'coins'),
  'signals.positioning.cot.change4w.assetManagersNetCoins': f('COT asset managers net, 4-week change', 'coins'),
  'signals.positioning.cot.percentile.leveragedFundsNet': f('COT leveraged funds net percentile', 'fraction'),
  'signals.positioning.cot.percentile.assetManagersNet': f('COT asset managers net percentile', 'fraction'),
  'signals.positioning.leverageRebuiltWithoutStress': f('leverage rebuilt without stress', 'flag'),
  'signals.positioning.availability.available': f('positioning section available', 'flag'),
  'signals.liquidity.selloffType': f('latest sell-off type', 'label'),
  'signals.liquidity.latestSelloff.start': f('latest sell-off start', 'date'),
  'signals.liquidity.latestSelloff.end': f('latest sell-off low', 'date'),
  'signals.liquidity.latestSelloff.drawdownPct': f('latest sell-off drawdown', 'pct'),
  'signals.liquidity.latestSelloff.type': f('latest sell-off label', 'label'),
  'signals.liquidity.latestSelloff.classifiedOn': f('latest sell-off classified on', 'date'),
  'signals.liquidity.latestSelloff.initialType': f('latest sell-off first label', 'label'),
  'signals.liquidity.latestSelloff.revisedOn': f('latest sell-off label revised on', 'date'),
  'signals.liquidity.amihud': f('Amihud illiquidity (20 days)', 'per-usd'),
  'signals.liquidity.amihudVsMedian': f('Amihud illiquidity vs its median', 'ratio'),
  'signals.liquidity.priceImpactPercentile': f('price impact percentile (1 year)', 'fraction'),
  'signals.liquidity.huiHeubel': f('Hui–Heubel liquidity ratio', 'decimal'),
  'signals.liquidity.unitsOutstanding': f('coins outstanding', 'coins'),
  'signals.liquidity.corwinSchultzSpread': f('Corwin–Schultz spread', 'fraction'),
  'signals.liquidity.corwinSchultzSpreadRaw': f('Corwin–Schultz spread before the floor', 'fraction'),
  'signals.liquidity.corwinSchultzPercentile': f('Corwin–Schultz spread percentile', 'fraction'),
  'signals.liquidity.abdiRanaldoSpread': f('Abdi–Ranaldo spread', 'fraction'),
  'signals.liquidity.abdiRanaldoSpreadSigned': f('Abdi–Ranaldo spread, signed', 'fraction'),
  'signals.liquidity.abdiRanaldoPercentile': f('Abdi–Ranaldo spread percentile', 'fraction'),
  'signals.liquidity.kyleLambda': f("Kyle's lambda (20 days)", 'per-usd'),
  'signals.liquidity.kyleLambdaPercentile': f("Kyle's lambda percentile", 'fraction'),
  'signals.liquidity.volumeTrend.recentMeanUsd': f('recent mean dollar volume', 'usd'),
  'signals.liquidity.volumeTrend.ratio': f('dollar volume vs its baseline', 'ratio'),
  'signals.liquidity.volumeTrend.trend': f('dollar volume trend', 'label'),
  'signals.liquidity.availability.available': f('liquidity section available', 'flag'),
  'signals.divergence.cryptoFlowUsd': f('crypto ETF flow over the equity period', 'usd'),
  'signals.divergence.equityFlowUsd': f('equity ETF flow over the period', 'usd'),
  'signals.divergence.kind': f('crypto vs equity flow divergence', 'label'),
  'signals.divergence.periodFrom': f('divergence period start', 'date'),
  'signals.divergence.periodTo': f('divergence period end', 'date'),
  'signals.divergence.cadenceDays': f('equity flow cadence', 'days'),
  'signals.divergence.selectiveStreak': f('periods of selective crypto de-risking in a row', 'count'),
  'signals.divergence.availability.available': f('divergence section available', 'flag'),
  'signals.trend.date': f('latest price date', 'date'),
  'signals.trend.close': f('close', 'price'),
  'signals.trend.sma50': f('50-day average', 'price'),
  'signals.trend.sma100': f('100-day average', 'price'),
  'signals.trend.sma200': f('200-day average', 'price'),
  'signals.trend.aboveSma50': f('close above the 50-day average', 'flag'),
  'signals.trend.aboveSma100': f('close above the 100-day average', 'flag'),
  'signals.trend.aboveSma200': f('close above the 200-day average', 'flag'),
  'signals.trend.pctFromSma200': f('close vs the 200-day average', 'pct'),
  'signals.trend.sma50AboveSma200': f('50-day average above the 200-day', 'flag'),
  'signals.trend.drawdownFromPeakPct': f('drawdown from the peak', 'pct'),
  'signals.trend.peakDate': f('peak date', 'date'),
  'signals.trend.peakClose': f('peak close', 'price'),
  'signals.trend.aboveResistance': f('close above resistance', 'flag'),
  'signals.trend.lastRange.start': f('last range start', 'date'),
  'signals.trend.lastRange.end': f('last range end', 'date'),
  'signals.trend.lastRange.low': f('last range low', 'price'),
  'signals.trend.lastRange.high': f('last range high', 'price'),
  'signals.trend.availability.available': f('trend section available', 'flag'),
  'signals.trend.momentum.close': f('momentum close', 'price'),
  'signals.trend.momentum.return10d': f('10-day return', 'fraction'),
  'signals.trend.momentum.return20d': f('20-day return', 'fraction'),
  'signals.trend.momentum.aboveLow20d': f('above the 20-day low', 'fraction'),
  'signals.trend.drawdownFromPeak': f('fall from the running peak', 'fraction'),
  'signals.trend.regime': f('price regime', 'label'),
  'signals.trend.regimeConfirmedOn': f('price regime confirmed on', 'date'),
  'signals.trend.regimeExtremeClose': f("price regime's extreme close", 'price'),
  'signals.trend.regimeExtremeDate': f("price regime's extreme date", 'date'),
  'signals.treasuries.strategyMnav': f('Strategy mNAV', 'ratio'),
  'signals.treasuries.strategyMnavChange30d': f('Strategy mNAV change, 30 days', 'decimal'),
  'signals.treasuries.premiumCompressed': f('Strategy premium compressed', 'flag'),
  'signals.treasuries.strategyBelowOne': f('Strategy mNAV below 1', 'flag'),
  'signals.treasuries.forcedSellingEstimateUsd.low': f('forced-selling estimate, low', 'usd'),
  'signals.treasuries.forcedSellingEstimateUsd.high': f('forced-selling estimate, high', 'usd'),
  'signals.treasuries.availability.available': f('treasuries section available', 'flag'),
  'wavesDetail.cryptoNativeLed': f('de-risking led by crypto-native perps', 'flag'),
  'wavesDetail.availability.available': f('waves section available', 'flag'),
} as const satisfies Record<AlertFieldPath, FieldInfo>;

/** A field's value as rules see it: the leaf, or null when the analysis lacks it. */
export type FieldValue = string | number | boolean | null;

/** The values of every alert field of one analysis. */
export type FieldValues = Readonly<Record<AlertFieldPath, FieldValue>>;

/** Every catalogued path, in catalog order. */
export const ALERT_FIELD_PATHS = Object.keys(ALERT_FIELDS) as AlertFieldPath[];

/** Whether `text` names a catalogued field. */
export function isAlertField(text: string): text is AlertFieldPath {
  return Object.hasOwn(ALERT_FIELDS, text);
}

/**
 * The field a config names: the full path, or the path without its `signals.` prefix
 * ("positioning.fundingRate8h"); null when neither is catalogued.
 */
export function resolveAlertField(text: string): AlertFieldPath | null {
  const trimmed = text.trim();
  if (isAlertField(trimmed)) return trimmed;
  const prefixed = `signals.${trimmed}`;
  return isAlertField(prefixed) ? prefixed : null;
}

/** Catalogued paths that end like `text` or contain it (for "did you mean" in config errors), at most 5. */
export function similarAlertFields(text: string): AlertFieldPath[] {
  const last = text.split('.').at(-1)?.toLowerCase() ?? '';
  if (last === '') return [];
  return ALERT_FIELD_PATHS.filter((p) => p.toLowerCase().endsWith(`.${last}`) || p.toLowerCase().includes(last)).slice(
    0,
    5,
  );
}

function leaf(root: unknown, path: string): FieldValue {
  let at: unknown = root;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' || typeof at === 'number' || typeof at === 'boolean' ? at : null;
}

/** Reads every catalogued field of `analysis` (null where the analysis holds none). */
export function alertFieldValues(analysis: Analysis): FieldValues {
  const out = {} as Record<AlertFieldPath, FieldValue>;
  for (const path of ALERT_FIELD_PATHS) out[path] = leaf(analysis, path);
  return out;
}

/** A field's value as a person reads it, in the field's unit: fundingRate8h −0.00021 → "−0.0210% per 8h". */
export function formatFieldValue(path: AlertFieldPath, value: FieldValue): string {
  if (value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return ALERT_FIELDS[path].unit === 'date' ? formatDate(value) : value;
  switch (ALERT_FIELDS[path].unit) {
    case 'usd':
      return formatUsd(value);
    case 'price':
      return formatPrice(value);
    case 'pct':
      return formatPct(value);
    case 'fraction':
      return formatPercent(value, Math.abs(value) >= 0.1 ? 0 : 1);
    case 'rate8h':
      return formatFundingRate8h(value);
    case 'ratio':
      return formatRatio(value, Math.abs(value) < 10 ? 3 : 1);
    case 'count':
    case 'coins':
      return formatCount(value);
    case 'days':
      return `${formatCount(value)} days`;
    case 'decimal':
      return formatDecimal(value);
    default:
      return formatNumber(value);
  }
}
