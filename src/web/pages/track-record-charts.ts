// The Track record page's three ECharts: the close with the engine's calls as coloured bands, the dated
// turning points and a strip of every call against hindsight; the reliability diagram of the confidence;
// the equity of following each engine against buy-and-hold. Each returns the points it drew.
import type { ECharts } from 'echarts/core';
import { PHASE_LABELS, type PhaseLabel } from '../../domain/analysis.js';
import { IN_SAMPLE_END } from '../../domain/sample-split.js';
import type {
  TrackRecordDay,
  TrackRecordEngineId,
  TrackRecordPeriodResult,
  TurningPoint,
} from '../../domain/track-record.js';
import { chartStart, labelRuns, type RunSource } from '../../domain/track-record-views.js';
import { formatDecimal, formatPrice } from '../../format/numbers.js';
import { formatPercent } from '../../format/percent.js';
import { themedAxis, themedBase } from '../charts/ec.js';
import { palette, type Palette } from '../theme.js';

/** The dashboard's phase colours (as on the overview): up green, decline red, bottoming amber, topping purple. */
export function labelColours(p: Palette): Record<PhaseLabel, string> {
  return {
    uptrend: p.up,
    'trend-decline': p.down,
    bottoming: p.series[1] ?? p.accent,
    topping: p.series[3] ?? p.accent,
  };
}

/** Each engine's colour, the same in every chart of the page (the engine in the accent colour). */
export function engineColours(p: Palette): Record<TrackRecordEngineId, string> {
  return { engine: p.accent, sma200: p.series[7] ?? p.muted, sma50and200: p.series[1] ?? p.muted };
}

const DAY_MS = 86_400_000;
const time = (date: string): number => Date.parse(`${date}T00:00:00Z`);

interface RectApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(point: [number, number]): [number, number];
}

/** A log axis when values span a factor of 8 or more, else a linear one fitted to them. */
function valueAxis(values: readonly number[], name: string, format: (v: number) => string): Record<string, unknown> {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const log = lo > 0 && hi / lo >= 8;
  return themedAxis({
    type: log ? 'log' : 'value',
    scale: true,
    name: log && name !== '' ? `${name} (log)` : name,
    ...(log ? { min: lo * 0.9, max: hi * 1.1 } : {}),
    axisLabel: { color: palette().muted, formatter: format, showMinLabel: !log, showMaxLabel: !log },
  });
}

/** Draws the price chart; returns the number of closes drawn. */
export function drawPriceChart(
  chart: ECharts,
  days: readonly TrackRecordDay[],
  turningPoints: readonly TurningPoint[],
  split: boolean,
  names: Readonly<Record<RunSource, string>>,
): number {
  const start = chartStart(days);
  if (start === null) return 0;
  const shown = days.filter((d) => d.date >= start);
  const p = palette();
  const colours = labelColours(p);
  const rows: RunSource[] = ['hindsight', 'engine', 'sma50and200', 'sma200'];
  const strips = rows.flatMap((source, r) =>
    labelRuns(days, source, { from: start }).map((run) => [
      time(run.from),
      time(run.to) + DAY_MS,
      r,
      run.label === null ? -1 : PHASE_LABELS.indexOf(run.label),
    ]),
  );
  const bands = labelRuns(days, 'engine', { from: start }).filter((r) => r.label !== null);
  const turns = turningPoints.filter((t) => t.date >= start);
  const xAxis = themedAxis({ type: 'time', min: time(start), max: time(shown.at(-1)!.date) });
  const turnSeries = (kind: 'peak' | 'trough') => ({
    name: kind === 'peak' ? 'dated peak' : 'dated trough',
    type: 'scatter',
    symbol: 'triangle',
    symbolSize: 8,
    symbolRotate: kind === 'peak' ? 180 : 0,
    itemStyle: { color: kind === 'peak' ? p.down : p.up },
    label: {
      show: true,
      position: kind === 'peak' ? 'top' : 'bottom',
      fontSize: 9,
      color: p.muted,
      formatter: (x: { value: [number, number] }) => new Date(x.value[0]).toISOString().slice(0, 10),
    },
    labelLayout: { hideOverlap: true },
    data: turns.filter((t) => t.kind === kind).map((t) => [time(t.date), t.close]),
  });
  const base = themedBase();
  chart.setOption({
    ...base,
    legend: {
      ...(base['legend'] as object),
      data: ['close', 'dated peak', 'dated trough', ...PHASE_LABELS.map((name) => ({ name, icon: 'rect' }))],
    },
    grid: [
      { left: 64, right: 16, top: 34, bottom: 132 },
      { left: 64, right: 16, height: 84, bottom: 26 },
    ],
    xAxis: [xAxis, { ...xAxis, gridIndex: 1 }],
    yAxis: [
      valueAxis(
        shown.map((d) => d.close),
        'close',
        (v) => formatPrice(v),
      ),
      themedAxis({
        type: 'category',
        gridIndex: 1,
        inverse: true,
        data: rows.map((r) => names[r]),
        axisTick: { show: false },
        splitLine: { show: false },
      }),
    ],
    // filterMode none: a band or strip reaching past the window's edge is clipped, not dropped.
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1], filterMode: 'none' }],
    series: [
      {
        name: 'close',
        type: 'line',
        showSymbol: false,
        sampling: 'lttb',
        lineStyle: { color: p.text, width: 1 },
        itemStyle: { color: p.text },
        data: shown.map((d) => [time(d.date), d.close]),
        markArea: {
          silent: true,
          data: bands.map((r) => [
            { xAxis: time(r.from), itemStyle: { color: colours[r.label!], opacity: 0.16 } },
            { xAxis: time(r.to) + DAY_MS },
          ]),
        },
        ...(split
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: p.muted },
                label: { formatter: '← in-sample | out-of-sample →', color: p.muted, fontSize: 10 },
                data: [{ xAxis: time(IN_SAMPLE_END) + DAY_MS }],
              },
            }
          : {}),
      },
      turnSeries('peak'),
      turnSeries('trough'),
      ...PHASE_LABELS.map((name) => ({ name, type: 'line', data: [], itemStyle: { color: colours[name] } })),
      {
        name: 'calls vs hindsight',
        type: 'custom',
        xAxisIndex: 1,
        yAxisIndex: 1,
        tooltip: { show: false },
        renderItem: (_params: unknown, api: RectApi) => {
          const from = api.coord([api.value(0), api.value(2)]);
          const to = api.coord([api.value(1), api.value(2)]);
          const height = api.size([0, 1])[1] * 0.7;
          const label = api.value(3);
          return {
            type: 'rect',
            shape: { x: from[0], y: from[1] - height / 2, width: Math.max(0.5, to[0] - from[0]), height },
            style: { fill: label < 0 ? p.grid : colours[PHASE_LABELS[label]!] },
          };
        },
        encode: { x: [0, 1], y: 2 },
        data: strips,
      },
    ],
  });
  return shown.length;
}

