// ETF flows page: daily net flow per fund as stacked bars, the cumulative net flow as a line,
// flow-regime shading, and a weekly view that sums the days of each week.
import { fetchSeries } from '../api.js';
import { formatUsd } from '../../format/money.js';
import { formatDate, formatShortDate } from '../../format/dates.js';
import { valueLabel } from '../../domain/labels/code-names.js';
import { ETF_FLOWS_LABELS, labelledRows } from '../../domain/labels/field-rows.js';
import { addCsvButton, addTableCsvButton } from '../csv.js';
import { escapeHtml } from '../format.js';
import { renderFundFlowTable } from './etf-fund-table.js';
import type { EtfFlowsSection } from '../../domain/sections/etf-flows.js';
import { byKey, weekStart } from '../series.js';
import { palette } from '../theme.js';
import { card, el, notAvailable, seriesQuery, showError, type PageContext } from '../ui.js';

interface RegimeSpan {
  readonly start: string;
  readonly end: string;
  readonly regime: string;
}

/** Funds drawn individually (the palette has eight colours; the eighth is "Others"). */
const MAX_FUNDS = 8;

/** Regime spans narrower than this many bars get no label (it would overlap its neighbour's). */
const LABELLED_SPAN = 8;

const REGIME_COLORS: Record<string, string> = {
  'one-way-outflow': 'rgba(220, 60, 60, 0.13)',
  'two-way': 'rgba(230, 170, 40, 0.13)',
  'one-way-inflow': 'rgba(40, 170, 90, 0.13)',
};

/**
 * Regime spans from the analysis: the daily regime history collapsed into runs; without it, the
 * current regime over the section's window.
 */
export function regimeSpans(etfFlows: EtfFlowsSection, dates: readonly string[]): RegimeSpan[] {
  const spans: RegimeSpan[] = [];
  for (const day of etfFlows.regimeHistory ?? []) {
    if (day.regime === null) continue;
    const last = spans.at(-1);
    if (last && last.regime === day.regime) spans[spans.length - 1] = { ...last, end: day.date };
    else spans.push({ start: day.date, end: day.date, regime: day.regime });
  }
  if (spans.length > 0) return spans;
  if (etfFlows.regime === null || etfFlows.windowFrom === null) return [];
  return [
    {
      start: etfFlows.windowFrom,
      end: etfFlows.windowTo ?? dates.at(-1) ?? etfFlows.windowFrom,
      regime: etfFlows.regime,
    },
  ];
}

/** "2026-01-05 → 2026-01-16 (10 days)" from the section's window. */
function windowText(section: EtfFlowsSection): string {
  const { windowFrom: from, windowTo: to, days } = section;
  return from && to ? `${formatShortDate(from)} → ${formatDate(to)} (${days} days)` : 'n/a';
}

