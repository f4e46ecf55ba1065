// The liquidity section of the analysis: dollar-volume trend, Amihud vs its median, Hui-Heubel,
// Corwin–Schultz spread and the sell-off classifier, with evidence.
import type { Evidence } from '../../domain/analysis.js';
import { addDays } from '../../domain/dates.js';
import type { DatedValue, MarketSeries } from '../../domain/market-series.js';
import { amihudVsMedian } from '../amihud.js';
import { corwinSchultzSpread } from '../corwin-schultz.js';
import { dollarVolumeTrend } from '../dollar-volume.js';
import { APPROX_UNITS_OUTSTANDING, huiHeubel } from '../hui-heubel.js';
import { availabilityOf } from '../section.js';
import { classifySelloffs, type ClassifiedSelloff, type SelloffClassifierOptions } from '../selloff-classifier.js';
import { formatUsd } from '../../format/money.js';
import { formatCount, formatDecimal, formatRatio } from '../../format/numbers.js';
import { formatSignedPct } from '../../format/percent.js';
import { lastOf, roundTo } from '../series-helpers.js';
import { amihudSeries, corwinSchultzSpreadSeries, LIQUIDITY_SERIES_DEFAULTS } from '../liquidity-series.js';

/** Days of Amihud and spread readings the analysis carries for charts: a year (Default 365). */
export const LIQUIDITY_CHART_DAYS = 365;
import type { LiquiditySection } from '../../domain/sections/liquidity.js';

export interface LiquiditySectionOptions extends SelloffClassifierOptions {
  /** Calendar days back from the last spot bar in which a sell-off's end counts as "latest". Default 90. */
  readonly lookbackDays?: number;
  /** Units outstanding S for Hui-Heubel. Default APPROX_UNITS_OUTSTANDING[asset] (stated in evidence). */
  readonly unitsOutstanding?: number;
  /** Amihud ratio to its trailing median counted as deteriorated liquidity. Default 2. */
  readonly amihudAlertRatio?: number;
}

/** Liquidity from a MarketSeries (spot bars, OI, CME, ETF flows/AUM). Options documented above. */
export function liquiditySection(m: MarketSeries, options: LiquiditySectionOptions = {}): LiquiditySection {
  const { lookbackDays = 90, amihudAlertRatio = 2 } = options;
  const unitsOutstanding = options.unitsOutstanding ?? APPROX_UNITS_OUTSTANDING[m.asset];
  const cmeOpenInterestCoins: DatedValue[] = m.cme
    .filter((d) => d.openInterestContracts !== null)
    .map((d) => ({ date: d.date, value: d.openInterestContracts! * d.coinsPerContract }));
  const classified = classifySelloffs(
    {
      spot: m.spot,
      openInterestUsd: m.openInterestUsd,
      cmeOpenInterestCoins,
      etfFlows: m.etfFlows,
      etfAumUsd: m.etfAumUsd,
    },
    options,
  );
  const lastBar = lastOf(m.spot);
  const latest: ClassifiedSelloff | null =
    lastBar === null ? null : lastOf(classified.filter((s) => s.end > addDays(lastBar.date, -lookbackDays)));
  const amihudResult = amihudVsMedian(m.spot);
  const hh = huiHeubel(m.spot, unitsOutstanding);
  const cs = corwinSchultzSpread(m.spot);
  // The charted series: a year of daily readings, plus the window behind the first one.
  const chartBars = m.spot.slice(-(LIQUIDITY_CHART_DAYS + LIQUIDITY_SERIES_DEFAULTS.window + 1));
  const volume = dollarVolumeTrend(m.spot);

  const evidence: Evidence[] = [];
  if (latest !== null) {
    evidence.push({
      signal: 'liquidity.selloff',
      text: `Sell-off ${latest.start} → ${latest.end} (${formatSignedPct(latest.drawdownPct)}) reads as ${latest.type}: ${latest.reasons.join('; ')}.`,
      value: roundTo(latest.drawdownPct, 2),
      weight: latest.type === 'liquidity-failure' ? -1 : 0.5,
    });
  } else if (lastBar !== null) {
    evidence.push({
      signal: 'liquidity.selloff',
      text: `No sell-off in the ${lookbackDays} days to ${lastBar.date}.`,
      value: null,
      weight: 0,
    });
  }
  if (amihudResult.amihud !== null) {
    const vs = amihudResult.ratio !== null ? `, ${formatRatio(amihudResult.ratio)} its trailing median` : '';
    evidence.push({
      signal: 'liquidity.amihud',
      text: `Amihud illiquidity ${formatDecimal(amihudResult.amihud * 1e9, 3)} (|return| per 1 bn USD traded, 20-day mean)${vs}.`,
      value: amihudResult.ratio !== null ? roundTo(amihudResult.ratio, 3) : null,
      weight: amihudResult.ratio !== null && amihudResult.ratio >= amihudAlertRatio ? -0.5 : 0,
    });
  }
  if (cs !== null) {
    evidence.push({
      signal: 'liquidity.corwinSchultz',
      text: `Corwin–Schultz spread estimate ${formatDecimal(cs * 1e4, 1)} bp (20-day mean).`,
      value: roundTo(cs, 6),
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
      text: `Spot dollar volume ${formatUsd(volume.recentMeanUsd)}/day over 7 days, ${formatRatio(volume.ratio)} the prior 30 days (${volume.trend}).`,
      value: roundTo(volume.ratio, 3),
      weight: 0,
    });
  }
  const hasVolume = m.spot.some((b) => b.volumeUsd !== null || b.volumeUnits !== null);
  return {
    selloffType: latest?.type ?? 'none',
    selloffs: classified.map(({ start, end, drawdownPct, type, reasons, acute }) => ({
      start,
      end,
      drawdownPct,
      type,
      reasons,
      ...(acute ? { acute } : {}),
    })),
    amihud: amihudResult.amihud,
    amihudVsMedian: amihudResult.ratio,
    huiHeubel: hh,
    unitsOutstanding,
    corwinSchultzSpread: cs,
    amihudSeries: amihudSeries(chartBars),
    corwinSchultzSpreadSeries: corwinSchultzSpreadSeries(chartBars),
    volumeTrend: { recentMeanUsd: volume.recentMeanUsd, ratio: volume.ratio, trend: volume.trend },
    evidence,
    availability: availabilityOf({
      spot: m.spot.length > 0,
      spotVolume: hasVolume,
      openInterestUsd: m.openInterestUsd.length > 0,
      cmeOpenInterest: cmeOpenInterestCoins.length > 0,
      etfFlows: m.etfFlows.length > 0,
      etfAumUsd: m.etfAumUsd.length > 0,
    }),
  };
}
