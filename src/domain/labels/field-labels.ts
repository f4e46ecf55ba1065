// The one label table, part 2 of 2 (src/domain/labels/): every scalar field of the analysis by its
// dotted path, with the words a desk uses and the kind of figure it holds. The dashboard's tables, the
// alerts' rules and conditions, and any other surface take a field's words from here, never from its
// name; field-rows.ts prints the values. Checked against the analysis contract at compile time.
import type { Analysis } from '../analysis.js';

/**
 * What a field holds, so it is printed in the house style: usd / signedUsd (US dollars), price, signedPct
 * (already a percent, signed), fraction / signedFraction (0.274 = 27.4%), rate8h (funding per 8 h), coins /
 * signedCoins, ratio (×), decimal, count, days, date (ISO), percentile (0–1 rank), bp (fraction of price →
 * basis points), perBillionUsd (|return| per USD → per $1B), yesNo (boolean), code (a coded value in CODE_NAMES), text (words already, printed as they are).
 */
export type FieldKind =
  | 'usd'
  | 'signedUsd'
  | 'price'
  | 'signedPct'
  | 'fraction'
  | 'signedFraction'
  | 'rate8h'
  | 'coins'
  | 'signedCoins'
  | 'ratio'
  | 'decimal'
  | 'count'
  | 'days'
  | 'date'
  | 'percentile'
  | 'bp'
  | 'perBillionUsd'
  | 'yesNo'
  | 'code'
  | 'text';

/** A field's words, its kind, and (for fractions) the decimals it is printed with when not the default 1. */
export interface FieldLabel {
  readonly label: string;
  readonly kind: FieldKind;
  readonly digits?: number;
}

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

/** The sell-off's per-measure diagnostics stay out of the table (the note words them in sentences). */
type Excluded = `signals.liquidity.latestSelloff.measures.${string}`;

/** A labelled scalar field of the analysis. */
export type AnalysisFieldPath = Exclude<AnalysisLeaf, Excluded>;

const f = (label: string, kind: FieldKind, digits?: number): FieldLabel =>
  digits === undefined ? { label, kind } : { label, kind, digits };

/**
 * Every scalar field of the analysis with its words and kind, checked against the contract at compile
 * time: a field added to a section fails to compile here until it is given words.
 */
