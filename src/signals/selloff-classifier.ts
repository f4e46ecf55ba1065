// Sell-off classifier: labels each sell-off `liquidity-failure` (prices gapped on thin, costly
// trading) or `position-rebalancing` (holders cut positions through a market that stayed liquid),
// from liquidity deterioration (dollar volume, Corwin–Schultz spread, Amihud) against position
// change (perp/CME OI, ETF net flow) during the sell-off versus the baseline before it.
import type { DailyBar, DatedValue, FundFlow } from '../domain/market-series.js';
import { dailyIlliquidity, type DailyIlliquidity } from './amihud.js';
import { corwinSchultzSeries } from './corwin-schultz.js';
import { dollarVolumeOf } from './dollar-volume.js';
import { detectSelloffs, type SelloffDetectionOptions, type SelloffEpisode } from './selloff-detection.js';
import { formatUsd } from '../format/money.js';
import { formatRatio } from '../format/numbers.js';
import { formatPercent, formatSignedPct } from '../format/percent.js';
import { isDateAscending, pointOnOrBefore, pointsInWindow, pointsInWindowSorted } from './series-helpers.js';
import { mean } from './stats/mean.js';
import { median } from './stats/median.js';
import { nullIfNaN } from './stats/null-if-nan.js';

export type SelloffLabel = 'liquidity-failure' | 'position-rebalancing';

/**
 * Thresholds, each a clear departure from the pre-sell-off baseline:
 * volume ≤ 0.8× = trading dried up; ≥ 1.2× = positions were moved in size; spread ≥ 2× and Amihud
 * ≥ 3× = the cost of trading jumped well beyond what a volatile day alone produces; OI ≤ −10 % =
 * leverage closed; ETF outflow ≥ 0.5 % of AUM within days = holders sold.
 */
export const SELLOFF_THRESHOLDS = {
  volumeCollapseRatio: 0.8,
  volumeSurgeRatio: 1.2,
  spreadSpikeRatio: 2,
  amihudSpikeRatio: 3,
  oiDropPct: -10,
  etfOutflowShareOfAum: 0.005,
  /** Spread floor for the baseline (1 bp), so a baseline of clipped zeros does not divide by 0. */
  spreadFloor: 0.0001,
} as const;

export interface SelloffInputs {
  readonly spot: readonly DailyBar[];
  readonly openInterestUsd: readonly DatedValue[];
  /** CME open interest in coins. */
  readonly cmeOpenInterestCoins: readonly DatedValue[];
  readonly etfFlows: readonly FundFlow[];
  readonly etfAumUsd: readonly DatedValue[];
}

export interface SelloffClassifierOptions extends SelloffDetectionOptions {
  /** Bars before the peak used as baseline. Default 30. */
  readonly baselineBars?: number;
  /**
   * Length in bars of the sub-windows scanned inside longer sell-offs for an acute liquidity
   * failure (which is labelled only with ≥ 2 liquidity points). Default 5; 0 disables the scan.
   */
  readonly acuteBars?: number;
}

export interface SelloffMeasures {
  readonly volumeRatio: number | null;
  readonly spreadRatio: number | null;
  readonly amihudRatio: number | null;
  readonly oiChangePct: number | null;
  readonly cmeOiChangePct: number | null;
  readonly etfNetFlowUsd: number | null;
  readonly etfFlowShareOfAum: number | null;
}

export interface ClassifiedSelloff {
  readonly start: string;
  readonly end: string;
  readonly drawdownPct: number;
  readonly type: SelloffLabel;
  /** Sentences naming each criterion that fired, with its number. */
  readonly reasons: readonly string[];
  readonly liquidityPoints: number;
  readonly positionPoints: number;
  readonly measures: SelloffMeasures;
  /** The acute sub-window that made a longer sell-off a liquidity failure, when that is why. */
  readonly acute?: { readonly start: string; readonly end: string };
}

function changePct(series: readonly DatedValue[], from: string, to: string): number | null {
  const a = pointOnOrBefore(series, from);
  const b = pointOnOrBefore(series, to);
  if (!a || !b || a.value <= 0 || a.date === b.date) return null;
  return (b.value / a.value - 1) * 100;
}

function ratio(numerator: number | null, denominator: number | null, floor = 0): number | null {
  if (numerator === null || denominator === null) return null;
  const d = Math.max(denominator, floor);
  return d > 0 ? numerator / d : null;
}

