// lightweight-charts 5 helpers for the financial time series: a themed time chart, line and
// histogram series from dated points. The library's attribution logo is kept (its licence asks for it).
import {
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type LineData,
  type HistogramData,
  type Time,
} from 'lightweight-charts';
import { formatDate, formatShortDate } from '../../format/dates.js';
import type { DatedPoint } from '../read.js';
import { palette } from '../theme.js';

/** The series drawn on each chart (CSV column name and points), for the card's CSV download. */
const drawnSeries = new WeakMap<IChartApi, { name: string; points: readonly DatedPoint[] }[]>();

/** The series added to `chart` through addLine/addHistogram, in order. */
export function chartSeries(chart: IChartApi): readonly { name: string; points: readonly DatedPoint[] }[] {
  return drawnSeries.get(chart) ?? [];
}

function remember(chart: IChartApi, name: string, points: readonly DatedPoint[]): void {
  const list = drawnSeries.get(chart) ?? [];
  list.push({ name, points });
  drawnSeries.set(chart, list);
}

/** A lightweight-charts time (business day object, ISO string or UTC seconds) as YYYY-MM-DD. */
export function isoOfTime(time: Time): string {
  if (typeof time === 'string') return time;
  if (typeof time === 'number') return new Date(time * 1000).toISOString().slice(0, 10);
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** A themed chart filling `container` (autoSize); panes are added by series pane index. */
export function createTimeChart(container: HTMLElement): IChartApi {
  const p = palette();
  return createChart(container, {
    autoSize: true,
    layout: { background: { color: p.background }, textColor: p.text, attributionLogo: true, fontSize: 11 },
    grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
    // Only whole labels on the price axes: a tick at the pane's top edge was drawn cut in half.
    rightPriceScale: { borderColor: p.grid, entireTextOnly: true },
    leftPriceScale: { borderColor: p.grid, entireTextOnly: true },
    // Desks read "18 Aug" on the axis, "18 Aug 2026" under the crosshair; a year tick is the year.
    timeScale: {
      borderColor: p.grid,
      // A few bars of room after the last one, so its date label is not cut by the price axis.
      rightOffset: 3,
      tickMarkFormatter: (time: Time, tickMarkType: number): string =>
        tickMarkType === 0 ? isoOfTime(time).slice(0, 4) : formatShortDate(isoOfTime(time)),
    },
    localization: { timeFormatter: (time: Time): string => formatDate(isoOfTime(time)) },
    crosshair: { mode: 0 },
  });
}

function lineData(points: readonly DatedPoint[]): LineData<Time>[] {
  return points.map((p) => ({ time: p.date as Time, value: p.value }));
}

/** Adds a line series of `points` (ascending dates) on `scale` ('right' default) in `pane` (0). */
export function addLine(
  chart: IChartApi,
  points: readonly DatedPoint[],
  options: {
    color: string;
    title: string;
    scale?: 'left' | 'right';
    pane?: number;
    format?: (v: number) => string;
    /** CSV column name with its unit (default the title). */
    column?: string;
  },
): ISeriesApi<'Line'> {
  const series = chart.addSeries(
    LineSeries,
    {
      color: options.color,
      lineWidth: 2,
      title: options.title,
      priceScaleId: options.scale ?? 'right',
      ...(options.format ? { priceFormat: { type: 'custom', formatter: options.format, minMove: 1e-9 } } : {}),
    },
    options.pane ?? 0,
  );
  series.setData(lineData(points));
  remember(chart, options.column ?? options.title, points);
  if (options.scale === 'left') chart.priceScale('left', options.pane ?? 0).applyOptions({ visible: true });
  return series;
}

/** Adds a histogram; each bar is coloured by `colorOf(value)` (e.g. red below zero). */
export function addHistogram(
  chart: IChartApi,
  points: readonly DatedPoint[],
  options: {
    title: string;
    colorOf: (v: number) => string;
    pane?: number;
    format?: (v: number) => string;
    /** CSV column name with its unit (default the title). */
    column?: string;
  },
): ISeriesApi<'Histogram'> {
  const series = chart.addSeries(
    HistogramSeries,
    {
      title: options.title,
      ...(options.format ? { priceFormat: { type: 'custom', formatter: options.format, minMove: 1e-9 } } : {}),
    },
    options.pane ?? 0,
  );
  const data: HistogramData<Time>[] = points.map((p) => ({
    time: p.date as Time,
    value: p.value,
    color: options.colorOf(p.value),
  }));
  series.setData(data);
  remember(chart, options.column ?? options.title, points);
  return series;
}
