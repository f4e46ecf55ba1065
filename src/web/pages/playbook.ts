// Playbook page: what each strategy would have done, from /api/backtest — a strategy picker and a
// window (since the de-risking episode began, or the full history), the comparison table with
// buy-and-hold as the reference, equity and drawdown curves, the trades marked on the price, the
// exposure over time and the trade log. A period picker shows the in-sample and out-of-sample parts apart when the window has them.
import { codeName } from '../../domain/labels/code-names.js';
import { getJson } from '../api.js';
import type { BacktestPeriodResult, BacktestResult, StrategyRun } from '../../domain/backtest.js';
import { episodeStart } from '../../domain/de-risking-episode.js';
import { formatUsd } from '../../format/money.js';
import { formatCount, formatDecimal, formatPrice } from '../../format/numbers.js';
import { formatPercent, formatPercentagePoints, formatSignedPercent } from '../../format/percent.js';
import { escapeHtml } from '../format.js';
import { formatDate, readableDates } from '../../format/dates.js';
import { palette } from '../theme.js';
import { card, el, showError, type PageContext } from '../ui.js';

/** The strategies a user can pick (buy-and-hold is always shown as the reference). */
export const PICKABLE: readonly (readonly [string, string])[] = [
  ['dca', 'Weekly DCA'],
  ['phased-accumulation', 'Phased accumulation'],
  ['right-side-confirmation', 'Right-side confirmation'],
  ['phase-following', 'Phase-following'],
];

type Row = readonly [string, (run: StrategyRun, reference: StrategyRun | undefined) => string];

const ROWS: readonly Row[] = [
  ['Final equity', (r) => formatUsd(r.metrics.finalEquityUsd)],
  ['Total return', (r) => formatSignedPercent(r.metrics.totalReturn)],
  [
    'vs buy-and-hold',
    (r, ref) =>
      ref === undefined || ref === r
        ? '–'
        : formatPercentagePoints((r.metrics.totalReturn - ref.metrics.totalReturn) * 100),
  ],
  ['CAGR', (r) => formatSignedPercent(r.metrics.cagr)],
  ['Max drawdown', (r) => formatPercent(r.metrics.maxDrawdown)],
  [
    'Peak → trough',
    (r) =>
      r.metrics.maxDrawdownPeakDate === null
        ? '–'
        : `${r.metrics.maxDrawdownPeakDate} → ${r.metrics.maxDrawdownTroughDate}`,
  ],
  ['Volatility', (r) => formatPercent(r.metrics.volatilityAnnualised)],
  ['Sharpe', (r) => formatDecimal(r.metrics.sharpe)],
  ['Sortino', (r) => formatDecimal(r.metrics.sortino)],
  ['Calmar', (r) => formatDecimal(r.metrics.calmar)],
  ['Time in market', (r) => formatPercent(r.metrics.timeInMarket)],
  ['First buy', (r) => r.metrics.firstBuyDate ?? 'never'],
  ['Average entry', (r) => formatPrice(r.metrics.averageEntryPriceUsd)],
  ['Entry vs VWAP', (r) => formatSignedPercent(r.metrics.entryVsVwap)],
  ['Trades', (r) => formatCount(r.metrics.trades)],
  ['Fees + slippage', (r) => formatUsd(r.metrics.feesPaidUsd + r.metrics.slippageUsd)],
];

