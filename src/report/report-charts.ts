// The note's five charts, built from the market series and the analysis: ETF net flows with their
// cumulative sum, perp OI against price, funding, CME OI and basis, and the de-risking waves on
// one time axis. A chart whose series are empty is not drawn (null): the note says so instead.
import type { Wave } from '../domain/analysis.js';
import type { DatedValue, MarketSeries } from '../domain/market-series.js';
import type { MarketEvent } from '../domain/events.js';
import { SEGMENTS } from '../domain/analysis.js';
import { addDays, daysBetween } from '../domain/dates.js';
import { capitalise, SEGMENT_NAMES } from '../domain/labels/code-names.js';
import { formatDate } from '../format/dates.js';
import { renderChartSvg, type RenderedChart } from './chart-svg.js';
import { formatUsd } from '../format/money.js';
import { formatPct } from '../format/percent.js';

const usdAxis = { type: 'value', scale: true, axisLabel: { formatter: (v: number): string => formatUsd(v) } } as const;
const timeAxis = { type: 'time', axisLabel: { hideOverlap: true } } as const;
const grid = { left: 70, right: 70, top: 40, bottom: 30 } as const;
const legend = { top: 4 } as const;

/** Sums fund flows per date: the daily net flow across all funds, ascending by date. */
export function dailyNetFlows(series: MarketSeries): DatedValue[] {
  const byDate = new Map<string, number>();
  for (const f of series.etfFlows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.netFlowUsd);
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, value]) => ({ date, value }));
}

/** Running sum of a dated series. */
export function cumulative(values: readonly DatedValue[]): DatedValue[] {
  let total = 0;
  return values.map((v) => ({ date: v.date, value: (total += v.value) }));
}

const pairs = (values: readonly DatedValue[]): [string, number][] => values.map((v) => [v.date, v.value]);

/** A time-series chart with two USD axes (left and right, named) and the given series. */
function twoUsdAxisChart(leftAxis: string, rightAxis: string, series: readonly Record<string, unknown>[]): string {
  return renderChartSvg({
    legend,
    grid,
    xAxis: timeAxis,
    yAxis: [
      { ...usdAxis, name: leftAxis },
      { ...usdAxis, name: rightAxis, splitLine: { show: false } },
    ],
    series,
  });
}

/** Daily ETF net flows (bars, red for outflows) and the cumulative net flow (line, right axis). */
export function etfFlowsChart(series: MarketSeries): RenderedChart | null {
  const daily = dailyNetFlows(series);
  if (daily.length === 0) return null;
  const svg = twoUsdAxisChart('daily', 'cumulative', [
    {
      name: 'Daily net flow',
      type: 'bar',
      data: daily.map((d) => ({ value: [d.date, d.value], itemStyle: { color: d.value < 0 ? '#c0504d' : '#2e8b57' } })),
    },
    {
      name: 'Cumulative',
      type: 'line',
      yAxisIndex: 1,
      showSymbol: false,
      data: pairs(cumulative(daily)),
      lineStyle: { color: '#1f4e79' },
    },
  ]);
  return { id: 'etf-flows', title: `${series.asset} spot ETF net flows, daily and cumulative`, svg };
}

/** Aggregate perp open interest (USD, left axis) against the spot close (right axis). */
export function perpOpenInterestChart(series: MarketSeries): RenderedChart | null {
  if (series.openInterestUsd.length === 0) return null;
  const svg = twoUsdAxisChart('open interest', 'price', [
    {
      name: 'Perp open interest',
      type: 'line',
      showSymbol: false,
      areaStyle: { opacity: 0.15 },
      data: pairs(series.openInterestUsd),
    },
    {
      name: 'Spot close',
      type: 'line',
      yAxisIndex: 1,
      showSymbol: false,
      data: series.spot.map((b) => [b.date, b.close]),
    },
  ]);
  return { id: 'perp-oi', title: `${series.asset} perpetual futures open interest and price`, svg };
}

