// What happened to positions during a sell-off, as public on an as-of date: perp open interest in
// coins (so the price fall itself does not count as positions closed), CFTC total CME open interest
// (never front-month OI, whose roll saw-teeth look like positions closed), ETF holdings in coins and
// ETF net flows, and forced long liquidations against their trailing median (the deleveraging
// channel of Brunnermeier–Pedersen's liquidity spiral).
import { addDays, daysBetween } from '../domain/dates.js';
import type { CotWeek } from '../domain/market-series.js';
import { lastVisibleOnOrBefore, visibleInWindow, type SelloffContext } from './selloff-context.js';
import { medianInPlace } from './stats/median-in-place.js';
import type { PositionMeasures } from '../domain/sections/selloff.js';

export type { PositionMeasures } from '../domain/sections/selloff.js';

/** Days a value may be older than the date it stands for (weekends, holidays, a late export). */
const STALE_DAYS = 5;
/** Fewer trailing liquidation days than this and no median is reported. */
const MIN_LIQUIDATION_DAYS = 30;

/** Baseline medians fixed at the classification date. */
export interface PositionBaseline {
  readonly longLiquidationsMedianUsd: number | null;
  readonly dollarVolumeMedianUsd: number | null;
}

/** Medians over the `baselineBars` days up to the peak, from data public on `classifiedOn`. */
export function positionBaseline(
  ctx: SelloffContext,
  peakIndex: number,
  classifiedOn: string,
  baselineBars: number,
): PositionBaseline {
  const peakDate = ctx.spot[peakIndex]!.date;
  const liq = visibleInWindow(ctx.longLiquidationsUsd, addDays(peakDate, -baselineBars), peakDate, classifiedOn);
  const liqMedian = liq.length >= MIN_LIQUIDATION_DAYS ? medianInPlace(Float64Array.from(liq, (p) => p.value)) : null;
  const from = Math.max(0, peakIndex - baselineBars + 1);
  const volumes = new Float64Array(peakIndex - from + 1);
  let n = 0;
  for (let i = from; i <= peakIndex; i += 1) {
    const v = ctx.dollarVolumeUsd[i];
    if (v !== null && v !== undefined && ctx.volumeVisibleOn[i]! <= classifiedOn) volumes[n++] = v;
  }
  return {
    longLiquidationsMedianUsd: liqMedian !== null && liqMedian > 0 ? liqMedian : null,
    dollarVolumeMedianUsd: n >= MIN_LIQUIDATION_DAYS ? medianInPlace(volumes.subarray(0, n)) : null,
  };
}

function pctChange(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && a > 0 ? (b / a - 1) * 100 : null;
}

function cftcChange(
  ctx: SelloffContext,
  peakDate: string,
  endDate: string,
  asOf: string,
): { pct: number; from: string; to: string } | null {
  const before = lastVisibleOnOrBefore(ctx.cot, peakDate, asOf);
  if (before === null || daysBetween(before.date, peakDate) > 7 + STALE_DAYS) return null;
  const after = visibleInWindow(ctx.cot, before.date, addDays(endDate, 7), asOf);
  const first: CotWeek | undefined = after.find((w) => w.date >= endDate) ?? after[after.length - 1];
  if (first === undefined || before.openInterestCoins <= 0) return null;
  return { pct: (first.openInterestCoins / before.openInterestCoins - 1) * 100, from: before.date, to: first.date };
}

/** Position and liquidation measures for the fall (peakIndex, endIndex] as public on `asOf`. */
export function positionMeasures(
  ctx: SelloffContext,
  baseline: PositionBaseline,
  peakIndex: number,
  endIndex: number,
  asOf: string,
): PositionMeasures {
  const peakDate = ctx.spot[peakIndex]!.date;
  const endDate = ctx.spot[endIndex]!.date;
  const near = (series: SelloffContext['openInterestUsd'], date: string): number | null => {
    const p = lastVisibleOnOrBefore(series, date, asOf);
    return p !== null && daysBetween(p.date, date) <= STALE_DAYS ? p.value : null;
  };
  const oiCoins = (date: string, close: number): number | null => {
    const usd = near(ctx.openInterestUsd, date);
    return usd !== null && close > 0 ? usd / close : null;
  };
  const cftc = cftcChange(ctx, peakDate, endDate, asOf);
  const flows = visibleInWindow(ctx.etfFlows, peakDate, endDate, asOf);
  const etfNetFlowUsd = flows.length > 0 ? flows.reduce((s, f) => s + f.netFlowUsd, 0) : null;
  const aum = near(ctx.etfAumUsd, peakDate);
  const liq = visibleInWindow(ctx.longLiquidationsUsd, peakDate, endDate, asOf);
  const peakLiq = liq.reduce<(typeof liq)[number] | null>((m, p) => (m === null || p.value > m.value ? p : m), null);
  let dvSum = 0;
  let dvDays = 0;
  for (let i = peakIndex + 1; i <= endIndex; i += 1) {
    const v = ctx.dollarVolumeUsd[i];
    if (v === null || v === undefined || ctx.volumeVisibleOn[i]! > asOf) continue;
    dvSum += v;
    dvDays += 1;
  }
  const { longLiquidationsMedianUsd, dollarVolumeMedianUsd } = baseline;
  return {
    perpOiCoinsChangePct: pctChange(
      oiCoins(peakDate, ctx.spot[peakIndex]!.close),
      oiCoins(endDate, ctx.spot[endIndex]!.close),
    ),
    cftcOiChangePct: cftc?.pct ?? null,
    cftcReports: cftc === null ? null : { from: cftc.from, to: cftc.to },
    etfHoldingsChangePct: pctChange(near(ctx.etfHoldingsCoins, peakDate), near(ctx.etfHoldingsCoins, endDate)),
    etfNetFlowUsd,
    etfFlowShareOfAum: etfNetFlowUsd !== null && aum !== null && aum > 0 ? etfNetFlowUsd / aum : null,
    longLiquidationsPeakUsd: peakLiq?.value ?? null,
    longLiquidationsPeakDate: peakLiq?.date ?? null,
    longLiquidationsMedianUsd,
    longLiquidationsMultiple:
      peakLiq !== null && longLiquidationsMedianUsd !== null ? peakLiq.value / longLiquidationsMedianUsd : null,
    dollarVolumeRatio:
      dvDays > 0 && dollarVolumeMedianUsd !== null && dollarVolumeMedianUsd > 0
        ? dvSum / dvDays / dollarVolumeMedianUsd
        : null,
  };
}
