// Positioning page: perp open interest against price, funding, liquidations, CME open interest
// and basis, and the CFTC COT positions of leveraged funds and asset managers.
import { addHistogram, addLine } from '../charts/lw.js';
import { formatUsd } from '../../format/money.js';
import { formatCount, formatPrice } from '../../format/numbers.js';
import { formatPercent } from '../../format/percent.js';
import { meanByDate, onlyKey, sumByDate } from '../series.js';
import { palette } from '../theme.js';
import { POSITIONING_LABELS } from '../../domain/labels/field-rows.js';
import { el, type PageContext } from '../ui.js';
import { fetchAll, fieldsCard, need, optional, timeCard } from './time-cards.js';

/** Renders the positioning page into ctx.root. */
export async function renderPositioning(ctx: PageContext): Promise<void> {
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const data = await fetchAll(ctx, ['spot', 'perp', 'cme', 'cme-basis', 'cot']);
  if (!ctx.isCurrent()) return;
  const p = palette();
  const sign = (v: number): string => (v >= 0 ? p.up : p.down);

  timeCard(ctx, grid, 'Perp open interest (left) and price (right)', 'perp-oi', 'Perp open interest', (chart) => {
    const oi = sumByDate(need(data, 'perp'), 'open_interest_usd');
    addLine(chart, oi, {
      color: p.series[0] ?? p.accent,
      title: 'OI',
      scale: 'left',
      format: formatUsd,
      column: 'perp_open_interest_usd',
    });
    const spotSource = ctx.analysis.freshness.find((f) => f.input === 'spot')?.source;
    const price = meanByDate(onlyKey(optional(data, 'spot'), 'venue', spotSource), 'close');
    if (oi.length > 0 && price.length > 0)
      addLine(chart, price, { color: p.muted, title: 'price', format: formatPrice, column: 'spot_close' });
    return oi.length;
  });
  timeCard(ctx, grid, 'Perp funding rate per 8h (mean across venues)', 'funding', 'Funding rates', (chart) => {
    const funding = meanByDate(need(data, 'perp'), 'funding_rate8h');
    addHistogram(chart, funding, {
      title: 'funding 8h',
      colorOf: sign,
      format: (v) => formatPercent(v, 3),
      column: 'funding_rate_8h',
    });
    return funding.length;
  });
  timeCard(ctx, grid, 'Liquidations: longs (down) and shorts (up)', 'liquidations', 'Liquidations', (chart) => {
    const perp = need(data, 'perp');
    const longs = sumByDate(perp, 'long_liquidations_usd').map((x) => ({ date: x.date, value: -x.value }));
    const shorts = sumByDate(perp, 'short_liquidations_usd');
    if (longs.length > 0)
      addHistogram(chart, longs, {
        title: 'longs',
        colorOf: () => p.down,
        format: formatUsd,
        column: 'long_liquidations_usd_negative',
      });
    if (shorts.length > 0)
      addHistogram(chart, shorts, {
        title: 'shorts',
        colorOf: () => p.up,
        format: formatUsd,
        column: 'short_liquidations_usd',
      });
    return longs.length + shorts.length;
  });
  timeCard(ctx, grid, 'CME open interest (left) and basis (right)', 'cme', 'CME positioning', (chart) => {
    const oi = sumByDate(need(data, 'cme'), 'open_interest_usd');
    if (oi.length > 0)
      addLine(chart, oi, {
        color: p.series[1] ?? p.accent,
        title: 'CME OI',
        scale: 'left',
        format: formatUsd,
        column: 'cme_open_interest_usd',
      });
    const basis = meanByDate(optional(data, 'cme-basis'), 'basis_usd');
    if (basis.length > 0)
      addLine(chart, basis, {
        color: p.series[2] ?? p.muted,
        title: 'basis',
        format: formatUsd,
        column: 'cme_basis_usd',
      });
    return oi.length + basis.length;
  });
  timeCard(ctx, grid, 'CFTC COT net positions (coins)', 'cot', 'COT positions', (chart) => {
    const cot = need(data, 'cot');
    const lev = sumByDate(cot, 'leveraged_funds_net_coins');
    const am = sumByDate(cot, 'asset_managers_net_coins');
    if (lev.length > 0)
      addLine(chart, lev, {
        color: p.series[3] ?? p.accent,
        title: 'leveraged funds',
        format: formatCount,
        column: 'leveraged_funds_net_coins',
      });
    if (am.length > 0)
      addLine(chart, am, {
        color: p.series[4] ?? p.muted,
        title: 'asset managers',
        format: formatCount,
        column: 'asset_managers_net_coins',
      });
    return lev.length + am.length;
  });
  fieldsCard(grid, 'Positioning signal', ctx.analysis.signals.positioning, POSITIONING_LABELS, 'positioning-signal');
}