/** Daily mean funding rate, in percent per 8h. */
export function fundingChart(series: MarketSeries): RenderedChart | null {
  if (series.fundingRate8h.length === 0) return null;
  const svg = renderChartSvg(
    {
      grid,
      xAxis: timeAxis,
      yAxis: { type: 'value', name: '% per 8h', axisLabel: { formatter: (v: number): string => formatPct(v, 3) } },
      series: [
        {
          name: 'Funding rate',
          type: 'bar',
          data: series.fundingRate8h.map((f) => ({
            value: [f.date, f.value * 100],
            itemStyle: { color: f.value < 0 ? '#c0504d' : '#1f4e79' },
          })),
        },
      ],
    },
    { height: 220 },
  );
  return { id: 'funding', title: `${series.asset} perpetual funding rate (daily mean)`, svg };
}

/** CME open interest valued at the close (USD, left) and the front-month basis (USD per coin, right). */
export function cmeChart(series: MarketSeries): RenderedChart | null {
  const oi = series.cme
    .filter((d) => d.openInterestContracts !== null)
    .map((d): DatedValue => ({ date: d.date, value: (d.openInterestContracts ?? 0) * d.coinsPerContract * d.close }));
  if (oi.length === 0 && series.cmeBasisUsd.length === 0) return null;
  const svg = twoUsdAxisChart('open interest', 'basis / coin', [
    { name: 'CME open interest', type: 'line', showSymbol: false, data: pairs(oi) },
    { name: 'Basis (futures - spot)', type: 'line', yAxisIndex: 1, showSymbol: false, data: pairs(series.cmeBasisUsd) },
  ]);
  return { id: 'cme', title: `${series.asset} CME futures open interest and basis`, svg };
}

/**
 * The de-risking waves as bars on one time axis, one row per segment (perps, cme, etf), with the
 * events as vertical markers. An open wave (end null) runs to `asOf`.
 */
export function wavesChart(waves: readonly Wave[], events: readonly MarketEvent[], asOf: string): RenderedChart | null {
  if (waves.length === 0) return null;
  const rows = SEGMENTS.filter((s) => waves.some((w) => w.segment === s));
  const first = addDays(
    waves.reduce((d, w) => (w.start < d ? w.start : d), asOf),
    -3,
  );
  const middle = addDays(first, Math.round(daysBetween(first, asOf) / 2));
  const shown = events.filter((e) => e.date >= first && e.date <= asOf);
  // One marker per date; several events on a day share it.
  const byDate = new Map<string, string[]>();
  // Events named by their titles, cut short; rows named in words ("Spot ETFs").
  const short = (title: string): string => (title.length > 40 ? `${title.slice(0, 39).trimEnd()}…` : title);
  for (const e of shown) byDate.set(e.date, [...(byDate.get(e.date) ?? []), short(e.title)]);
  const rowName = (segment: Wave['segment']): string => capitalise(SEGMENT_NAMES[segment]);
  const svg = renderChartSvg(
    {
      grid: { left: 120, right: 30, top: 20 + byDate.size * 14, bottom: 30 },
      xAxis: { ...timeAxis, min: first, max: asOf },
      yAxis: { type: 'category', data: rows.map(rowName), inverse: true },
      series: [
        ...waves.map((w, i) => ({
          name: `${w.segment} wave ${i + 1}`,
          type: 'line',
          symbol: 'none',
          lineStyle: { width: 16, color: ['#1f4e79', '#d9822b', '#c0504d'][SEGMENTS.indexOf(w.segment)] },
          data: [
            [w.start, rowName(w.segment)],
            [w.end ?? asOf, rowName(w.segment)],
          ],
        })),
        {
          name: 'events',
          type: 'line',
          data: [],
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#7f7f7f' },
            data: [...byDate.entries()].map(([date, ids], i) => ({
              xAxis: date,
              name: `${formatDate(date)} ${ids.join(' / ')}`,
              label: {
                formatter: '{b}',
                fontSize: 9,
                position: 'start',
                rotate: 0,
                distance: 2 + i * 14,
                color: '#555',
                align: date < middle ? 'left' : 'right',
              },
            })),
          },
        },
      ],
    },
    { height: 60 + byDate.size * 14 + rows.length * 50 },
  );
  return { id: 'waves', title: 'De-risking waves by segment, on one time axis', svg };
}