/** Renders the ETF flows page into ctx.root. */
export async function renderEtfFlows(ctx: PageContext): Promise<void> {
  const flowsSection = ctx.analysis.signals.etfFlows;
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const summary = card(grid, 'Flow regime', { wide: true, id: 'etf-summary' });
  const summaryRows: [string, string][] = [
    ...labelledRows(flowsSection, ETF_FLOWS_LABELS),
    ['Window', windowText(flowsSection)],
  ];
  summary.innerHTML = `<table class="stats"><thead><tr>${summaryRows
    .map(([k]) => `<th>${escapeHtml(k)}</th>`)
    .join('')}</tr></thead><tbody><tr>${summaryRows
    .map(
      ([, v], i) =>
        `<td${i === 0 ? ` id="etf-regime" data-code="${escapeHtml(flowsSection.regime ?? '')}"` : ''}>${escapeHtml(v)}</td>`,
    )
    .join('')}</tr></tbody></table>`;
  addTableCsvButton(summary, 'etf-summary');

  const toolbar = el('div', 'toolbar');
  toolbar.innerHTML = `<span class="muted">View:</span>
    <button type="button" data-view="daily" class="seg active">Daily</button>
    <button type="button" data-view="weekly" class="seg">Weekly</button>`;
  summary.append(toolbar);

  const body = card(grid, 'Net flow per fund (bars, stacked) and cumulative net flow (line)', {
    chart: true,
    wide: true,
    id: 'etf-chart',
  });
  body.classList.add('tall');
  let table;
  try {
    table = await fetchSeries('etf-flows', seriesQuery(ctx, 365));
  } catch (error) {
    return showError(body, 'ETF flows could not be loaded', error);
  }
  if (!ctx.isCurrent()) return;
  const perFund = byKey(table, 'fund', 'net_flow_usd');
  if (perFund.size === 0) return notAvailable(body, `ETF flows for ${ctx.analysis.asset}`);
  renderFundFlowTable(grid, perFund, ctx.analysis.asset);

  const { createEChart, themedAxis, themedBase } = await import('../charts/ec.js');
  if (!ctx.isCurrent()) return;
  const { chart, dispose } = createEChart(body);
  ctx.onDispose(dispose);

  const draw = (weekly: boolean): void => {
    const bucket = (d: string): string => (weekly ? weekStart(d) : d);
    const dates = [...new Set([...perFund.values()].flatMap((m) => [...m.keys()].map(bucket)))].sort();
    const index = new Map(dates.map((d, i) => [d, i]));
    const fundTotals = [...perFund.entries()].map(([fund, m]) => {
      const values = dates.map(() => 0);
      for (const [d, v] of m) values[index.get(bucket(d)) ?? 0]! += v;
      return { fund, values, gross: values.reduce((s, v) => s + Math.abs(v), 0) };
    });
    fundTotals.sort((x, y) => y.gross - x.gross);
    // Beyond seven funds the colours repeat: the smaller funds are summed as "Others".
    if (fundTotals.length > MAX_FUNDS) {
      const rest = fundTotals.splice(MAX_FUNDS - 1);
      const values = dates.map((_, i) => rest.reduce((s, f) => s + (f.values[i] ?? 0), 0));
      fundTotals.push({ fund: `Others (${rest.length})`, values, gross: 0 });
    }
    let running = 0;
    const cumulative = dates.map((_, i) => (running += fundTotals.reduce((s, f) => s + (f.values[i] ?? 0), 0)));
    const days = [...new Set([...perFund.values()].flatMap((m) => [...m.keys()]))].sort();
    // Snap spans to category dates: regime days may fall on weekends the bars do not have.
    const snapStart = (d: string): string => bucket(days.find((x) => x >= d) ?? d);
    const snapEnd = (d: string): string => bucket([...days].reverse().find((x) => x <= d) ?? d);
    const spans = regimeSpans(flowsSection, days).filter((s) => snapStart(s.start) <= snapEnd(s.end));
    const spanWidth = (span: RegimeSpan): number =>
      dates.indexOf(snapEnd(span.end)) - dates.indexOf(snapStart(span.start)) + 1;
    const usdAxis = (v: number): string => formatUsd(v);
    chart.setOption(
      {
        ...themedBase(),
        grid: { left: 70, right: 80, top: 36, bottom: 56 },
        tooltip: {
          ...(themedBase()['tooltip'] as object),
          valueFormatter: (v: unknown) => (typeof v === 'number' ? formatUsd(v) : String(v)),
        },
        xAxis: themedAxis({
          type: 'category',
          data: dates,
          splitLine: { show: false },
          axisLabel: { hideOverlap: true, color: palette().muted, formatter: (d: string) => formatShortDate(d) },
        }),
        yAxis: [
          themedAxis({
            type: 'value',
            name: weekly ? 'weekly net flow' : 'daily net flow',
            axisLabel: { formatter: usdAxis },
          }),
          themedAxis({
            type: 'value',
            name: 'cumulative',
            axisLabel: { formatter: usdAxis },
            splitLine: { show: false },
          }),
        ],
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series: [
          ...fundTotals.map((f) => ({
            name: f.fund,
            type: 'bar',
            stack: 'flow',
            data: f.values,
            barMaxWidth: 14,
          })),
          {
            name: 'cumulative',
            type: 'line',
            yAxisIndex: 1,
            data: cumulative,
            showSymbol: false,
            lineStyle: { width: 2 },
            z: 5,
            markArea: {
              silent: true,
              data: spans.map((s, i) => [
                {
                  xAxis: dates.indexOf(snapStart(s.start)),
                  itemStyle: { color: REGIME_COLORS[s.regime] ?? 'rgba(128,128,128,0.1)' },
                  name: valueLabel(s.regime),
                  label: { show: spanWidth(s) >= LABELLED_SPAN, position: 'insideTop', fontSize: 10, color: '#888' },
                },
                // Each span runs to where the next begins, so no unshaded gap shows between regimes.
                { xAxis: spans[i + 1] ? dates.indexOf(snapStart(spans[i + 1]!.start)) : dates.indexOf(snapEnd(s.end)) },
              ]),
            },
          },
        ],
      },
      { notMerge: true },
    );
    body.dataset['points'] = String(dates.length);
    body.dataset['firstDate'] = dates[0] ?? '';
    body.dataset['lastDate'] = dates.at(-1) ?? '';
    body.dataset['shadedFrom'] = spans[0] ? snapStart(spans[0].start) : '';
    body.dataset['shadedTo'] = spans.at(-1) ? snapEnd(spans.at(-1)!.end) : '';
    addCsvButton(body, weekly ? 'etf-flows-weekly' : 'etf-flows-daily', () => ({
      header: [weekly ? 'week_starting' : 'date', ...fundTotals.map((f) => `${f.fund}_usd`), 'cumulative_usd'],
      rows: dates.map((d, i) => [d, ...fundTotals.map((f) => f.values[i] ?? 0), cumulative[i] ?? null]),
    }));
  };
  draw(false);
  toolbar.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    toolbar.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b === button));
    draw(button.dataset['view'] === 'weekly');
  });
}
