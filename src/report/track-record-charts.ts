// The note's track-record charts, rendered server-side: the price with the engine's calls as coloured
// bands, the dated turning points and a strip comparing every call with hindsight; the reliability
// diagram of the confidence; the equity of following each engine against buy-and-hold.
import { PHASE_LABELS, type PhaseLabel } from '../domain/analysis.js';
import { addDays } from '../domain/dates.js';
import { PHASE_NAMES } from '../domain/labels/code-names.js';
import { IN_SAMPLE_END } from '../domain/sample-split.js';
import type { TrackRecord, TrackRecordPeriodResult } from '../domain/track-record.js';
import { chartStart, labelRuns, type RunSource } from '../domain/track-record-views.js';
import { formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';
import { TRACK_RECORD_ENGINE_NAMES } from '../track-record/track-record.js';
import { renderChartSvg, type RenderedChart } from './chart-svg.js';

/** One colour per phase label, the same in every chart of the note. */
export const LABEL_COLOURS: Readonly<Record<PhaseLabel, string>> = {
  uptrend: '#2e8b57',
  topping: '#d9822b',
  'trend-decline': '#c0504d',
  bottoming: '#1f4e79',
};
const UNSETTLED_COLOUR = '#bbbbbb';
const ENGINE_COLOURS = { engine: '#1f4e79', sma200: '#7f7f7f', sma50and200: '#d9822b', buyAndHold: '#1b1b1b' };

/** The strip rows under the price, top to bottom. */
const STRIP_ROWS: readonly { source: RunSource; name: string }[] = [
  { source: 'hindsight', name: 'hindsight' },
  { source: 'engine', name: 'engine' },
  { source: 'sma50and200', name: TRACK_RECORD_ENGINE_NAMES.sma50and200 },
  { source: 'sma200', name: TRACK_RECORD_ENGINE_NAMES.sma200 },
];

const time = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Points kept per line: about one per pixel column of the note's 760-px charts. */
export const MAX_LINE_POINTS = 760;

/**
 * At most about `maxPoints` of `points` (ascending dates) for drawing: the first and last, and in each
 * of maxPoints / 2 equal buckets its lowest and highest value in date order, so peaks and troughs stay
 * where the turning-point markers are. Shorter series are returned as they are.
 */
export function decimate<T>(points: readonly T[], value: (p: T) => number, maxPoints = MAX_LINE_POINTS): T[] {
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = points.length / buckets;
  const kept: T[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(points.length, Math.floor((b + 1) * size));
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (value(points[i]!) < value(points[lo]!)) lo = i;
      if (value(points[i]!) > value(points[hi]!)) hi = i;
    }
    for (const i of lo <= hi ? [lo, hi] : [hi, lo])
      if (i > 0 && i < points.length - 1 && kept.at(-1) !== points[i]) kept.push(points[i]!);
  }
  kept.push(points[points.length - 1]!);
  return kept;
}

/** A log axis when the values span a factor of 8 or more (years of crypto), else a linear one fitted to them. */
function valueAxis(values: readonly number[], name: string, format: (v: number) => string): Record<string, unknown> {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const log = lo > 0 && hi / lo >= 8;
  return {
    type: log ? 'log' : 'value',
    scale: true,
    name: log ? `${name} (log)` : name,
    // Padded bounds; their own labels (odd numbers between the powers of ten) are left out.
    ...(log ? { min: lo * 0.9, max: hi * 1.1 } : {}),
    axisLabel: { formatter: format, ...(log ? { showMinLabel: false, showMaxLabel: false } : {}) },
  };
}
const suffix = (simulated: boolean): string => (simulated ? ' (SIMULATED DATA)' : '');

interface RectApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(point: [number, number]): [number, number];
}

/**
 * Price (log scale) from a month before the first call, the engine's call in force as a coloured band,
 * each dated peak (▼) and trough (▲) labelled with its date, the in-sample end when the record splits
 * there; below, one strip per source (hindsight, engine, both baselines) coloured by label. Null when
 * the record has no days.
 */
