// Events page: the calendar on a timeline by kind, a table to pick one, and the event-study plot
// (abnormal flows around the event) when the analysis carries a study for it.
import { formatSignedUsd, formatUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatSignedPercent } from '../../format/percent.js';
import { formatDate } from '../../format/dates.js';
import { addCsvButton, addTableCsvButton } from '../csv.js';
import { dateTick, escapeHtml } from '../format.js';
import type { EventStudyResult } from '../../domain/sections/events.js';
import { card, el, notAvailable, type PageContext } from '../ui.js';
import { palette } from '../theme.js';
import { addDays } from '../series.js';
import { createEChart, themedAxis, themedBase } from '../charts/ec.js';

interface StudyLine {
  readonly name: string;
  readonly points: [number, number][];
}

const SERIES_NAMES: Record<keyof EventStudyResult, string> = {
  etfNetFlowUsd: 'ETF net flow',
  openInterestChangeUsd: 'OI change',
  spotReturn: 'Spot return',
};

/** The studied series of an event study, in display order. */
const STUDY_SERIES = ['etfNetFlowUsd', 'openInterestChangeUsd', 'spotReturn'] as const;

/** Per-series summary of a study (CAR and t statistic) for the caption. */
export function studySummary(study: EventStudyResult | null): string[] {
  if (study === null) return [];
  return STUDY_SERIES.flatMap((name) => {
    const s = study[name];
    if (s === null) return [];
    const value = name === 'spotReturn' ? formatSignedPercent(s.car, 2) : formatSignedUsd(s.car);
    return [
      `${SERIES_NAMES[name]}: CAR ${value}${s.tStat === null ? '' : `, t = ${formatDecimal(s.tStat)}`}${s.truncated ? ' (window cut by as-of)' : ''}`,
    ];
  });
}

/**
 * The lines of an event-study chart: each USD series' abnormal values by offset from the event day
 * (bars), and the ETF one also cumulated (a line). The spot return, a fraction, is left to the caption.
 */
export function studyLines(study: EventStudyResult | null): StudyLine[] {
  if (study === null) return [];
  const lines: StudyLine[] = [];
  for (const name of ['etfNetFlowUsd', 'openInterestChangeUsd'] as const) {
    const series = study[name];
    if (series === null || series.abnormal.length === 0) continue;
    const points = series.abnormal.map((d): [number, number] => [d.offset, d.abnormal]).sort((x, y) => x[0] - y[0]);
    lines.push({ name: `${SERIES_NAMES[name]}, abnormal`, points });
    if (name === 'etfNetFlowUsd') {
      let sum = 0;
      lines.push({
        name: `${SERIES_NAMES[name]}, cumulative`,
        points: points.map(([o, v]): [number, number] => [o, (sum += v)]),
      });
    }
  }
  return lines;
}