/**
 * Detect sell-offs in `spot` (see detectSelloffs) and label each. Liquidity points: volume
 * collapse, spread spike, Amihud spike; position points: perp or CME OI drop, ETF outflow share,
 * volume surge. The label is liquidity-failure when liquidity points outnumber position points,
 * else position-rebalancing (ties included: without more liquidity evidence the fall is read as
 * repositioning). Missing inputs give null measures and score no points.
 */
export function classifySelloffs(inputs: SelloffInputs, options: SelloffClassifierOptions = {}): ClassifiedSelloff[] {
  const { baselineBars = 30, acuteBars = 5 } = options;
  const spreads = corwinSchultzSeries(inputs.spot);
  const illiq = dailyIlliquidity(inputs.spot);
  const flowsAscending = isDateAscending(inputs.etfFlows);
  return detectSelloffs(inputs.spot, options).map((ep) => {
    const whole = labelWindow(inputs, ep, ep.startIndex, baselineBars, spreads, illiq, flowsAscending);
    if (whole.type === 'liquidity-failure' || acuteBars < 2 || ep.endIndex - ep.startIndex <= acuteBars) return whole;
    // a liquidity failure is often an acute stretch inside a longer fall: scan sub-windows against
    // the same pre-fall baseline and require at least two liquidity points to outvote positions
    for (let from = ep.startIndex; from + acuteBars <= ep.endIndex; from += 1) {
      const sub = {
        ...ep,
        start: inputs.spot[from]!.date,
        end: inputs.spot[from + acuteBars]!.date,
        startIndex: from,
        endIndex: from + acuteBars,
      };
      const acute = labelWindow(inputs, sub, ep.startIndex, baselineBars, spreads, illiq, flowsAscending);
      if (acute.liquidityPoints >= 2 && acute.type === 'liquidity-failure') {
        return {
          ...whole,
          type: 'liquidity-failure',
          reasons: [
            `acute stretch ${sub.start} → ${sub.end}: ${acute.reasons.join('; ')}`,
            `whole sell-off: ${whole.reasons.join('; ')}`,
          ],
          liquidityPoints: acute.liquidityPoints,
          positionPoints: acute.positionPoints,
          acute: { start: sub.start, end: sub.end },
        };
      }
    }
    return whole;
  });
}

/**
 * Label a given window of `inputs.spot` (bar indexes, start = the pre-fall peak) with the same
 * criteria as classifySelloffs, e.g. a sell-off window known from elsewhere. Throws a RangeError
 * when the indexes are outside the bars or reversed.
 */
export function classifySelloffWindow(
  inputs: SelloffInputs,
  startIndex: number,
  endIndex: number,
  options: SelloffClassifierOptions = {},
): ClassifiedSelloff {
  const { spot } = inputs;
  if (!(startIndex >= 0 && endIndex > startIndex && endIndex < spot.length)) {
    throw new RangeError(
      `classifySelloffWindow: need 0 ≤ startIndex < endIndex < ${spot.length}, got ${startIndex}..${endIndex}`,
    );
  }
  let low = startIndex + 1;
  for (let i = startIndex + 1; i <= endIndex; i += 1) if (spot[i]!.close < spot[low]!.close) low = i;
  const ep = {
    start: spot[startIndex]!.date,
    end: spot[endIndex]!.date,
    drawdownPct: (spot[low]!.close / spot[startIndex]!.close - 1) * 100,
    startIndex,
    endIndex,
  };
  return labelWindow(
    inputs,
    ep,
    startIndex,
    options.baselineBars ?? 30,
    corwinSchultzSeries(spot),
    dailyIlliquidity(spot),
    isDateAscending(inputs.etfFlows),
  );
}

