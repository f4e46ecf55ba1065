// The Track record page's forward-return card: what followed the calls of each label over one horizon
// (buttons per horizon), the engine and both baselines side by side — a chart of the mean return with
// its block-bootstrap interval as a whisker, and the table with the median, share up and largest fall.
import type { ECharts } from 'echarts/core';
import { PHASE_LABELS, type PhaseLabel } from '../../domain/analysis.js';
import { TRACK_RECORD_ENGINES, type TrackRecordEngineId } from '../../domain/track-record.js';
import type { TrackRecordAnswerPeriod } from '../../domain/track-record-answer.js';
import { forwardReturnRows, type ForwardReturnRow } from '../../domain/track-record-tables.js';
import { formatCount } from '../../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../../format/percent.js';
import { createEChart, themedAxis, themedBase } from '../charts/ec.js';
import { escapeHtml } from '../format.js';
import { palette } from '../theme.js';
import { card, el, notAvailable } from '../ui.js';
import { engineColours } from './track-record-charts.js';
import { tableHtml } from './track-record-tables.js';

const CATEGORIES: readonly (PhaseLabel | 'all')[] = [...PHASE_LABELS, 'all'];

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(point: [number, number]): [number, number];
}

/**
 * Draws the mean forward return per label (bars, one per engine) with its interval (whiskers); returns
 * the bars drawn (0: no call has a full horizon). A bar without an interval has no whisker.
 */
export function drawForwardChart(
  chart: ECharts,
  rows: readonly ForwardReturnRow[],
  names: Readonly<Record<TrackRecordEngineId, string>>,
  level: number,
): number {
  const p = palette();
  const colours = engineColours(p);
  const drawn = rows.filter((r) => r.meanReturn.value !== null);
  const slots = TRACK_RECORD_ENGINES.length;
  const series = TRACK_RECORD_ENGINES.map((id, e) => ({
    name: names[id],
    type: 'custom',
    itemStyle: { color: colours[id] },
    encode: { x: 0, y: [1, 2, 3] },
    data: drawn
      .filter((r) => r.engine === id)
      .map((r) => [
        CATEGORIES.indexOf(r.label),
        r.meanReturn.value,
        r.meanReturn.lower ?? r.meanReturn.value,
        r.meanReturn.upper ?? r.meanReturn.value,
        r.calls,
      ]),
    renderItem: (_params: unknown, api: RenderApi) => {
      const x = api.value(0);
      const slot = (api.size([1, 0])[0] * 0.8) / slots;
      const [centre, yMean] = api.coord([x, api.value(1)]);
      const [, yZero] = api.coord([x, 0]);
      const [, yLower] = api.coord([x, api.value(2)]);
      const [, yUpper] = api.coord([x, api.value(3)]);
      const mid = centre + (e - (slots - 1) / 2) * slot;
      const cap = slot * 0.2;
      const stroke = { stroke: p.text, lineWidth: 1 };
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: {
              x: mid - slot * 0.4,
              y: Math.min(yMean, yZero),
              width: slot * 0.8,
              height: Math.abs(yZero - yMean),
            },
            style: { fill: colours[id], opacity: 0.8 },
          },
          { type: 'line', shape: { x1: mid, y1: yLower, x2: mid, y2: yUpper }, style: stroke },
          { type: 'line', shape: { x1: mid - cap, y1: yLower, x2: mid + cap, y2: yLower }, style: stroke },
          { type: 'line', shape: { x1: mid - cap, y1: yUpper, x2: mid + cap, y2: yUpper }, style: stroke },
        ],
      };
    },
  }));
  chart.setOption(
    {
      ...themedBase(),
      tooltip: {
        ...(themedBase()['tooltip'] as object),
        trigger: 'item',
        formatter: (x: { seriesName: string; value: number[] }) =>
          escapeHtml(
            `${x.seriesName}, ${CATEGORIES[x.value[0]!]} calls: mean ${formatSignedPercent(x.value[1])} [${formatSignedPercent(x.value[2])}, ${formatSignedPercent(x.value[3])}] over ${formatCount(x.value[4])} calls`,
          ),
      },
      grid: { left: 56, right: 16, top: 34, bottom: 28 },
      xAxis: themedAxis({ type: 'category', data: CATEGORIES, splitLine: { show: false } }),
      yAxis: themedAxis({
        type: 'value',
        name: `mean return [${formatPercent(level, 0)} interval]`,
        axisLabel: { color: p.muted, formatter: (v: number) => formatSignedPercent(v, 0) },
      }),
      series,
    },
    { notMerge: true },
  );
  return drawn.length;
}

/**
 * Appends the forward-return card of `period` to `parent`: horizon buttons (the middle horizon first),
 * the chart and the table. `onDispose` receives the chart's disposer.
 */
export function renderForwardReturns(
  parent: HTMLElement,
  period: TrackRecordAnswerPeriod,
  method: { readonly horizonsDays: readonly number[]; readonly bootstrap: { readonly level: number } },
  names: Readonly<Record<TrackRecordEngineId, string>>,
  onDispose: (dispose: () => void) => void,
): void {
  const { horizonsDays, bootstrap } = method;
  const body = card(
    parent,
    `What followed the calls: forward return per label, with ${formatPercent(bootstrap.level, 0)} block-bootstrap intervals`,
    { chart: true, wide: true, id: 'tr-forward' },
  );
  if (horizonsDays.length === 0) {
    notAvailable(body, 'Forward-return horizons');
    return;
  }
  const toolbar = el('div', 'toolbar');
  toolbar.setAttribute('role', 'tablist');
  body.before(toolbar);
  const table = el('div', 'card-body');
  table.id = 'tr-forward-table';
  body.after(table);
  const { chart, dispose } = createEChart(body);
  onDispose(dispose);

  const show = (horizon: number): void => {
    for (const b of toolbar.querySelectorAll('button'))
      b.classList.toggle('active', b.dataset['horizon'] === String(horizon));
    const rows = forwardReturnRows(period, horizon);
    body.dataset['points'] = String(drawForwardChart(chart, rows, names, bootstrap.level));
    table.innerHTML =
      rows.length === 0
        ? `<p class="na">No call has a full ${horizon}-day horizon of data yet.</p>`
        : tableHtml(
            [
              'Call',
              'Engine',
              'Calls',
              'Mean return [interval]',
              'Median',
              'Share up [interval]',
              'Mean max drawdown [interval]',
            ],
            rows.map((r) => [r.label === 'all' ? 'all calls' : r.label, names[r.engine], ...r.text]),
            2,
          );
  };
  for (const horizon of horizonsDays) {
    const button = el('button', 'seg', escapeHtml(`${horizon} days`));
    button.type = 'button';
    button.dataset['horizon'] = String(horizon);
    button.addEventListener('click', () => show(horizon));
    toolbar.append(button);
  }
  show(horizonsDays[Math.floor((horizonsDays.length - 1) / 2)]!);
}