export function trackRecordPriceChart(record: TrackRecord, simulated: boolean): RenderedChart | null {
  const start = chartStart(record.days);
  if (start === null) return null;
  const shown = record.days.filter((d) => d.date >= start);
  const end = shown.at(-1)!.date;
  const line = decimate(shown, (d) => d.close);
  const runs = labelRuns(record.days, 'engine', { from: start }).filter((r) => r.label !== null);
  const turns = record.turningPoints.filter((t) => t.date >= start);
  const split = record.periods.some((p) => p.sample === 'in-sample') && record.periods.length > 1;
  const strips = STRIP_ROWS.flatMap((row, r) =>
    labelRuns(record.days, row.source, { from: start }).map((run) => [
      time(run.from),
      time(addDays(run.to, 1)),
      r,
      run.label === null ? -1 : PHASE_LABELS.indexOf(run.label),
    ]),
  );
  const xAxis = { type: 'time', min: time(start), max: time(end), axisLabel: { hideOverlap: true } };
  const turnSeries = (kind: 'peak' | 'trough') => ({
    name: kind === 'peak' ? 'dated peak' : 'dated trough',
    type: 'scatter',
    symbol: 'triangle',
    symbolSize: 7,
    symbolRotate: kind === 'peak' ? 180 : 0,
    itemStyle: { color: kind === 'peak' ? '#8b0000' : '#004d00' },
    label: {
      show: true,
      position: kind === 'peak' ? 'top' : 'bottom',
      fontSize: 8,
      color: '#444',
      formatter: (p: { value: [string, number] }): string => p.value[0],
    },
    labelLayout: { hideOverlap: true },
    data: turns.filter((t) => t.kind === kind).map((t) => [t.date, t.close]),
  });
  const svg = renderChartSvg(
    {
      legend: {
        top: 2,
        itemWidth: 14,
        textStyle: { fontSize: 10 },
        data: [
          'close',
          'dated peak',
          'dated trough',
          ...PHASE_LABELS.map((label) => ({ name: PHASE_NAMES[label], icon: 'rect' })),
        ],
      },
      grid: [
        { left: 70, right: 20, top: 36, height: 250 },
        { left: 70, right: 20, top: 312, height: 84 },
      ],
      xAxis: [xAxis, { ...xAxis, gridIndex: 1, axisLabel: { show: false } }],
      yAxis: [
        valueAxis(
          shown.map((d) => d.close),
          'close',
          (v) => formatPrice(v),
        ),
        {
          type: 'category',
          gridIndex: 1,
          data: STRIP_ROWS.map((r) => r.name),
          inverse: true,
          axisTick: { show: false },
          axisLabel: { fontSize: 9 },
        },
      ],
      series: [
        {
          name: 'close',
          type: 'line',
          showSymbol: false,
          lineStyle: { color: '#1b1b1b', width: 1 },
          itemStyle: { color: '#1b1b1b' },
          data: line.map((d) => [d.date, d.close]),
          markArea: {
            silent: true,
            data: runs.map((r) => [
              { xAxis: r.from, itemStyle: { color: LABEL_COLOURS[r.label!], opacity: 0.2 } },
              { xAxis: addDays(r.to, 1) },
            ]),
          },
          ...(split
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#555' },
                  label: { formatter: '← in-sample | out-of-sample →', fontSize: 9, position: 'end' },
                  data: [{ xAxis: IN_SAMPLE_END }],
                },
              }
            : {}),
        },
        turnSeries('peak'),
        turnSeries('trough'),
        // Legend entries for the band colours.
        ...PHASE_LABELS.map((label) => ({
          name: PHASE_NAMES[label],
          type: 'line',
          data: [],
          itemStyle: { color: LABEL_COLOURS[label] },
          lineStyle: { color: LABEL_COLOURS[label], width: 6 },
        })),
        {
          name: 'calls vs hindsight',
          type: 'custom',
          xAxisIndex: 1,
          yAxisIndex: 1,
          renderItem: (_params: unknown, api: RectApi) => {
            const from = api.coord([api.value(0), api.value(2)]);
            const to = api.coord([api.value(1), api.value(2)]);
            const height = api.size([0, 1])[1] * 0.7;
            const label = api.value(3);
            return {
              type: 'rect',
              shape: { x: from[0], y: from[1] - height / 2, width: Math.max(0.5, to[0] - from[0]), height },
              style: { fill: label < 0 ? UNSETTLED_COLOUR : LABEL_COLOURS[PHASE_LABELS[label]!] },
            };
          },
          encode: { x: [0, 1], y: 2 },
          data: strips,
        },
      ],
    },
    { height: 420 },
  );
  return {
    id: 'track-record-price',
    title: `${record.asset} close with the engine’s call in force as coloured bands and the dated peaks (▼) and troughs (▲); below, each call against hindsight (grey: not settled yet)${suffix(simulated)}`,
    svg,
  };
}

