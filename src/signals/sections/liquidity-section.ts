// The liquidity section of the analysis: the cost of trading now against its own trailing year
// (Amihud price impact, Abdi–Ranaldo and Corwin–Schultz spreads, Kyle-style λ), the Hui-Heubel
// ratio and dollar-volume trend (context, not cost), and the point-in-time sell-off classifier
// (liquidity failure vs position rebalancing), with evidence.
import { formatDate, formatDateRange } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import { addDays } from '../../domain/dates.js';
import type { MarketSeries } from '../../domain/market-series.js';
import { amihudVsMedian } from '../amihud.js';
import { corwinSchultzEstimate } from '../corwin-schultz.js';
import { abdiRanaldoSpread } from '../abdi-ranaldo.js';
import { dollarVolumeTrend } from '../dollar-volume.js';
import { APPROX_UNITS_OUTSTANDING, huiHeubel } from '../hui-heubel.js';
import { availabilityOf } from '../section.js';
import { selloffsAsOf, selloffsAt, type SelloffHistoryOptions, type SelloffRecord } from '../selloff-history.js';
import type { LiquiditySection } from '../../domain/sections/liquidity.js';
import type { SelloffAsOf } from '../../domain/sections/selloff.js';
import { amihudSeries, corwinSchultzSpreadSeries, LIQUIDITY_SERIES_DEFAULTS } from '../liquidity-series.js';

export type { LiquiditySection, LiquiditySelloff } from '../../domain/sections/liquidity.js';

/** Days of Amihud and spread readings the analysis carries for charts: a year (default 365). */
export const LIQUIDITY_CHART_DAYS = 365;
import { formatUsd } from '../../format/money.js';
import { formatCount, formatDecimal, formatRatio } from '../../format/numbers.js';
import { formatPercent, formatSignedPct } from '../../format/percent.js';
import { lastOf, roundTo } from '../series-helpers.js';
import { tradingCostLevels } from '../trading-cost-levels.js';

export interface LiquiditySectionOptions extends SelloffHistoryOptions {
  /** Calendar days back from the last spot bar in which a sell-off's end counts as "latest". Default 90. */
  readonly lookbackDays?: number;
  /** Units outstanding S for Hui-Heubel. Default APPROX_UNITS_OUTSTANDING[asset] (stated in evidence). */
  readonly unitsOutstanding?: number;
  /** Amihud ratio to its trailing median counted as deteriorated liquidity. Default 2. */
  readonly amihudAlertRatio?: number;
  /**
   * Sell-off records from selloffHistory over the same inputs (e.g. computed once for a replay);
   * the section then reads them as of m.asOf instead of classifying again. Default: classify here.
   */
  readonly selloffHistory?: readonly SelloffRecord[];
}

const pct = (p: number | null): string => (p === null ? '' : `, p${formatDecimal(p * 100, 0)} of its trailing year`);

function selloffEvidence(s: SelloffAsOf): Evidence {
  const history =
    s.revisedOn !== null
      ? ` (classified ${formatDate(s.classifiedOn)} as ${s.initialType}, revised ${formatDate(s.revisedOn)})`
      : ` (classified ${formatDate(s.classifiedOn)})`;
  return {
    signal: 'liquidity.selloff',
    text: `Sell-off ${formatDateRange(s.start, s.end)} (${formatSignedPct(s.drawdownPct)}) reads as ${s.type}${history}: ${s.reasons.join('; ')}.`,
    value: roundTo(s.drawdownPct, 2),
    weight: s.type === 'liquidity-failure' ? -1 : 0.5,
  };
}

/**
 * Liquidity from a MarketSeries (spot bars, perp OI, CFTC COT, ETF flows/AUM/holdings, long
 * liquidations). Options documented above; the sell-off options are selloffHistory's.
 */
