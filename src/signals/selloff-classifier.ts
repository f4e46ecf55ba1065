// Sell-off classifier: labels a sell-off `liquidity-failure` when the cost of trading exploded on
// its crash days — price impact per dollar (Amihud) or a spread (Abdi–Ranaldo, Corwin–Schultz) far
// beyond its own trailing distribution, or clearly elevated while forced long liquidations spiked
// (Brunnermeier–Pedersen's spiral) — and `position-rebalancing` when the cost of trading stayed in
// its normal range (positions are then reported as cut or not). Volume is not a cost measure: in a
// liquidity crisis volume usually rises while price impact explodes. The point-in-time history of
// every episode is in selloff-history.ts; this file holds the rule and the window-level entry point.
import { COST_MEASURE_NAMES } from '../domain/labels/code-names.js';
import { costReadingText } from '../domain/labels/field-rows.js';
import { formatDate, formatDateRange } from '../format/dates.js';
import type { SelloffLabel, SelloffMeasures } from '../domain/sections/selloff.js';
import { COST_MEASURES, costBaseline, costMeasure, type CostMeasure, type CostMeasureName } from './selloff-cost.js';
import { selloffContext, type SelloffContext, type SelloffInputs } from './selloff-context.js';
import { positionBaseline, positionMeasures } from './selloff-positions.js';
import { SELLOFF_CLASSIFIER_DEFAULTS, SELLOFF_THRESHOLDS } from './selloff-thresholds.js';
import { formatSignedUsd, formatUsd } from '../format/money.js';
import { formatDecimal, formatRatio } from '../format/numbers.js';
import { formatSignedPct, formatSignedPercent } from '../format/percent.js';

export type { SelloffInputs } from './selloff-context.js';
export type { SelloffLabel, SelloffMeasures } from '../domain/sections/selloff.js';
export { SELLOFF_CLASSIFIER_DEFAULTS, SELLOFF_THRESHOLDS } from './selloff-thresholds.js';

/** A classified sell-off's label (SELLOFF_TYPES without 'none'). */

export interface SelloffClassifierOptions {
  /** Bars up to the peak forming each measure's trailing distribution. Default 365. */
  readonly baselineBars?: number;
  /** Minimum baseline windows for a measure to be scored. Default 90. */
  readonly minBaselineWindows?: number;
  /** Acute window length scanned inside the crash days. Default 3. */
  readonly acuteBars?: number;
}

export interface SelloffVerdict {
  readonly type: SelloffLabel;
  /** Sentences with the numbers behind the label: cost of trading, liquidations, positions. */
  readonly reasons: readonly string[];
  /** At least one cost measure extreme. */
  readonly costExploded: boolean;
  /** Long liquidations ≥ forcedLiquidationMultiple × their trailing median. */
  readonly forcedLiquidations: boolean;
  /** Positions measurably cut (OI or ETF holdings/flows past their thresholds); null when nothing was measurable. */
  readonly positionsCut: boolean | null;
}

/** p41, p99.4, p100: one decimal between the 99th percentile and the top, where the bars sit. */
function percentileText(p: number): string {
  return `p${formatDecimal(p * 100, p >= 0.99 && p < 1 ? 1 : 0)}`;
}

function describeCost(name: CostMeasureName, m: CostMeasure): string | null {
  const w = m.worst;
  if (w === null) return null;
  const z = w.robustZ === null ? 'no z' : `z ${formatDecimal(w.robustZ, 1)}`;
  return `${COST_MEASURE_NAMES[name]} ${costReadingText(name, w.value)} over ${formatDateRange(w.start, w.end)} (${percentileText(w.percentile)}, ${z})`;
}

/** The label and its reasons from the measures (SELLOFF_THRESHOLDS). */
export function selloffVerdict(measures: SelloffMeasures): SelloffVerdict {
  const t = SELLOFF_THRESHOLDS;
  const costs = COST_MEASURES.map((name) => ({ name, m: measures[name] }));
  const extreme = costs.filter((c) => c.m.level === 'extreme');
  const elevated = costs.filter((c) => c.m.level === 'elevated');
  const normal = costs.filter((c) => c.m.level === 'normal');
  const forced =
    measures.longLiquidationsMultiple !== null && measures.longLiquidationsMultiple >= t.forcedLiquidationMultiple;
  const type: SelloffLabel = extreme.length > 0 ? 'liquidity-failure' : 'position-rebalancing';
  const described = (cs: typeof costs): string =>
    cs
      .map((c) => describeCost(c.name, c.m))
      .filter((s) => s !== null)
      .join('; ');
  const reasons: string[] = [];
  if (extreme.length > 0) reasons.push(`cost of trading exploded: ${described(extreme)}`);
  if (elevated.length > 0) reasons.push(`cost of trading elevated: ${described(elevated)}`);
  if (normal.length > 0)
    reasons.push(
      `${extreme.length + elevated.length > 0 ? 'other costs' : 'cost of trading'} in the normal range: ${described(normal)}`,
    );
  const unmeasured = costs.filter((c) => c.m.level === null).map((c) => COST_MEASURE_NAMES[c.name]);
  if (unmeasured.length > 0) reasons.push(`not measurable (too little history or data): ${unmeasured.join(', ')}`);
  if (measures.longLiquidationsPeakUsd !== null) {
    const multiple = measures.longLiquidationsMultiple;
    const channel = !forced
      ? ''
      : extreme.length > 0
        ? ' — forced deleveraging into a market that could not absorb it'
        : ' — forced deleveraging, absorbed at a normal cost of trading';
    reasons.push(
      `long liquidations peaked at ${formatUsd(measures.longLiquidationsPeakUsd)} on ${formatDate(measures.longLiquidationsPeakDate)}` +
        (multiple !== null ? `, ${formatRatio(multiple, 1)} their trailing median${channel}` : ''),
    );
  }
  // Each measure listed on its side: those past their threshold (cut) and those not, so a rise is
  // never read under "cut".
  const cutBy: string[] = [];
  const notCutBy: string[] = [];
  let measured = false;
  const note = (label: string, value: number | null, threshold: number, suffix = ''): void => {
    if (value === null) return;
    measured = true;
    (value <= threshold ? cutBy : notCutBy).push(`${label} ${formatSignedPct(value)}${suffix}`);
  };
  note('perp OI (coins)', measures.perpOiCoinsChangePct, t.oiDropPct);
  note(
    'CFTC total OI',
    measures.cftcOiChangePct,
    t.oiDropPct,
    measures.cftcReports ? ` (${formatDateRange(measures.cftcReports.from, measures.cftcReports.to)})` : '',
  );
  note('ETF holdings (coins)', measures.etfHoldingsChangePct, t.etfHoldingsDropPct);
  if (measures.etfNetFlowUsd !== null) {
    measured = true;
    const share = measures.etfFlowShareOfAum;
    (share !== null && share <= -t.etfOutflowShareOfAum ? cutBy : notCutBy).push(
      `ETF net flow ${formatSignedUsd(measures.etfNetFlowUsd)}${share !== null ? ` (${formatSignedPercent(share, 2)} of AUM)` : ''}`,
    );
  }
  const cut = cutBy.length > 0;
  if (cut)
    reasons.push(`positions cut: ${cutBy.join(', ')}${notCutBy.length > 0 ? `; not cut: ${notCutBy.join(', ')}` : ''}`);
  else if (notCutBy.length > 0) reasons.push(`positions not measurably cut: ${notCutBy.join(', ')}`);
  else reasons.push('positions: no OI, CFTC or ETF data over the fall');
  return {
    type,
    reasons,
    costExploded: extreme.length > 0,
    forcedLiquidations: forced,
    positionsCut: measured ? cut : null,
  };
}