/** The comparison table of one period as HTML (one column per strategy). */
export function comparisonHtml(period: BacktestPeriodResult): string {
  const reference = period.runs.find((r) => r.strategy === 'buy-and-hold');
  const head = period.runs.map((r) => `<th>${escapeHtml(r.title)}</th>`).join('');
  const body = ROWS.map(
    ([name, cell]) =>
      `<tr><th>${escapeHtml(name)}</th>${period.runs.map((r) => `<td>${escapeHtml(readableDates(cell(r, reference)))}</td>`).join('')}</tr>`,
  ).join('');
  return `<table class="events compare"><thead><tr><th></th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Renders the playbook page into ctx.root. */
export async function renderPlaybook(ctx: PageContext): Promise<void> {
  const { asOf, asset } = ctx.analysis;
  const start = episodeStart(ctx.analysis.waves, asOf);
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const controls = card(grid, 'What the playbook would have done', {
    wide: true,
    id: 'playbook-controls',
    note: 'Each strategy starts with $10,000 of cash; a decision dated D uses only what was known that day and fills at the close of bar D. Fees 10 bps, slippage 5 bps per fill.',
  });
  const toolbar = el('div', 'toolbar');
  toolbar.innerHTML = `<span class="muted">Window:</span>
    ${start !== null ? `<button type="button" class="seg active" data-from="${escapeHtml(start)}">Since the episode began (${escapeHtml(start)})</button>` : ''}
    <button type="button" class="seg${start === null ? ' active' : ''}" data-from="">Full history</button>
    <span class="muted">Strategies:</span>
    ${PICKABLE.map(([id, title]) => `<label class="pick"><input type="checkbox" value="${id}" checked> ${escapeHtml(title)}</label>`).join('')}
    <label class="pick" id="period-pick" hidden><span class="muted">Period:</span> <select></select></label>`;
  controls.append(toolbar);
  const tableBox = card(grid, 'Comparison (buy-and-hold is the reference)', { wide: true, id: 'playbook-table' });
  const equityBox = card(grid, 'Equity against buy-and-hold', { chart: true, wide: true, id: 'playbook-equity' });
  const drawdownBox = card(grid, 'Drawdown from the running peak', { chart: true, id: 'playbook-drawdown' });
  const tradesBox = card(grid, 'Trades on the price (▲ buy, ▼ sell)', { chart: true, id: 'playbook-trades' });
  const exposureBox = card(grid, 'Share of equity in the asset', { chart: true, wide: true, id: 'playbook-exposure' });
  const logBox = card(grid, 'Trade log', { wide: true, id: 'playbook-log' });

  const { createEChart, themedAxis, themedBase } = await import('../charts/ec.js');
  if (!ctx.isCurrent()) return;
  const charts = [equityBox, drawdownBox, tradesBox, exposureBox].map((box) => {
    const made = createEChart(box);
    ctx.onDispose(made.dispose);
    return made.chart;
  });
  const [equityChart, drawdownChart, tradesChart, exposureChart] = charts as [
    (typeof charts)[number],
    (typeof charts)[number],
    (typeof charts)[number],
    (typeof charts)[number],
  ];
  const periodPick = toolbar.querySelector('#period-pick') as HTMLLabelElement;
  const periodSelect = periodPick.querySelector('select') as HTMLSelectElement;
  let result: BacktestResult | null = null;

  const drawPeriod = (): void => {
    if (result === null) return;
    const period = result.periods[Number(periodSelect.value) || 0] ?? result.periods[0];
    if (period === undefined) return;
    const p = palette();
    tableBox.innerHTML = comparisonHtml(period);
    const line = (run: StrategyRun, value: (c: StrategyRun['curve'][number]) => number): Record<string, unknown> => ({
      name: run.title,
      type: 'line',
      showSymbol: false,
      lineStyle: { width: run.strategy === 'buy-and-hold' ? 2.5 : 1.5 },
      data: run.curve.map((c) => [c.date, value(c)]),
    });
    const base = { ...themedBase(), grid: { left: 70, right: 20, top: 30, bottom: 30 } };
    equityChart.setOption(
      {
        ...base,
        xAxis: themedAxis({ type: 'time' }),
        yAxis: themedAxis({
          type: 'value',
          scale: true,
          axisLabel: { color: p.muted, formatter: (v: number): string => formatUsd(v) },
        }),
        series: period.runs.map((r) => line(r, (c) => c.equityUsd)),
      },
      { notMerge: true },
    );
    drawdownChart.setOption(
      {
        ...base,
        xAxis: themedAxis({ type: 'time' }),
        yAxis: themedAxis({ type: 'value', max: 0, axisLabel: { color: p.muted, formatter: '{value} %' } }),
        series: period.runs.map((r) => line(r, (c) => -Math.round(c.drawdown * 1000) / 10)),
      },
      { notMerge: true },
    );
    exposureChart.setOption(
      {
        ...base,
        xAxis: themedAxis({ type: 'time' }),
        yAxis: themedAxis({ type: 'value', min: 0, max: 100, axisLabel: { color: p.muted, formatter: '{value} %' } }),
        series: period.runs.map((r) => ({
          ...line(r, (c) => Math.round(c.exposure * 1000) / 10),
          step: 'end',
        })),
      },
      { notMerge: true },
    );
    const closes = result.closes.filter((c) => c.date >= period.from && c.date <= period.to);
    const traders = period.runs.filter((r) => r.strategy !== 'buy-and-hold');
    tradesChart.setOption(
      {
        ...base,
        xAxis: themedAxis({ type: 'time' }),
        yAxis: themedAxis({
          type: 'value',
          scale: true,
          axisLabel: { color: p.muted, formatter: (v: number): string => formatUsd(v) },
        }),
        series: [
          {
            name: `${result.asset} close`,
            type: 'line',
            showSymbol: false,
            lineStyle: { color: p.muted },
            data: closes.map((c) => [c.date, c.close]),
          },
          ...traders.map((r) => ({
            name: r.title,
            type: 'scatter',
            symbol: 'triangle',
            symbolSize: 9,
            itemStyle: { color: p.series[(period.runs.indexOf(r) + p.series.length) % p.series.length] ?? p.accent },
            data: r.trades.map((t) => ({
              value: [t.date, t.priceUsd],
              symbolRotate: t.side === 'buy' ? 0 : 180,
            })),
          })),
        ],
      },
      { notMerge: true },
    );
    tradesBox.dataset['points'] = String(traders.reduce((n, r) => n + r.trades.length, 0));
    const log = traders
      .flatMap((r) => r.trades.map((t) => ({ r, t })))
      .sort((a, b) => a.t.date.localeCompare(b.t.date));
    logBox.innerHTML =
      log.length === 0
        ? '<p class="na">No trades in this period besides buy-and-hold’s.</p>'
        : `<table class="events"><thead><tr><th>Date</th><th>Strategy</th><th>Side</th><th>Fill price</th><th>Notional</th><th>Exposure after</th><th>Phase</th><th>Why</th></tr></thead><tbody>${log
            .map(
              ({ r, t }) =>
                `<tr><td>${escapeHtml(formatDate(t.date))}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(t.side)}</td><td>${escapeHtml(formatPrice(t.priceUsd))}</td><td>${escapeHtml(formatUsd(t.notionalUsd))}</td><td>${escapeHtml(formatPercent(t.exposureAfter))}</td><td>${escapeHtml(codeName(t.label))}</td><td>${escapeHtml(readableDates(t.reason))}</td></tr>`,
            )
            .join('')}</tbody></table>`;
    const curvePoints = String(period.runs[0]?.curve.length ?? 0);
    for (const box of [equityBox, drawdownBox, exposureBox]) box.dataset['points'] = curvePoints;
  };

  const load = async (): Promise<void> => {
    const from = (toolbar.querySelector('button.seg.active') as HTMLButtonElement | null)?.dataset['from'] ?? '';
    const picked = [...toolbar.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
    tableBox.innerHTML = '<div class="loading" role="status"><span class="spinner"></span> Replaying…</div>';
    try {
      // The history as known at the chosen day (the server's latest when none is chosen), to the analysis date.
      const body = await getJson('/api/backtest', {
        asset,
        asOf: ctx.view.asOf,
        from,
        to: asOf,
        strategies: ['buy-and-hold', ...picked].join(','),
      });
      if (!ctx.isCurrent()) return;
      result = body as BacktestResult;
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(tableBox, 'The backtest could not be loaded', error);
      return;
    }
    periodSelect.innerHTML = result.periods
      .map((p, i) => `<option value="${i}">${escapeHtml(`${p.name}: ${p.from} → ${p.to}`)}</option>`)
      .join('');
    periodPick.hidden = result.periods.length < 2;
    drawPeriod();
  };

  toolbar.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest('button');
    if (!button) return;
    toolbar.querySelectorAll('button').forEach((b) => b.classList.toggle('active', b === button));
    void load();
  });
  toolbar.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') drawPeriod();
    else void load();
  });
  await load();
}
