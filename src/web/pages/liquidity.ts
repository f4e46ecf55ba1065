// Liquidity page: traded volume, the rolling Amihud illiquidity and Corwin–Schultz spread the analysis
// carries, and the sell-off type (liquidity failure vs position rebalancing) with its reasons.
import { humanText } from '../../domain/labels/human-text.js';
import { addHistogram, addLine } from '../charts/lw.js';
import { formatUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatPct, formatPercentile } from '../../format/percent.js';
import { escapeHtml } from '../format.js';
import { spotDollarVolume } from '../series.js';
import { palette } from '../theme.js';
import { capitalise, COST_MEASURE_NAMES, valueLabel } from '../../domain/labels/code-names.js';
import { costReadingText, LIQUIDITY_LABELS } from '../../domain/labels/field-rows.js';
import { formatDate, formatDateRange } from '../../format/dates.js';
import type { SelloffAsOf } from '../../domain/sections/selloff.js';
import { addTableCsvButton } from '../csv.js';
import { card, el, notAvailable, type PageContext } from '../ui.js';
import { staleInputsLine } from '../what-changed.js';
import { fetchAll, fieldsCard, need, timeCard } from './time-cards.js';
/** Amihud per USD → per $1B traded, the unit the evidence sentence uses. */
const PER_BILLION_USD = 1e9;
/** A spread as a fraction of price → basis points. */
const BASIS_POINTS = 1e4;

/**
 * The cost of trading in the latest sell-off: each measure's worst acute window, the very figures
 * (window, value, percentile) its reasons quote, in the units of the liquidity table below.
 */
function costsCard(grid: HTMLElement, latest: SelloffAsOf | null): void {
  if (latest === null) return;
  const body = card(grid, `Cost of trading in the sell-off ${formatDate(latest.start)} → ${formatDate(latest.end)}`, {
    id: 'selloff-costs',
  });
  const rows = (['amihud', 'abdiRanaldo', 'corwinSchultz'] as const).map((name) => {
    const m = latest.measures[name];
    const w = m.worst;
    return `<tr><td>${escapeHtml(COST_MEASURE_NAMES[name])}</td><td>${w ? escapeHtml(formatDateRange(w.start, w.end)) : 'not measurable'}</td><td class="num">${w ? escapeHtml(costReadingText(name, w.value)) : ''}</td><td class="num">${w ? escapeHtml(formatPercentile(w.percentile).replace(' percentile', '')) : ''}</td><td>${escapeHtml(m.level ?? '')}</td></tr>`;
  });
  body.innerHTML = `<table class="events"><thead><tr><th>Measure</th><th>Worst 3-day window</th><th class="num">Value</th><th class="num">Percentile</th><th>Level</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  addTableCsvButton(body, 'selloff-costs');
}

/** Renders the liquidity page into ctx.root. */
export async function renderLiquidity(ctx: PageContext): Promise<void> {
  const section = ctx.analysis.signals.liquidity;
  const grid = el('div', 'grid');
  ctx.root.append(grid);

  const selloff = card(grid, 'Sell-off type', { id: 'selloff' });
  const latest = section.selloffs.at(-1);
  const reasons = latest?.reasons ?? [];
  selloff.innerHTML = `<div class="phase-label small" id="selloff-type" data-code="${escapeHtml(section.selloffType)}">${escapeHtml(valueLabel(section.selloffType))}</div>
    ${reasons.length > 0 ? `<ul class="reasons">${reasons.map((r) => `<li>${escapeHtml(capitalise(humanText(r)))}</li>`).join('')}</ul>` : '<p class="na">Reasons: not available</p>'}`;
  if (latest) {
    selloff.append(
      el(
        'p',
        'note',
        escapeHtml(
          `Latest sell-off ${formatDate(latest.start)} → ${formatDate(latest.end)}, drawdown ${formatPct(latest.drawdownPct)}; ${section.selloffs.length} sell-off(s) in the look-back.`,
        ),
      ),
    );
  }
  const list = card(grid, 'Sell-offs in the look-back', { id: 'selloff-list' });
  if (section.selloffs.length === 0) notAvailable(list, 'Sell-offs');
  else {
    list.innerHTML = `<table class="events"><thead><tr><th>Peak</th><th>Low</th><th class="num">Drawdown</th><th>Type</th><th>Classified</th></tr></thead><tbody>${[
      ...section.selloffs,
    ]
      .reverse()
      .map(
        (s) =>
          `<tr><td>${escapeHtml(formatDate(s.start))}</td><td>${escapeHtml(formatDate(s.end))}</td><td class="num">${escapeHtml(formatPct(s.drawdownPct))}</td><td>${escapeHtml(valueLabel(s.type))}${s.revisedOn ? ` (revised ${escapeHtml(formatDate(s.revisedOn))})` : ''}</td><td>${escapeHtml(formatDate(s.classifiedOn))}</td></tr>`,
      )
      .join('')}</tbody></table>`;
    addTableCsvButton(list, 'selloff-list');
  }
  costsCard(grid, section.latestSelloff);
  const spotFreshness = ctx.analysis.freshness.find((f) => f.input === 'spot');
  const spotSource = spotFreshness?.source;
  fieldsCard(
    grid,
    `Liquidity now (20 days to ${formatDate(spotFreshness?.lastDate ?? ctx.analysis.asOf)})`,
    section,
    LIQUIDITY_LABELS,
    'liquidity-signal',
    staleInputsLine(ctx.analysis, ['spot']),
  );

  const data = await fetchAll(ctx, ['spot']);
  if (!ctx.isCurrent()) return;
  const p = palette();
  timeCard(
    ctx,
    grid,
    `Spot volume (USD, ${spotSource ?? 'no source'}: the series the analysis read)`,
    'volume',
    'Spot volume',
    (chart) => {
      const volume = spotDollarVolume(need(data, 'spot'), spotSource);
      addHistogram(chart, volume, {
        title: 'volume',
        colorOf: () => p.series[0] ?? p.accent,
        format: formatUsd,
        column: 'volume_usd',
      });
      return volume.length;
    },
    { wide: true },
  );
  timeCard(ctx, grid, 'Amihud illiquidity, 20-day (|return| per $1B traded)', 'amihud', 'Amihud series', (chart) => {
    const amihud = section.amihudSeries.map((d) => ({ date: d.date, value: d.value * PER_BILLION_USD }));
    addLine(chart, amihud, {
      color: p.series[1] ?? p.accent,
      title: 'Amihud',
      format: (v) => formatDecimal(v, 4),
      column: 'amihud_per_1b_usd',
    });
    return amihud.length;
  });
  timeCard(ctx, grid, 'Spread estimate, 20-day Corwin–Schultz (bp)', 'spread', 'Spread series', (chart) => {
    const spread = section.corwinSchultzSpreadSeries.map((d) => ({ date: d.date, value: d.value * BASIS_POINTS }));
    addLine(chart, spread, {
      color: p.series[2] ?? p.accent,
      title: 'spread',
      format: (v) => formatDecimal(v, 1),
      column: 'corwin_schultz_spread_bp',
    });
    return spread.length;
  });
}