/**
 * Measures of the fall from bar `peakIndex` to the lowest close so far at bar `endIndex`, as public
 * on `asOf`, with baselines fixed at `classifiedOn`. `withFall` false leaves each cost measure's
 * whole-fall reading null (it does not affect the label), for callers that only need the label.
 */
export function measureFall(
  ctx: SelloffContext,
  peakIndex: number,
  endIndex: number,
  classifiedOn: string,
  asOf: string,
  options: SelloffClassifierOptions = {},
  baselines = selloffBaselines(ctx, peakIndex, classifiedOn, options),
  withFall = true,
): SelloffMeasures {
  const { acuteBars = SELLOFF_CLASSIFIER_DEFAULTS.acuteBars } = options;
  const cost = (name: CostMeasureName): CostMeasure =>
    costMeasure(ctx, baselines.cost, name, peakIndex, endIndex, asOf, acuteBars, withFall);
  return {
    crashDays: endIndex - peakIndex,
    baselineBars: baselines.cost.bars,
    amihud: cost('amihud'),
    abdiRanaldo: cost('abdiRanaldo'),
    corwinSchultz: cost('corwinSchultz'),
    ...positionMeasures(ctx, baselines.positions, peakIndex, endIndex, asOf),
  };
}

export interface SelloffBaselines {
  readonly cost: ReturnType<typeof costBaseline>;
  readonly positions: ReturnType<typeof positionBaseline>;
}

/** The trailing baselines of an episode peaking at bar `peakIndex`, from data public on `classifiedOn`. */
export function selloffBaselines(
  ctx: SelloffContext,
  peakIndex: number,
  classifiedOn: string,
  options: SelloffClassifierOptions = {},
): SelloffBaselines {
  const {
    baselineBars = SELLOFF_CLASSIFIER_DEFAULTS.baselineBars,
    minBaselineWindows = SELLOFF_CLASSIFIER_DEFAULTS.minBaselineWindows,
  } = options;
  return {
    cost: costBaseline(ctx, peakIndex, classifiedOn, baselineBars, minBaselineWindows),
    positions: positionBaseline(ctx, peakIndex, classifiedOn, baselineBars),
  };
}

export interface ClassifiedWindow extends SelloffVerdict {
  readonly start: string;
  readonly end: string;
  readonly drawdownPct: number;
  readonly measures: SelloffMeasures;
}

/**
 * Label a given window of `inputs.spot` (bar indexes; start = the pre-fall peak) with everything in
 * the inputs visible — e.g. a sell-off window known from elsewhere. Throws a RangeError when the
 * indexes are outside the bars or reversed.
 */
export function classifySelloffWindow(
  inputs: SelloffInputs,
  startIndex: number,
  endIndex: number,
  options: SelloffClassifierOptions = {},
): ClassifiedWindow {
  const { spot } = inputs;
  if (!(startIndex >= 0 && endIndex > startIndex && endIndex < spot.length)) {
    throw new RangeError(
      `classifySelloffWindow: need 0 ≤ startIndex < endIndex < ${spot.length}, got ${startIndex}..${endIndex}`,
    );
  }
  const ctx = selloffContext(inputs);
  const measures = measureFall(ctx, startIndex, endIndex, ctx.dataEnd, ctx.dataEnd, options);
  let low = startIndex + 1;
  for (let i = startIndex + 1; i <= endIndex; i += 1) if (spot[i]!.close < spot[low]!.close) low = i;
  return {
    start: spot[startIndex]!.date,
    end: spot[endIndex]!.date,
    drawdownPct: (spot[low]!.close / spot[startIndex]!.close - 1) * 100,
    ...selloffVerdict(measures),
    measures,
  };
}
