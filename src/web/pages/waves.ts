// Waves page: each segment's de-risking waves (perps, ETF, CME) as bars on one time axis, with
// their sizes; a wave still under way runs to the as-of date.
import type { ECharts } from 'echarts/core';
import { formatUsd } from '../../format/money.js';
import { formatDate } from '../../format/dates.js';
import { valueLabel } from '../../domain/labels/code-names.js';
import { addCsvButton, addTableCsvButton } from '../csv.js';
import { dateTick, escapeHtml, formatSize } from '../format.js';
import { palette } from '../theme.js';
import { card, el, notAvailable, type PageContext } from '../ui.js';
import { createEChart, themedAxis, themedBase } from '../charts/ec.js';

const SEGMENT_ORDER = ['perps', 'etf', 'cme'];

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(point: [number, number]): [number, number];
}

/** Renders the waves page into ctx.root. */
/** Bar width (px) below which an ongoing wave's label drops " · ongoing" (the paler bar says it) rather than being cut. */
const ONGOING_LABEL_MIN_PX = 130;

export function renderWaves(ctx: PageContext): void {
  const asOf = ctx.analysis.asOf;
  const waves = ctx.analysis.waves.map((w) => ({ ...w, unit: w.unit ?? 'USD' }));
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const chartBox = card(grid, 'De-risking waves by segment', { chart: true, wide: true, id: 'waves-chart' });
  const tableBox = card(grid, 'Waves', { wide: true, id: 'waves-table' });
  if (waves.length === 0) {
    notAvailable(chartBox, 'Waves');
    notAvailable(tableBox, 'Waves');
    return;
  }
  const segments = [
    ...new Set([...SEGMENT_ORDER.filter((s) => waves.some((w) => w.segment === s)), ...waves.map((w) => w.segment)]),
  ];
  const p = palette();
  const { chart, dispose }: { chart: ECharts; dispose: () => void } = createEChart(chartBox);
  ctx.onDispose(dispose);
  const time = (d: string): number => Date.parse(`${d}T00:00:00Z`);
  chart.setOption({
    ...themedBase(),
    tooltip: { trigger: 'item', formatter: (x: { data?: { label?: string } }) => escapeHtml(x.data?.label ?? '') },
    grid: { left: 12, right: 30, top: 20, bottom: 8, containLabel: true },
    xAxis: themedAxis({
      type: 'time',
      max: time(asOf),
      min: Math.min(...waves.map((w) => time(w.start))) - 14 * 86_400_000,
      axisLabel: {
        color: p.muted,
        hideOverlap: true,
        formatter: dateTick,
      },
    }),
    yAxis: themedAxis({ type: 'category', data: segments.map((s) => valueLabel(s)) }),
    series: [
      {
        type: 'custom',
        renderItem: (_params: unknown, api: RenderApi) => {
          const start = api.coord([api.value(0), api.value(2)]);
          const end = api.coord([api.value(1), api.value(2)]);
          const height = api.size([0, 1])[1] * 0.55;
          const width = Math.max(3, end[0] - start[0]);
          const wave = waves[Math.round(api.value(4))];
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: start[0], y: start[1] - height / 2, width, height },
                style: {
                  fill: p.series[Math.round(api.value(2)) % p.series.length] ?? p.accent,
                  opacity: api.value(3) ? 0.55 : 0.9,
                },
              },
              {
                type: 'text',
                x: start[0] + 6,
                y: start[1],
                style: {
                  text:
                    width > 60 && wave
                      ? `${/^USD/.test(wave.unit) ? formatUsd(wave.size) : String(wave.size ?? '')}${wave.end === null && width > ONGOING_LABEL_MIN_PX ? ' · ongoing' : ''}`
                      : '',
                  fill: '#fff',
                  fontSize: 12,
                  fontWeight: 'bold',
                  verticalAlign: 'middle',
                },
              },
            ],
          };
        },
        encode: { x: [0, 1], y: 2 },
        data: waves.map((w, i) => ({
          value: [
            time(w.start),
            Math.min(time(w.end ?? asOf), time(asOf)),
            segments.indexOf(w.segment),
            w.end === null ? 1 : 0,
            i,
          ],
          label: `${valueLabel(w.segment)}: ${formatDate(w.start)} → ${w.end ? formatDate(w.end) : 'ongoing'}, ${formatSize(w.size, w.unit)}`,
        })),
      },
    ],
  });
  chartBox.dataset['points'] = String(waves.length);
  tableBox.innerHTML = `<table class="events"><thead><tr><th>Segment</th><th>Start</th><th>End</th><th class="num">Size</th></tr></thead><tbody>${waves
    .map(
      (
        w,
      ) => `<tr><td>${escapeHtml(valueLabel(w.segment))}</td><td>${escapeHtml(formatDate(w.start))}</td><td>${escapeHtml(w.end ? formatDate(w.end) : 'ongoing')}</td>
        <td class="num">${escapeHtml(formatSize(w.size, w.unit))}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  addTableCsvButton(tableBox, 'waves-table');
  addCsvButton(chartBox, 'waves-chart', () => ({
    header: ['segment', 'start', 'end', 'size', 'unit'],
    rows: waves.map((w) => [w.segment, w.start, w.end, w.size, w.unit]),
  }));
}