/** Draws the reliability diagram of a period; returns the bins drawn (0: no scored call). */
export function drawReliabilityChart(chart: ECharts, period: TrackRecordPeriodResult): number {
  const c = period.engines.engine.calibration;
  const bins = (c?.bins ?? []).filter((b) => b.calls > 0 && b.meanConfidence !== null && b.shareRight !== null);
  if (c === null || bins.length === 0) return 0;
  const p = palette();
  const most = Math.max(...bins.map((b) => b.calls));
  const axis = (name: string) =>
    themedAxis({
      type: 'value',
      min: 0,
      max: 1,
      name,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { color: p.muted, formatter: (v: number) => formatPercent(v, 0) },
    });
  chart.setOption({
    ...themedBase(),
    tooltip: {
      ...(themedBase()['tooltip'] as object),
      trigger: 'item',
      formatter: (x: { seriesIndex: number; value: number[] }) =>
        x.seriesIndex === 2
          ? `confidence ${formatPercent(x.value[0])}: ${formatPercent(x.value[1])} right of ${x.value[2]} calls`
          : '',
    },
    grid: { left: 56, right: 16, top: 34, bottom: 44 },
    xAxis: axis('confidence of the call (bin mean)'),
    yAxis: axis('share right in hindsight'),
    series: [
      {
        name: 'perfect probability',
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dashed', color: p.muted },
        itemStyle: { color: p.muted },
        data: [
          [0, 0],
          [1, 1],
        ],
      },
      {
        name: `constant hit rate ${formatPercent(c.constantRate)}`,
        type: 'line',
        showSymbol: false,
        lineStyle: { type: 'dotted', color: p.series[1] },
        itemStyle: { color: p.series[1] },
        data: [
          [0, c.constantRate],
          [1, c.constantRate],
        ],
      },
      {
        name: `engine (Brier ${formatDecimal(c.brier, 3)} vs ${formatDecimal(c.constantRateBrier, 3)})`,
        type: 'line',
        lineStyle: { color: p.accent },
        itemStyle: { color: p.accent },
        symbolSize: (value: number[]) => 5 + 14 * Math.sqrt((value[2] ?? 0) / most),
        data: bins.map((b) => [b.meanConfidence, b.shareRight, b.calls]),
      },
    ],
  });
  return bins.length;
}

/** Draws the equity curves of a period; returns the days drawn. */
export function drawEquityChart(
  chart: ECharts,
  period: TrackRecordPeriodResult,
  names: Readonly<Record<'engine' | 'sma200' | 'sma50and200', string>>,
): number {
  const curves = period.equityCurves;
  if (curves.length === 0) return 0;
  const p = palette();
  const line = (name: string, key: 'engine' | 'sma200' | 'sma50and200' | 'buyAndHold', colour: string) => ({
    name,
    type: 'line',
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: {
      color: colour,
      width: key === 'engine' ? 2 : 1.2,
      ...(key === 'buyAndHold' ? { type: 'dashed' } : {}),
    },
    itemStyle: { color: colour },
    data: curves.map((c) => [time(c.date), c[key]]),
  });
  chart.setOption({
    ...themedBase(),
    grid: { left: 56, right: 16, top: 34, bottom: 28 },
    xAxis: themedAxis({ type: 'time' }),
    yAxis: valueAxis(
      curves.flatMap((c) => [c.engine, c.sma200, c.sma50and200, c.buyAndHold]),
      '',
      (v) => `${formatDecimal(v)}×`,
    ),
    series: [
      line(names.engine, 'engine', engineColours(p).engine),
      line(names.sma200, 'sma200', engineColours(p).sma200),
      line(names.sma50and200, 'sma50and200', engineColours(p).sma50and200),
      line('buy and hold', 'buyAndHold', p.text),
    ],
  });
  return curves.length;
}