export const FIELD_LABELS = {
  asOf: f('as-of date', 'date'),
  asset: f('asset', 'text'),
  simulated: f('simulated data', 'yesNo'),
  'phase.label': f('market phase', 'code'),
  'phase.confidence': f('phase confidence', 'fraction', 0),
  'phase.noCallReason': f('why there is no call', 'text'),
  'signals.etfFlows.regime': f('flow regime', 'code'),
  'signals.etfFlows.directionality': f('directionality', 'decimal'),
  'signals.etfFlows.outflowShare': f('outflow share', 'fraction'),
  'signals.etfFlows.outflowDays': f('ETF outflow days in the window', 'count'),
  'signals.etfFlows.days': f('ETF flow days in the window', 'count'),
  'signals.etfFlows.windowFrom': f('ETF flow window start', 'date'),
  'signals.etfFlows.windowTo': f('ETF flow window end', 'date'),
  'signals.etfFlows.netFlowUsd': f('net flow, window', 'signedUsd'),
  'signals.etfFlows.runsTest.runs': f('ETF flow sign runs', 'count'),
  'signals.etfFlows.runsTest.expectedRuns': f('expected ETF flow sign runs', 'decimal'),
  'signals.etfFlows.runsTest.z': f('ETF flow runs-test z', 'decimal'),
  'signals.etfFlows.runsTest.pValue': f('ETF flow runs-test p-value', 'decimal'),
  'signals.etfFlows.flowPctOfAum': f('net flow, % of assets', 'signedPct'),
  'signals.etfFlows.consecutivePositiveWeeks': f('positive weeks in a row', 'count'),
  'signals.etfFlows.availability.available': f('ETF flow section available', 'yesNo'),
  'signals.positioning.openInterestUsd': f('perp open interest', 'usd'),
  'signals.positioning.openInterestDate': f('perp open interest as of', 'date'),
  'signals.positioning.oiChangePct.d1': f('perp OI change, 1 day', 'signedPct'),
  'signals.positioning.oiChangePct.d7': f('perp OI change, 7 days', 'signedPct'),
  'signals.positioning.oiChangePct.d30': f('perp OI change, 30 days', 'signedPct'),
  'signals.positioning.oiCoinsChange30dPct': f('perp OI in coins, 30-day change', 'signedPct'),
  'signals.positioning.oiZScore': f('perp OI z-score', 'decimal'),
  'signals.positioning.oiPctFromPeak': f('perp OI from its peak', 'signedPct'),
  'signals.positioning.oiPriceDivergence': f('OI against price', 'code'),
  'signals.positioning.fundingRate8h': f('funding rate', 'rate8h'),
  'signals.positioning.fundingAnnualised': f('funding, annualised', 'signedFraction'),
  'signals.positioning.fundingRegime': f('funding regime (7-day average)', 'code'),
  'signals.positioning.leverageRatio': f('estimated leverage ratio', 'decimal'),
  'signals.positioning.leverageChange30dPct': f('leverage ratio, 30-day change', 'signedPct'),
  'signals.positioning.leverageRebuiltWithoutStress': f('leverage rebuilt without stress', 'yesNo'),
  'signals.positioning.liquidations.date': f('liquidations as of', 'date'),
  'signals.positioning.liquidations.longUsd': f('long liquidations', 'usd'),
  'signals.positioning.liquidations.shortUsd': f('short liquidations', 'usd'),
  'signals.positioning.liquidations.multipleOfMedian': f('liquidations, multiple of median', 'ratio'),
  'signals.positioning.liquidations.spike': f('liquidation spike on the latest day', 'yesNo'),
  'signals.positioning.cme.openInterestUsd': f('CME open interest', 'usd'),
  'signals.positioning.cme.openInterestCoins': f('CME open interest, coins', 'coins'),
  'signals.positioning.cme.oiChangePct30d': f('CME OI in coins, 30-day change', 'signedPct'),
  'signals.positioning.cme.annualisedBasis': f('CME basis, annualised', 'signedFraction'),
  'signals.positioning.cme.daysToExpiry': f('CME front month, days to expiry', 'count'),
  'signals.positioning.cme.nearExpiry': f('CME front month within 7 days of expiry', 'yesNo'),
  'signals.positioning.cme.positionProxy': f('CME position proxy, coins', 'signedCoins'),
  'signals.positioning.cme.positionProxyChange': f('CME position proxy change, coins', 'signedCoins'),
  'signals.positioning.cme.positionProxySource': f('CME position proxy source', 'code'),
  'signals.positioning.cot.date': f('CFTC report as of', 'date'),
  'signals.positioning.cot.leveragedFundsNetCoins': f('leveraged funds net, coins', 'signedCoins'),
  'signals.positioning.cot.change4w.leveragedFundsNetCoins': f('leveraged funds net, 4-week change', 'signedCoins'),
  'signals.positioning.cot.percentile.leveragedFundsNet': f('leveraged funds net, percentile', 'percentile'),
  'signals.positioning.cot.assetManagersNetCoins': f('asset managers net, coins', 'signedCoins'),
  'signals.positioning.cot.change4w.assetManagersNetCoins': f('asset managers net, 4-week change', 'signedCoins'),
  'signals.positioning.cot.percentile.assetManagersNet': f('asset managers net, percentile', 'percentile'),
  'signals.positioning.availability.available': f('positioning section available', 'yesNo'),
  'signals.liquidity.selloffType': f('sell-off type', 'code'),
  'signals.liquidity.latestSelloff.start': f('latest sell-off start', 'date'),
  'signals.liquidity.latestSelloff.end': f('latest sell-off low', 'date'),
  'signals.liquidity.latestSelloff.drawdownPct': f('latest sell-off drawdown', 'signedPct'),
  'signals.liquidity.latestSelloff.type': f('latest sell-off label', 'code'),
  'signals.liquidity.latestSelloff.classifiedOn': f('latest sell-off classified on', 'date'),
  'signals.liquidity.latestSelloff.initialType': f('latest sell-off first label', 'code'),
  'signals.liquidity.latestSelloff.revisedOn': f('latest sell-off label revised on', 'date'),
  'signals.liquidity.amihud': f('Amihud illiquidity, 20-day (per $1B)', 'perBillionUsd'),
  'signals.liquidity.amihudVsMedian': f('Amihud, multiple of its median', 'ratio'),
  'signals.liquidity.priceImpactPercentile': f('price impact, percentile of the year', 'percentile'),
  'signals.liquidity.huiHeubel': f('Hui–Heubel liquidity ratio', 'decimal'),
  'signals.liquidity.unitsOutstanding': f('coins outstanding', 'coins'),
  'signals.liquidity.corwinSchultzSpread': f('Corwin–Schultz spread, 20-day', 'bp'),
  'signals.liquidity.corwinSchultzSpreadRaw': f('Corwin–Schultz spread before the floor', 'bp'),
  'signals.liquidity.corwinSchultzPercentile': f('Corwin–Schultz spread, percentile', 'percentile'),
  'signals.liquidity.abdiRanaldoSpread': f('Abdi–Ranaldo spread, 20-day', 'bp'),
  'signals.liquidity.abdiRanaldoSpreadSigned': f('Abdi–Ranaldo spread, signed', 'bp'),
  'signals.liquidity.abdiRanaldoPercentile': f('Abdi–Ranaldo spread, percentile', 'percentile'),
  'signals.liquidity.kyleLambda': f('Kyle λ, 20-day (per $1B signed volume)', 'perBillionUsd'),
  'signals.liquidity.kyleLambdaPercentile': f('Kyle λ, percentile', 'percentile'),
  'signals.liquidity.volumeTrend.recentMeanUsd': f('spot volume, recent daily mean', 'usd'),
  'signals.liquidity.volumeTrend.ratio': f('spot volume, recent against prior', 'ratio'),
  'signals.liquidity.volumeTrend.trend': f('spot volume trend', 'code'),
  'signals.liquidity.availability.available': f('liquidity section available', 'yesNo'),
  'signals.divergence.cryptoFlowUsd': f('crypto ETF flow over the equity period', 'signedUsd'),
  'signals.divergence.equityFlowUsd': f('equity ETF flow over the period', 'signedUsd'),
  'signals.divergence.kind': f('crypto vs equity flow divergence', 'code'),
  'signals.divergence.periodFrom': f('divergence period start', 'date'),
  'signals.divergence.periodTo': f('divergence period end', 'date'),
  'signals.divergence.cadenceDays': f('equity flow cadence', 'days'),
  'signals.divergence.selectiveStreak': f('periods of selective crypto de-risking in a row', 'count'),
  'signals.divergence.availability.available': f('divergence section available', 'yesNo'),
  'signals.trend.date': f('latest price date', 'date'),
  'signals.trend.close': f('close', 'price'),
  'signals.trend.sma50': f('50-day average', 'price'),
  'signals.trend.sma100': f('100-day average', 'price'),
  'signals.trend.sma200': f('200-day average', 'price'),
  'signals.trend.aboveSma50': f('close above the 50-day average', 'yesNo'),
  'signals.trend.aboveSma100': f('close above the 100-day average', 'yesNo'),
  'signals.trend.aboveSma200': f('close above the 200-day average', 'yesNo'),
  'signals.trend.pctFromSma200': f('close vs the 200-day average', 'signedPct'),
  'signals.trend.sma50AboveSma200': f('50-day average above the 200-day', 'yesNo'),
  'signals.trend.drawdownFromPeakPct': f('drawdown from the peak', 'signedPct'),
  'signals.trend.peakDate': f('peak date', 'date'),
  'signals.trend.peakClose': f('peak close', 'price'),
  'signals.trend.aboveResistance': f('close above resistance', 'yesNo'),
  'signals.trend.lastRange.start': f('last range start', 'date'),
  'signals.trend.lastRange.end': f('last range end', 'date'),
  'signals.trend.lastRange.low': f('last range low', 'price'),
  'signals.trend.lastRange.high': f('last range high', 'price'),
  'signals.trend.availability.available': f('trend section available', 'yesNo'),
  'signals.trend.momentum.close': f('momentum close', 'price'),
  'signals.trend.momentum.return10d': f('10-day return', 'signedFraction'),
  'signals.trend.momentum.return20d': f('20-day return', 'signedFraction'),
  'signals.trend.momentum.aboveLow20d': f('above the 20-day low', 'signedFraction'),
  'signals.trend.drawdownFromPeak': f('fall from the running peak', 'fraction'),
  'signals.trend.regime': f('price regime', 'code'),
  'signals.trend.regimeConfirmedOn': f('price regime confirmed on', 'date'),
  'signals.trend.regimeExtremeClose': f("price regime's extreme close", 'price'),
  'signals.trend.regimeExtremeDate': f("price regime's extreme date", 'date'),
  'signals.treasuries.strategyMnav': f('Strategy mNAV', 'ratio'),
  'signals.treasuries.strategyMnavChange30d': f('Strategy mNAV change, 30 days', 'decimal'),
  'signals.treasuries.premiumCompressed': f('Strategy premium compressed', 'yesNo'),
  'signals.treasuries.strategyBelowOne': f('Strategy mNAV below 1', 'yesNo'),
  'signals.treasuries.forcedSellingEstimateUsd.low': f('forced-selling estimate, low', 'usd'),
  'signals.treasuries.forcedSellingEstimateUsd.high': f('forced-selling estimate, high', 'usd'),
  'signals.treasuries.availability.available': f('treasuries section available', 'yesNo'),
  'wavesDetail.cryptoNativeLed': f('de-risking led by crypto-native perps', 'yesNo'),
  'wavesDetail.availability.available': f('waves section available', 'yesNo'),
} as const satisfies Record<AnalysisFieldPath, FieldLabel>;
