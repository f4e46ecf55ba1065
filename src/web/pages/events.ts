// Events page: the calendar on a timeline by kind, a table to pick one, and the event-study plot
// (abnormal flows around the event) when the analysis carries a study for it.
import { formatSignedUsd, formatUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatSignedPercent } from '../../format/percent.js';
import { escapeHtml, humanize } from '../format.js';
import { asArray, asNumber, asRecord, asString, pick } from '../read.js';
import { card, el, notAvailable, type PageContext } from '../ui.js';
import { palette } from '../theme.js';
import { addDays } from '../series.js';
import { createEChart, themedAxis, themedBase } from '../charts/ec.js';

interface StudyLine {
  readonly name: string;
  readonly points: [number, number][];
}

const SERIES_NAMES: Record<string, string> = {
  etfNetFlowUsd: 'ETF net flow',
  openInterestChangeUsd: 'OI change',
  spotReturn: 'Spot return',
};

function seriesName(name: string): string {
  return SERIES_NAMES[name] ?? humanize(name);
}

/** Per-series summary of a study (CAR and t statistic) for the caption. */
export function studySummary(study: unknown): string[] {
  return Object.entries(asRecord(study) ?? {}).flatMap(([name, sub]) => {
    const r = asRecord(sub);
    const car = asNumber(r?.['car']);
    if (!r || car === null) return [];
    const t = asNumber(r['tStat']);
    const value = /usd$/i.test(name) ? formatSignedUsd(car) : formatSignedPercent(car, 2);
    return [
      `${seriesName(name)}: CAR ${value}${t === null ? '' : `, t = ${formatDecimal(t)}`}${r['truncated'] ? ' (window cut by as-of)' : ''}`,
    ];
  });
}

/**
 * Reads an event study defensively. The analysis shape is {etfNetFlowUsd, openInterestChangeUsd,
 * spotReturn} each with abnormal: [{offset, abnormal}]: USD series become abnormal bars, the ETF
 * one also a cumulative line. Otherwise `study.days` / `study.points` (or the study itself) as
 * [{offset|day|t, <numeric fields>}], each numeric field one line by offset.
 */
export function studyLines(study: unknown): StudyLine[] {
  const rec = asRecord(study);
  const perSeries: StudyLine[] = [];
  for (const [name, sub] of Object.entries(rec ?? {})) {
    if (!/usd$/i.test(name)) continue;
    const points = asArray(asRecord(sub)?.['abnormal']).flatMap((d): [number, number][] => {
      const r = asRecord(d);
      const offset = asNumber(r?.['offset']);
      const abnormal = asNumber(r?.['abnormal']);
      return offset === null || abnormal === null ? [] : [[offset, abnormal]];
    });
    if (points.length === 0) continue;
    points.sort((a, b) => a[0] - b[0]);
    perSeries.push({ name: `${seriesName(name)}, abnormal`, points });
    if (/flow/i.test(name)) {
      let sum = 0;
      perSeries.push({
        name: `${seriesName(name)}, cumulative`,
        points: points.map(([o, v]): [number, number] => [o, (sum += v)]),
      });
    }
  }
  if (perSeries.length > 0) return perSeries;
  const rows = Array.isArray(study)
    ? study
    : asArray(pick(rec, ['days', 'window', 'points', 'series', 'abnormalFlows']));
  const lines = new Map<string, [number, number][]>();
  for (const row of rows) {
    const r = asRecord(row);
    if (!r) continue;
    const offset = asNumber(r['offset']) ?? asNumber(r['day']) ?? asNumber(r['t']) ?? asNumber(r['relativeDay']);
    if (offset === null) continue;
    for (const [k, v] of Object.entries(r)) {
      const n = asNumber(v);
      if (n === null || ['offset', 'day', 't', 'relativeDay'].includes(k)) continue;
      const list = lines.get(k) ?? [];
      list.push([offset, n]);
      lines.set(k, list);
    }
  }
  return [...lines.entries()].map(([name, points]) => ({ name, points: points.sort((a, b) => a[0] - b[0]) }));
}

/** Renders the events page into ctx.root. */
export function renderEvents(ctx: PageContext): void {
  const events = asArray(ctx.analysis.signals?.events)
    .map(asRecord)
    .filter((e): e is Record<string, unknown> => e !== null);
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
  const kinds = [...new Set(events.map((e) => asString(e['kind']) ?? 'other'))];
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
        ...events.map((e) => Date.parse(`${asString(e['date']) ?? ctx.analysis.asOf}T00:00:00Z`) - 20 * 86_400_000),
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
          value: [asString(e['date']) ?? '', asString(e['kind']) ?? 'other'],
          title: asString(e['title']) ?? '',
        })),
      },
    ],
  });
  timeline.dataset['points'] = String(events.length);

  const sorted = [...events].sort((a, b) => String(b['date']).localeCompare(String(a['date'])));
  listBox.innerHTML = `<table class="events"><thead><tr><th>Date</th><th>Kind</th><th>Event</th><th>Study</th></tr></thead><tbody>${sorted
    .map(
      (e, i) => `<tr data-index="${i}" class="${e['study'] ? 'has-study' : ''}" tabindex="0">
        <td>${escapeHtml(asString(e['date']) ?? '')}</td><td>${escapeHtml(asString(e['kind']) ?? '')}</td>
        <td>${escapeHtml(asString(e['title']) ?? '')}</td><td>${e['study'] ? 'yes' : '—'}</td></tr>`,
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
    const lines = studyLines(event?.['study']);
    if (!event || lines.length === 0)
      return notAvailable(studyBox, `Event study for ${asString(event?.['title']) ?? 'this event'}`);
    studyBox.dataset['event'] = asString(event['id']) ?? '';
    const caption = studySummary(event['study']);
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
        text: `${asString(event['date']) ?? ''} ${asString(event['title']) ?? ''}`.slice(0, 90),
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
  const firstWithStudy = sorted.findIndex((e) => e['study']);
  select(firstWithStudy >= 0 ? firstWithStudy : 0);
}
