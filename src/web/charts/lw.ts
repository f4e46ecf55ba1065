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
import type { DatedPoint } from '../read.js';
import { palette } from '../theme.js';

/** A themed chart filling `container` (autoSize); panes are added by series pane index. */
export function createTimeChart(container: HTMLElement): IChartApi {
  const p = palette();
  return createChart(container, {
    autoSize: true,
    layout: { background: { color: p.background }, textColor: p.text, attributionLogo: true, fontSize: 11 },
    grid: { vertLines: { color: p.grid }, horzLines: { color: p.grid } },
    rightPriceScale: { borderColor: p.grid },
    leftPriceScale: { borderColor: p.grid },
    timeScale: { borderColor: p.grid },
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
  options: { color: string; title: string; scale?: 'left' | 'right'; pane?: number; format?: (v: number) => string },
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
  if (options.scale === 'left') chart.priceScale('left', options.pane ?? 0).applyOptions({ visible: true });
  return series;
}

/** Adds a histogram; each bar is coloured by `colorOf(value)` (e.g. red below zero). */
export function addHistogram(
  chart: IChartApi,
  points: readonly DatedPoint[],
  options: { title: string; colorOf: (v: number) => string; pane?: number; format?: (v: number) => string },
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
  return series;
}
