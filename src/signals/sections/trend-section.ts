// The trend section of the analysis: SMAs 50/100/200 and the close against each, drawdown from
// the peak, and support/resistance from prior consolidation ranges, with evidence.
import { formatDate, formatDateRange } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import type { MarketSeries } from '../../domain/market-series.js';
import { drawdownFromPeak } from '../drawdown.js';
import { pctFromAverage, sma } from '../moving-average.js';
import { availabilityOf } from '../section.js';
import { formatPrice } from '../../format/numbers.js';
import { formatSignedPct } from '../../format/percent.js';
import { roundTo } from '../series-helpers.js';
import { supportResistance, type SupportResistanceOptions } from '../support-resistance.js';
import type { TrendSection } from '../../domain/sections/trend.js';

/** A fall of 20 % from the peak is the conventional bear-market line. */
const BEAR_DRAWDOWN_PCT = -20;

export interface TrendSectionOptions extends SupportResistanceOptions {
  /** Bars for the drawdown peak; default the whole available history. */
  readonly peakLookbackBars?: number;
}

const above = (close: number | null, avg: number | null): boolean | null =>
  close === null || avg === null ? null : close > avg;

/** Trend figures from the spot bars of a MarketSeries. Options: see SupportResistanceOptions and peakLookbackBars. */
export function trendSection(m: MarketSeries, options: TrendSectionOptions = {}): TrendSection {
  const closes = m.spot.map((b) => b.close);
  const last = m.spot[m.spot.length - 1];
  const close = last?.close ?? null;
  const sma50 = sma(closes, 50);
  const sma100 = sma(closes, 100);
  const sma200 = sma(closes, 200);
  const dd = drawdownFromPeak(m.spot, options.peakLookbackBars);
  const sr = supportResistance(m.spot, options);
  const section = {
    date: last?.date ?? null,
    close,
    sma50,
    sma100,
    sma200,
    aboveSma50: above(close, sma50),
    aboveSma100: above(close, sma100),
    aboveSma200: above(close, sma200),
    pctFromSma200: close === null ? null : pctFromAverage(close, sma200),
    sma50AboveSma200: sma50 === null || sma200 === null ? null : sma50 > sma200,
    drawdownFromPeakPct: dd.drawdownFromPeakPct,
    peakDate: dd.peakDate,
    peakClose: dd.peakClose,
    supports: sr.supports,
    resistances: sr.resistances,
    aboveResistance: sr.aboveResistance,
    lastRange: sr.lastCompletedBox
      ? {
          start: sr.lastCompletedBox.start,
          end: sr.lastCompletedBox.end,
          low: sr.lastCompletedBox.low,
          high: sr.lastCompletedBox.high,
        }
      : null,
  };

  const evidence: Evidence[] = [];
  if (close !== null) {
    const parts = (
      [
        [50, sma50],
        [100, sma100],
        [200, sma200],
      ] as const
    )
      .filter(([, v]) => v !== null)
      .map(([n, v]) => `SMA${n} ${formatPrice(v)} (${formatSignedPct(pctFromAverage(close, v))})`);
    if (parts.length > 0) {
      const w =
        (section.aboveSma200 === null ? 0 : section.aboveSma200 ? 0.5 : -0.5) +
        (section.aboveSma50 === null ? 0 : section.aboveSma50 ? 0.25 : -0.25);
      evidence.push({
        signal: 'trend.movingAverages',
        text: `Close ${formatPrice(close)} on ${formatDate(section.date)} vs ${parts.join(', ')}${section.sma50AboveSma200 === null ? '' : section.sma50AboveSma200 ? '; SMA50 above SMA200' : '; SMA50 below SMA200'}.`,
        value: section.pctFromSma200 !== null ? roundTo(section.pctFromSma200, 2) : null,
        weight: w,
      });
    }
  }
  if (dd.drawdownFromPeakPct !== null && dd.peakClose !== null) {
    evidence.push({
      signal: 'trend.drawdown',
      text: `Close is ${formatSignedPct(dd.drawdownFromPeakPct)} from the ${formatPrice(dd.peakClose)} peak of ${formatDate(dd.peakDate)}${dd.drawdownFromPeakPct <= BEAR_DRAWDOWN_PCT ? ' (bear-market territory)' : ''}.`,
      value: roundTo(dd.drawdownFromPeakPct, 2),
      weight: dd.drawdownFromPeakPct <= BEAR_DRAWDOWN_PCT ? -0.5 : 0,
    });
  }
  if (close !== null && (sr.supports.length > 0 || sr.resistances.length > 0)) {
    const range = section.lastRange;
    const breakout =
      section.aboveResistance === null || range === null
        ? ''
        : section.aboveResistance
          ? `; above the ${formatDateRange(range.start, range.end)} range top ${formatPrice(range.high)} (breakout)`
          : `; not above the ${formatDateRange(range.start, range.end)} range top ${formatPrice(range.high)}`;
    evidence.push({
      signal: 'trend.supportResistance',
      text: `Supports ${sr.supports.map((l) => formatPrice(l)).join(', ') || 'none'}; resistances ${sr.resistances.map((l) => formatPrice(l)).join(', ') || 'none'}${breakout}.`,
      value: sr.resistances[0] ?? null,
      weight: section.aboveResistance === true ? 0.5 : 0,
    });
  }
  return {
    ...section,
    evidence,
    availability: availabilityOf({ spot: m.spot.length > 0, spot200Days: m.spot.length >= 200 }),
  };
}
