// ECharts 6 for the non-financial plots, importing only the pieces used (bar, line, scatter,
// custom; grid, tooltip, legend, mark areas/lines, data zoom, label layout; SVG renderer) to keep the bundle small.
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { palette } from '../theme.js';
import { addCsvButton } from '../csv.js';
import { echartsCsv } from './echarts-csv.js';

use([
  BarChart,
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  DataZoomComponent,
  LabelLayout,
  SVGRenderer,
]);

/** An SVG-rendered chart in `container`, resized with the window; returns it and its disposer. */
export function createEChart(container: HTMLElement): { chart: ECharts; dispose: () => void } {
  const chart = init(container, null, { renderer: 'svg' });
  // Every chart downloads what it draws, unless its page gives the card a CSV of its own.
  const cardEl = container.closest('section.card');
  if (cardEl && cardEl.querySelector('button.csv') === null) {
    addCsvButton(container, cardEl.id !== '' ? cardEl.id : 'chart', () => echartsCsv(chart));
    // A table in the same card (drawn now or later) takes the button over: see addMissingTableCsvButtons.
    const button = cardEl.querySelector<HTMLElement>('button.csv');
    if (button) button.dataset['auto'] = 'chart';
  }
  const onResize = (): void => chart.resize();
  window.addEventListener('resize', onResize);
  return {
    chart,
    dispose: () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    },
  };
}

/** Axis/legend/text colours for the theme in force, to spread into an option. */
export function themedBase(): Record<string, unknown> {
  const p = palette();
  return {
    backgroundColor: 'transparent',
    color: [...p.series],
    // ECharts measures text on a canvas: it needs a real font family, not 'inherit'.
    textStyle: { color: p.text, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    legend: { textStyle: { color: p.text }, top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', backgroundColor: p.background, borderColor: p.grid, textStyle: { color: p.text } },
  };
}

/** A themed axis (time, value or category) with grid lines in the palette. */
export function themedAxis(extra: Record<string, unknown>): Record<string, unknown> {
  const p = palette();
  return {
    axisLine: { lineStyle: { color: p.muted } },
    axisLabel: { color: p.muted },
    splitLine: { lineStyle: { color: p.grid } },
    ...extra,
  };
}