/**
 * Reliability diagram of one period: per confidence bin with calls, the share right against the mean
 * confidence (dot area ∝ calls), the diagonal of a perfect probability and the constant hit rate.
 * Null when the engine has no scored call in the period.
 */
export function reliabilityChart(
  period: TrackRecordPeriodResult,
  idSuffix: string,
  simulated: boolean,
): RenderedChart | null {
  const c = period.engines.engine.calibration;
  const bins = (c?.bins ?? []).filter((b) => b.calls > 0 && b.meanConfidence !== null && b.shareRight !== null);
  if (c === null || bins.length === 0) return null;
  const most = Math.max(...bins.map((b) => b.calls));
  const percentAxis = (name: string) => ({
    type: 'value',
    min: 0,
    max: 1,
    name,
    nameLocation: 'middle',
    nameGap: 28,
    axisLabel: { formatter: (v: number) => formatPercent(v, 0) },
  });
  const svg = renderChartSvg(
    {
      legend: { top: 2, textStyle: { fontSize: 10 } },
      grid: { left: 60, right: 20, top: 36, bottom: 44 },
      xAxis: percentAxis('confidence of the call (bin mean)'),
      yAxis: percentAxis('share right in hindsight'),
      series: [
        {
          name: 'perfect probability',
          type: 'line',
          showSymbol: false,
          lineStyle: { type: 'dashed', color: '#7f7f7f' },
          itemStyle: { color: '#7f7f7f' },
          data: [
            [0, 0],
            [1, 1],
          ],
        },
        {
          name: `constant hit rate ${formatPercent(c.constantRate)}`,
          type: 'line',
          showSymbol: false,
          lineStyle: { type: 'dotted', color: '#d9822b' },
          itemStyle: { color: '#d9822b' },
          data: [
            [0, c.constantRate],
            [1, c.constantRate],
          ],
        },
        {
          name: `engine (Brier ${formatDecimal(c.brier, 3)} vs ${formatDecimal(c.constantRateBrier, 3)})`,
          type: 'line',
          lineStyle: { color: '#1f4e79' },
          itemStyle: { color: '#1f4e79' },
          symbolSize: (value: [number, number, number]) => 4 + 14 * Math.sqrt(value[2] / most),
          label: { show: true, position: 'right', fontSize: 8, formatter: (p: { value: number[] }) => `${p.value[2]}` },
          data: bins.map((b) => [b.meanConfidence, b.shareRight, b.calls]),
        },
      ],
    },
    { height: 320 },
  );
  return {
    id: `track-record-reliability-${idSuffix}`,
    title: `Reliability of the confidence, ${period.name}: share of calls right against their confidence (numbers: calls per bin)${suffix(simulated)}`,
    svg,
  };
}

/** Growth of 1 following each engine's calls and buying and holding over a period (log scale). Null without curves. */
export function equityChart(
  period: TrackRecordPeriodResult,
  idSuffix: string,
  simulated: boolean,
): RenderedChart | null {
  if (period.equityCurves.length === 0) return null;
  const curves = decimate(period.equityCurves, (p) => p.engine);
  const line = (name: string, key: keyof typeof ENGINE_COLOURS, dashed = false) => ({
    name,
    type: 'line',
    showSymbol: false,
    lineStyle: { color: ENGINE_COLOURS[key], width: key === 'engine' ? 2 : 1.2, ...(dashed ? { type: 'dashed' } : {}) },
    itemStyle: { color: ENGINE_COLOURS[key] },
    data: curves.map((p) => [p.date, p[key]]),
  });
  const svg = renderChartSvg({
    legend: { top: 2, textStyle: { fontSize: 10 } },
    grid: { left: 60, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: valueAxis(
      period.equityCurves.flatMap((p) => [p.engine, p.sma200, p.sma50and200, p.buyAndHold]),
      'growth of 1',
      (v) => `${formatDecimal(v)}×`,
    ),
    series: [
      line(TRACK_RECORD_ENGINE_NAMES.engine, 'engine'),
      line(TRACK_RECORD_ENGINE_NAMES.sma200, 'sma200'),
      line(TRACK_RECORD_ENGINE_NAMES.sma50and200, 'sma50and200'),
      line('buy and hold', 'buyAndHold', true),
    ],
  });
  return {
    id: `track-record-equity-${idSuffix}`,
    title: `Following each engine’s calls vs buying and holding, ${period.name} (costs included)${suffix(simulated)}`,
    svg,
  };
}