export function liquiditySection(m: MarketSeries, options: LiquiditySectionOptions = {}): LiquiditySection {
  const { lookbackDays = 90, amihudAlertRatio = 2 } = options;
  const unitsOutstanding = options.unitsOutstanding ?? APPROX_UNITS_OUTSTANDING[m.asset];
  const classified =
    options.selloffHistory !== undefined
      ? selloffsAsOf(options.selloffHistory, m.asOf)
      : selloffsAt(m, m.asOf, options);
  const lastBar = lastOf(m.spot);
  const latest: SelloffAsOf | null =
    lastBar === null ? null : lastOf(classified.filter((s) => s.end > addDays(lastBar.date, -lookbackDays)));
  const amihudResult = amihudVsMedian(m.spot);
  const hh = huiHeubel(m.spot, unitsOutstanding);
  const cs = corwinSchultzEstimate(m.spot);
  const ar = abdiRanaldoSpread(m.spot);
  const levels = tradingCostLevels(m.spot);
  const volume = dollarVolumeTrend(m.spot);
  // The charted series: a year of daily readings, plus the window behind the first one.
  const chartBars = m.spot.slice(-(LIQUIDITY_CHART_DAYS + LIQUIDITY_SERIES_DEFAULTS.window + 1));

  const evidence: Evidence[] = [];
  if (latest !== null) evidence.push(selloffEvidence(latest));
  else if (lastBar !== null) {
    evidence.push({
      signal: 'liquidity.selloff',
      text: `No sell-off in the ${lookbackDays} days to ${formatDate(lastBar.date)}.`,
      value: null,
      weight: 0,
    });
  }
  if (amihudResult.amihud !== null) {
    const vs = amihudResult.ratio !== null ? `, ${formatRatio(amihudResult.ratio)} its trailing median` : '';
    evidence.push({
      signal: 'liquidity.amihud',
      text: `Amihud illiquidity ${formatDecimal(amihudResult.amihud * 1e9, 3)} (|return| per $1B traded, 20-day mean)${vs}${pct(levels.amihud.percentile)}.`,
      value: amihudResult.ratio !== null ? roundTo(amihudResult.ratio, 3) : null,
      weight: amihudResult.ratio !== null && amihudResult.ratio >= amihudAlertRatio ? -0.5 : 0,
    });
  }
  if (ar !== null) {
    evidence.push({
      signal: 'liquidity.abdiRanaldo',
      text: `Abdi–Ranaldo spread estimate ${formatDecimal(ar.spread * 1e4, 1)} bp (20-day; signed ${formatDecimal(ar.signedSpread * 1e4, 1)} bp, ${formatPercent(ar.negativeShare, 0)} of two-day estimates negative${pct(levels.abdiRanaldoSigned.percentile)}).`,
      value: roundTo(ar.spread, 6),
      weight: 0,
    });
  }
  if (cs !== null) {
    evidence.push({
      signal: 'liquidity.corwinSchultz',
      text: `Corwin–Schultz spread estimate ${formatDecimal(cs.spread * 1e4, 1)} bp (20-day mean of raw two-day estimates ${formatDecimal(cs.rawSpread * 1e4, 1)} bp, floored at 0; ${formatPercent(cs.negativeShare, 0)} negative${pct(levels.corwinSchultzRaw.percentile)}).`,
      value: roundTo(cs.spread, 6),
      weight: 0,
    });
  }
  if (hh !== null) {
    evidence.push({
      signal: 'liquidity.huiHeubel',
      text: `Hui-Heubel ratio ${formatDecimal(hh, 4)} over 5 days (S = ${formatCount(unitsOutstanding)} ${m.asset}${options.unitsOutstanding === undefined ? ', approximate supply' : ''}; lower = more liquid).`,
      value: roundTo(hh, 6),
      weight: 0,
    });
  }
  if (volume.recentMeanUsd !== null && volume.ratio !== null && volume.trend !== null) {
    evidence.push({
      signal: 'liquidity.volumeTrend',
      text: `Spot dollar volume ${formatUsd(volume.recentMeanUsd)}/day over 7 days, ${formatRatio(volume.ratio)} the prior 30 days (${volume.trend}; volume is activity, not the cost of trading).`,
      value: roundTo(volume.ratio, 3),
      weight: 0,
    });
  }
  const hasVolume = m.spot.some((b) => b.volumeUsd !== null || b.volumeUnits !== null);
  return {
    selloffType: latest?.type ?? 'none',
    selloffs: classified.map(({ start, end, drawdownPct, type, reasons, classifiedOn, initialType, revisedOn }) => ({
      start,
      end,
      drawdownPct,
      type,
      reasons,
      classifiedOn,
      initialType,
      revisedOn,
    })),
    latestSelloff: latest,
    amihud: amihudResult.amihud,
    amihudVsMedian: amihudResult.ratio,
    priceImpactPercentile: levels.amihud.percentile,
    huiHeubel: hh,
    unitsOutstanding,
    corwinSchultzSpread: cs?.spread ?? null,
    corwinSchultzSpreadRaw: cs?.rawSpread ?? null,
    corwinSchultzPercentile: levels.corwinSchultzRaw.percentile,
    abdiRanaldoSpread: ar?.spread ?? null,
    abdiRanaldoSpreadSigned: ar?.signedSpread ?? null,
    abdiRanaldoPercentile: levels.abdiRanaldoSigned.percentile,
    kyleLambda: levels.kyleLambda.value,
    kyleLambdaPercentile: levels.kyleLambda.percentile,
    amihudSeries: amihudSeries(chartBars),
    corwinSchultzSpreadSeries: corwinSchultzSpreadSeries(chartBars),
    volumeTrend: { recentMeanUsd: volume.recentMeanUsd, ratio: volume.ratio, trend: volume.trend },
    evidence,
    availability: availabilityOf({
      spot: m.spot.length > 0,
      spotVolume: hasVolume,
      openInterestUsd: m.openInterestUsd.length > 0,
      cftcOpenInterest: m.cot.length > 0,
      etfFlows: m.etfFlows.length > 0,
      etfAumUsd: m.etfAumUsd.length > 0,
      longLiquidations: m.longLiquidationsUsd.length > 0,
    }),
  };
}