/** Renders the events page into ctx.root. */
export function renderEvents(ctx: PageContext): void {
  const events = ctx.analysis.signals.events;
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const timeline = card(grid, 'Event timeline', { chart: true, wide: true, id: 'event-timeline' });
  timeline.classList.add('short');
  const listBox = card(grid, 'Events known at the as-of date', { id: 'event-list' });
  const studyBox = card(grid, 'Event study: abnormal flows around the event', { chart: true, id: 'event-study' });
  if (events.length === 0) {
    notAvailable(timeline, 'Events');
    notAvailable(listBox, 'Events');
    notAvailable(studyBox, 'Event study');
    return;
  }
  // Latest first; a point on the timeline carries its row number in the table (titles stay in the
  // table and the tooltip, whole, where they cannot overlap or be cut).
  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date));
  const kinds = [...new Set(sorted.map((e) => e.kind))].sort();
  const kindLabel = (kind: string): string => kind.charAt(0).toUpperCase() + kind.slice(1);
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);
  const tl = createEChart(timeline);
  ctx.onDispose(tl.dispose);
  const p = palette();
  tl.chart.setOption({
    ...themedBase(),
    tooltip: {
      trigger: 'item',
      formatter: (x: { data?: { title?: string; date?: string } }) =>
        escapeHtml(`${formatDate(x.data?.date ?? '')}: ${x.data?.title ?? ''}`),
    },
    grid: { left: 12, right: 24, top: 12, bottom: 8, containLabel: true },
    xAxis: themedAxis({
      type: 'time',
      min: Math.min(day(addDays(ctx.analysis.asOf, -400)), ...events.map((e) => day(e.date) - 20 * 86_400_000)),
      max: Math.max(day(ctx.analysis.asOf), ...events.map((e) => day(e.date) + 5 * 86_400_000)),
      axisLabel: {
        color: p.muted,
        hideOverlap: true,
        formatter: dateTick,
      },
    }),
    yAxis: themedAxis({ type: 'category', data: kinds.map(kindLabel), axisTick: { show: false } }),
    series: [
      {
        type: 'scatter',
        symbolSize: 18,
        itemStyle: { color: p.accent, opacity: 0.85 },
        label: {
          show: true,
          position: 'inside',
          fontSize: 10,
          color: '#fff',
          formatter: (x: { data?: { n?: number } }) => String(x.data?.n ?? ''),
        },
        labelLayout: { hideOverlap: true },
        data: sorted.map((e, i) => ({
          value: [day(e.date), kindLabel(e.kind)],
          title: e.title,
          date: e.date,
          n: i + 1,
        })),
      },
    ],
  });
  timeline.dataset['points'] = String(events.length);
  addCsvButton(timeline, 'event-timeline', () => ({
    header: ['number', 'date', 'kind', 'title'],
    rows: sorted.map((e, i) => [i + 1, e.date, e.kind, e.title]),
  }));

  listBox.innerHTML = `<table class="events"><thead><tr><th class="num">#</th><th>Date</th><th>Kind</th><th>Event</th><th>Study</th></tr></thead><tbody>${sorted
    .map(
      (e, i) => `<tr data-index="${i}" class="${e.study ? 'has-study' : ''}" tabindex="0">
        <td class="num">${i + 1}</td><td class="date">${escapeHtml(formatDate(e.date))}</td><td>${escapeHtml(kindLabel(e.kind))}</td>
        <td>${escapeHtml(e.title)}</td><td>${e.study ? 'yes' : '—'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  addTableCsvButton(listBox, 'event-list');
  tl.chart.on('click', (x: { dataIndex?: number }) => {
    if (typeof x.dataIndex === 'number') select(x.dataIndex);
  });

  let study: ReturnType<typeof createEChart> | null = null;
  const select = (index: number): void => {
    const event = sorted[index];
    listBox
      .querySelectorAll('tr[data-index]')
      .forEach((tr) => tr.classList.toggle('selected', tr.getAttribute('data-index') === String(index)));
    study?.dispose();
    study = null;
    studyBox.innerHTML = '';
    studyBox.classList.add('chart');
    const lines = studyLines(event?.study ?? null);
    if (!event || lines.length === 0) return notAvailable(studyBox, `Event study for ${event?.title ?? 'this event'}`);
    studyBox.dataset['event'] = event.id;
    const caption = studySummary(event.study);
    const card = studyBox.parentElement;
    card?.querySelector('p.study-caption')?.remove();
    const note = el(
      'p',
      'note study-caption',
      `<strong>${escapeHtml(`${formatDate(event.date)}: ${event.title}`)}</strong><br>${escapeHtml(caption.join(' · ') || 'CAR not available')}`,
    );
    card?.insertBefore(note, studyBox);
    const chartEl = el('div', 'chart-fill');
    studyBox.append(chartEl);
    study = createEChart(chartEl);
    study.chart.setOption({
      ...themedBase(),
      legend: { ...(themedBase()['legend'] as object), top: 'auto', bottom: 0 },
      grid: { left: 70, right: 20, top: 12, bottom: 58 },
      tooltip: {
        ...(themedBase()['tooltip'] as object),
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatUsd(v) : String(v)),
      },
      xAxis: themedAxis({
        type: 'value',
        minInterval: 1,
        axisLabel: {
          color: palette().muted,
          formatter: (v: number) => (v === 0 ? 'event day' : `${v > 0 ? '+' : '−'}${Math.abs(v)} d`),
        },
      }),
      yAxis: themedAxis({ type: 'value', axisLabel: { formatter: (v: number) => formatUsd(v) } }),
      series: lines.map((l) => ({
        name: l.name,
        type: /cumulative/.test(l.name) ? 'line' : 'bar',
        data: l.points,
        showSymbol: false,
        markLine:
          l === lines[0] ? { silent: true, symbol: 'none', data: [{ xAxis: 0 }], label: { show: false } } : undefined,
      })),
    });
    studyBox.dataset['points'] = String(lines.reduce((s, l) => s + l.points.length, 0));
    addCsvButton(studyBox, 'event-study', () => {
      const offsets = [...new Set(lines.flatMap((l) => l.points.map(([o]) => o)))].sort((x, y) => x - y);
      const byOffset = lines.map((l) => new Map(l.points));
      return {
        header: ['offset_days', ...lines.map((l) => `${l.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_usd`)],
        rows: offsets.map((o) => [o, ...byOffset.map((m) => m.get(o) ?? null)]),
      };
    });
  };
  ctx.onDispose(() => study?.dispose());
  listBox.addEventListener('click', (ev) => {
    const tr = (ev.target as HTMLElement).closest('tr[data-index]');
    if (tr) select(Number(tr.getAttribute('data-index')));
  });
  const firstWithStudy = sorted.findIndex((e) => e.study !== null);
  select(firstWithStudy >= 0 ? firstWithStudy : 0);
}