/** Label the fall (ep.start, ep.end] against the `baselineBars` bars ending at bar `baselineEndIndex`. */
function labelWindow(
  inputs: SelloffInputs,
  ep: SelloffEpisode,
  baselineEndIndex: number,
  baselineBars: number,
  spreads: readonly { date: string; spread: number }[],
  illiq: readonly DailyIlliquidity[],
  flowsAscending: boolean,
): ClassifiedSelloff {
  const t = SELLOFF_THRESHOLDS;
  const { spot } = inputs;
  {
    const baseStart = spot[Math.max(0, baselineEndIndex - baselineBars)]!.date;
    const baseEnd = spot[baselineEndIndex]!.date;
    // Date windows (from, to] by binary search: spot and the series derived from it are ascending.
    const base = <T extends { readonly date: string }>(xs: readonly T[]): T[] =>
      pointsInWindowSorted(xs, baseStart, baseEnd);
    const fall = <T extends { readonly date: string }>(xs: readonly T[]): T[] =>
      pointsInWindowSorted(xs, ep.start, ep.end);
    const volumes = (bars: readonly DailyBar[]): number[] =>
      bars.map(dollarVolumeOf).filter((v): v is number => v !== null);
    const volumeRatio = ratio(nullIfNaN(mean(volumes(fall(spot)))), nullIfNaN(mean(volumes(base(spot)))));
    const spreadRatio = ratio(
      nullIfNaN(mean(fall(spreads).map((s) => s.spread))),
      nullIfNaN(mean(base(spreads).map((s) => s.spread))),
      t.spreadFloor,
    );
    const amihudRatio = ratio(
      nullIfNaN(mean(fall(illiq).map((s) => s.illiquidity))),
      nullIfNaN(median(base(illiq).map((s) => s.illiquidity))),
    );
    const oiChangePct = changePct(inputs.openInterestUsd, ep.start, ep.end);
    const cmeOiChangePct = changePct(inputs.cmeOpenInterestCoins, ep.start, ep.end);
    const fallFlows = flowsAscending ? fall(inputs.etfFlows) : pointsInWindow(inputs.etfFlows, ep.start, ep.end);
    const etfNetFlowUsd = fallFlows.length > 0 ? fallFlows.reduce((s, f) => s + f.netFlowUsd, 0) : null;
    const aum = pointOnOrBefore(inputs.etfAumUsd, baseEnd)?.value ?? null;
    const etfFlowShareOfAum = etfNetFlowUsd !== null && aum !== null && aum > 0 ? etfNetFlowUsd / aum : null;

    const reasons: string[] = [];
    let liquidityPoints = 0;
    let positionPoints = 0;
    if (volumeRatio !== null && volumeRatio <= t.volumeCollapseRatio) {
      liquidityPoints += 1;
      reasons.push(`dollar volume fell to ${formatPercent(volumeRatio, 0)} of the prior ${baselineBars}-day mean`);
    }
    if (spreadRatio !== null && spreadRatio >= t.spreadSpikeRatio) {
      liquidityPoints += 1;
      reasons.push(`Corwin–Schultz spread ${formatRatio(spreadRatio, 1)} its baseline`);
    }
    if (amihudRatio !== null && amihudRatio >= t.amihudSpikeRatio) {
      liquidityPoints += 1;
      reasons.push(`Amihud illiquidity ${formatRatio(amihudRatio, 1)} its baseline median`);
    }
    const oiDrops = [
      oiChangePct !== null && oiChangePct <= t.oiDropPct ? `perp OI ${formatSignedPct(oiChangePct)}` : null,
      cmeOiChangePct !== null && cmeOiChangePct <= t.oiDropPct ? `CME OI ${formatSignedPct(cmeOiChangePct)}` : null,
    ].filter((r): r is string => r !== null);
    if (oiDrops.length > 0) {
      positionPoints += 1;
      reasons.push(`positions closed: ${oiDrops.join(', ')}`);
    }
    if (etfNetFlowUsd !== null && etfFlowShareOfAum !== null && etfFlowShareOfAum <= -t.etfOutflowShareOfAum) {
      positionPoints += 1;
      reasons.push(`ETF net outflow ${formatUsd(etfNetFlowUsd)} (${formatPercent(etfFlowShareOfAum, 2)} of AUM)`);
    }
    if (volumeRatio !== null && volumeRatio >= t.volumeSurgeRatio) {
      positionPoints += 1;
      reasons.push(`dollar volume rose to ${formatPercent(volumeRatio, 0)} of the prior ${baselineBars}-day mean`);
    }
    const type: SelloffLabel = liquidityPoints > positionPoints ? 'liquidity-failure' : 'position-rebalancing';
    if (reasons.length === 0) reasons.push('no liquidity deterioration and no position change measured');
    return {
      start: ep.start,
      end: ep.end,
      drawdownPct: ep.drawdownPct,
      type,
      reasons,
      liquidityPoints,
      positionPoints,
      measures: {
        volumeRatio,
        spreadRatio,
        amihudRatio,
        oiChangePct,
        cmeOiChangePct,
        etfNetFlowUsd,
        etfFlowShareOfAum,
      },
    };
  }
}
