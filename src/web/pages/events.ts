// Events page: the calendar on a timeline by kind, a table to pick one, and the event-study plot
// (abnormal flows around the event) when the analysis carries a study for it.
import { formatSignedUsd, formatUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatSignedPercent } from '../../format/percent.js';
import { escapeHtml } from '../format.js';
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
  const kinds = [...new Set(events.map((e) => e.kind))];
  const tl = createEChart(timeline);
  ctx.onDispose(tl.dispose);
  tl.chart.setOption({
    ...themedBase(),
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { title?: string; value?: [string, string] } }) =>
        escapeHtml(`${p.data?.value?.[0] ?? ''} ${p.data?.title ?? ''}`),
    },
    grid: { left: 90, right: 20, top: 10, bottom: 30 },
    xAxis: themedAxis({
      type: 'time',
      min: Math.min(
        Date.parse(`${addDays(ctx.analysis.asOf, -400)}T00:00:00Z`),
        ...events.map((e) => Date.parse(`${e.date}T00:00:00Z`) - 20 * 86_400_000),
      ),
      max: Date.parse(`${ctx.analysis.asOf}T00:00:00Z`),
    }),
    yAxis: themedAxis({ type: 'category', data: kinds }),
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        label: {
          show: true,
          position: 'top',
          fontSize: 10,
          color: palette().muted,
          formatter: (x: { data?: { title?: string } }) => (x.data?.title ?? '').slice(0, 28),
        },
        labelLayout: { hideOverlap: true },
        data: events.map((e) => ({
          value: [e.date, e.kind],
          title: e.title,
        })),
      },
    ],
  });
  timeline.dataset['points'] = String(events.length);

  const sorted = [...events].sort((a, b) => b.date.localeCompare(a.date));
  listBox.innerHTML = `<table class="events"><thead><tr><th>Date</th><th>Kind</th><th>Event</th><th>Study</th></tr></thead><tbody>${sorted
    .map(
      (e, i) => `<tr data-index="${i}" class="${e.study ? 'has-study' : ''}" tabindex="0">
        <td>${escapeHtml(e.date)}</td><td>${escapeHtml(e.kind)}</td>
        <td>${escapeHtml(e.title)}</td><td>${e.study ? 'yes' : '—'}</td></tr>`,
    )
    .join('')}</tbody></table>`;

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
    const note = el('p', 'note study-caption', escapeHtml(caption.join(' · ') || 'CAR not available'));
    card?.insertBefore(note, studyBox);
    const chartEl = el('div', 'chart-fill');
    studyBox.append(chartEl);
    study = createEChart(chartEl);
    study.chart.setOption({
      ...themedBase(),
      title: {
        text: `${event.date} ${event.title}`.slice(0, 90),
        left: 0,
        top: 0,
        textStyle: { fontSize: 12, color: palette().text },
      },
      legend: { ...(themedBase()['legend'] as object), top: 'auto', bottom: 0 },
      grid: { left: 70, right: 20, top: 30, bottom: 58 },
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
  };
  ctx.onDispose(() => study?.dispose());
  listBox.addEventListener('click', (ev) => {
    const tr = (ev.target as HTMLElement).closest('tr[data-index]');
    if (tr) select(Number(tr.getAttribute('data-index')));
  });
  const firstWithStudy = sorted.findIndex((e) => e.study !== null);
  select(firstWithStudy >= 0 ? firstWithStudy : 0);
}
