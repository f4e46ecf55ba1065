// Liquidity page: traded volume, Amihud illiquidity and spread series when the analysis carries
// them, and the sell-off type (liquidity failure vs position rebalancing) with its reasons.
import { addHistogram, addLine } from '../charts/lw.js';
import { formatUsd } from '../../format/money.js';
import { formatNumber } from '../../format/numbers.js';
import { formatPct } from '../../format/percent.js';
import { escapeHtml } from '../format.js';
import { asArray, asDatedSeries, asNumber, asRecord, asStrings, pick } from '../read.js';
import { sumByDate } from '../series.js';
import { palette } from '../theme.js';
import { card, el, type PageContext } from '../ui.js';
import { fetchAll, fieldsCard, need, timeCard } from './time-cards.js';

/** Renders the liquidity page into ctx.root. */
export async function renderLiquidity(ctx: PageContext): Promise<void> {
  const section = asRecord(ctx.analysis.signals?.liquidity);
  const grid = el('div', 'grid');
  ctx.root.append(grid);

  const selloff = card(grid, 'Sell-off type', { id: 'selloff' });
  const type = typeof section?.['selloffType'] === 'string' ? (section['selloffType'] as string) : 'not available';
  const selloffs = asArray(section?.['selloffs'])
    .map(asRecord)
    .filter((x): x is Record<string, unknown> => x !== null);
  const latest = selloffs.at(-1);
  const reasons = asStrings(latest?.['reasons'] ?? pick(section, ['reasons', 'selloffReasons']));
  selloff.innerHTML = `<div class="phase-label small" id="selloff-type">${escapeHtml(type)}</div>
    ${reasons.length > 0 ? `<ul class="reasons">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '<p class="na">Reasons: not available</p>'}`;
  if (latest) {
    const dd = asNumber(latest['drawdownPct']);
    const ddText = formatPct(dd);
    selloff.append(
      el(
        'p',
        'note',
        escapeHtml(
          `Latest sell-off ${String(latest['start'] ?? '?')} → ${String(latest['end'] ?? '?')}, drawdown ${ddText}; ${selloffs.length} sell-off(s) in the look-back.`,
        ),
      ),
    );
  }
  fieldsCard(grid, 'Liquidity signal', section);

  const data = await fetchAll(ctx, ['spot']);
  if (!ctx.isCurrent()) return;
  const p = palette();
  timeCard(
    ctx,
    grid,
    'Spot volume (USD, all venues)',
    'volume',
    'Spot volume',
    (chart) => {
      const volume = sumByDate(need(data, 'spot'), 'volume_usd');
      addHistogram(chart, volume, { title: 'volume', colorOf: () => p.series[0] ?? p.accent, format: formatUsd });
      return volume.length;
    },
    { wide: true },
  );
  const amihud = asDatedSeries(pick(section, ['amihudSeries', 'amihudHistory', 'amihud']));
  if (amihud.length > 0)
    timeCard(
      ctx,
      grid,
      'Amihud illiquidity (|return| per USD traded)',
      'amihud',
      'Amihud illiquidity series',
      (chart) => {
        addLine(chart, amihud, { color: p.series[1] ?? p.accent, title: 'Amihud', format: formatNumber });
        return amihud.length;
      },
    );
  const spread = asDatedSeries(pick(section, ['spreadSeries', 'spreadHistory', 'spread', 'bidAskSpread']));
  if (spread.length > 0)
    timeCard(ctx, grid, 'Spread estimate', 'spread', 'Spread series', (chart) => {
      addLine(chart, spread, { color: p.series[2] ?? p.accent, title: 'spread', format: formatNumber });
      return spread.length;
    });
}
