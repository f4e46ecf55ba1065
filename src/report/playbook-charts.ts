// The playbook section's charts, from a backtest period: each strategy's equity against buy-and-hold,
// their drawdowns, their exposure to the asset, and the price with the trades of the two playbooks
// (phased accumulation, right-side confirmation) marked on it. Long windows are thinned to at most
// MAX_POINTS points per line: equity keeps each bucket's last day, drawdown its deepest day.
import type { BacktestCurvePoint, BacktestPeriodResult, BacktestResult } from '../domain/backtest.js';
import { formatUsd } from '../format/money.js';
import { formatPct } from '../format/percent.js';
import { renderChartSvg, type RenderedChart } from './chart-svg.js';

/** Points per line above which a curve is thinned (one point per bucket of days). */
export const MAX_POINTS = 700;

const timeAxis = { type: 'time', axisLabel: { hideOverlap: true } } as const;
const grid = { left: 70, right: 30, top: 40, bottom: 30 } as const;
const legend = { top: 4, type: 'plain' } as const;
/** Strategies whose trades the price chart marks, with their marker colours (buy, sell). */
const MARKED: readonly { readonly id: string; readonly buy: string; readonly sell: string }[] = [
  { id: 'phased-accumulation', buy: '#2e8b57', sell: '#8b2e2e' },
  { id: 'right-side-confirmation', buy: '#d9822b', sell: '#c0504d' },
];

/**
 * Thins `points` to at most `max`: consecutive buckets of equal size, each represented by the point
 * `pick` prefers; the first and last points are always kept (`max` below 3 keeps every point).
 */
export function thinCurve<T>(points: readonly T[], max: number, pick: (a: T, b: T) => T): T[] {
  if (points.length <= max || max < 3) return [...points];
  const size = Math.ceil((points.length - 2) / (max - 2));
  const out: T[] = [points[0] as T];
  for (let i = 1; i < points.length - 1; i += size) {
    let chosen = points[i] as T;
    for (let j = i + 1; j < Math.min(i + size, points.length - 1); j += 1) chosen = pick(chosen, points[j] as T);
    out.push(chosen);
  }
  out.push(points[points.length - 1] as T);
  return out;
}

const later = (_a: BacktestCurvePoint, b: BacktestCurvePoint): BacktestCurvePoint => b;
const deeper = (a: BacktestCurvePoint, b: BacktestCurvePoint): BacktestCurvePoint => (b.drawdown >= a.drawdown ? b : a);

function curveLines(
  period: BacktestPeriodResult,
  value: (p: BacktestCurvePoint) => number,
  pick: (a: BacktestCurvePoint, b: BacktestCurvePoint) => BacktestCurvePoint,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  return period.runs.map((run) => ({
    name: run.title,
    type: 'line',
    showSymbol: false,
    ...extra,
    lineStyle: { width: run.strategy === 'buy-and-hold' ? 2.5 : 1.5 },
    data: thinCurve(run.curve, MAX_POINTS, pick).map((p) => [p.date, value(p)]),
  }));
}

const hasCurves = (period: BacktestPeriodResult): boolean => period.runs.some((r) => r.curve.length > 0);

/**
 * Each strategy's equity (USD) over the period, buy-and-hold drawn thicker as the reference; `log`
 * draws a logarithmic axis (years of a 60-fold rise stay readable).
 */
export function equityCurvesChart(
  period: BacktestPeriodResult,
  id: string,
  title: string,
  options: { readonly log?: boolean } = {},
): RenderedChart | null {
  if (!hasCurves(period)) return null;
  const svg = renderChartSvg(
    {
      legend,
      grid,
      xAxis: timeAxis,
      yAxis: {
        type: options.log ? 'log' : 'value',
        scale: true,
        axisLabel: { formatter: (v: number): string => formatUsd(v) },
      },
      series: curveLines(period, (p) => p.equityUsd, later),
    },
    { height: 320 },
  );
  return { id, title, svg };
}

/** Each strategy's drawdown from its running peak, in percent (0 at a new high, downwards). */
export function drawdownCurvesChart(period: BacktestPeriodResult, id: string, title: string): RenderedChart | null {
  if (!hasCurves(period)) return null;
  const svg = renderChartSvg(
    {
      legend,
      grid,
      xAxis: timeAxis,
      yAxis: { type: 'value', max: 0, axisLabel: { formatter: (v: number): string => formatPct(v, 0) } },
      series: curveLines(period, (p) => -p.drawdown * 100, deeper),
    },
    { height: 240 },
  );
  return { id, title, svg };
}

/** Each strategy's share of equity in the asset (0–100 %), as steps. */
export function exposureChart(period: BacktestPeriodResult, id: string, title: string): RenderedChart | null {
  if (!hasCurves(period)) return null;
  const svg = renderChartSvg(
    {
      legend,
      grid,
      xAxis: timeAxis,
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number): string => formatPct(v, 0) } },
      series: curveLines(period, (p) => p.exposure * 100, later, { step: 'end' }),
    },
    { height: 220 },
  );
  return { id, title, svg };
}

/**
 * The close over the result's window with the buys (triangles up) and sells (triangles down) of
 * phased accumulation and right-side confirmation in `period`. Null without closes.
 */
export function tradesOnPriceChart(
  result: BacktestResult,
  period: BacktestPeriodResult,
  id: string,
  title: string,
): RenderedChart | null {
  const closes = result.closes.filter((c) => c.date >= period.from && c.date <= period.to);
  if (closes.length === 0) return null;
  const markers = MARKED.flatMap((m) => {
    const run = period.runs.find((r) => r.strategy === m.id);
    if (run === undefined) return [];
    return (['buy', 'sell'] as const).map((side) => ({
      name: `${run.title}: ${side}s`,
      type: 'scatter',
      symbol: 'triangle',
      symbolSize: 9,
      symbolRotate: side === 'buy' ? 0 : 180,
      itemStyle: { color: side === 'buy' ? m.buy : m.sell },
      data: run.trades.filter((t) => t.side === side).map((t) => [t.date, t.priceUsd]),
    }));
  });
  const svg = renderChartSvg(
    {
      legend,
      grid,
      xAxis: timeAxis,
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number): string => formatUsd(v) } },
      series: [
        {
          name: `${result.asset} close`,
          type: 'line',
          showSymbol: false,
          lineStyle: { color: '#7f7f7f' },
          data: thinCurve(closes, MAX_POINTS, (_a, b) => b).map((c) => [c.date, c.close]),
        },
        ...markers,
      ],
    },
    { height: 320 },
  );
  return { id, title, svg };
}
