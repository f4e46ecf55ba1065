// Positioning page: perp open interest against price, funding, liquidations, CME open interest
// and basis, and the CFTC COT positions of leveraged funds and asset managers.
import { addHistogram, addLine } from '../charts/lw.js';
import { formatUsd } from '../../format/money.js';
import { formatCount, formatPrice } from '../../format/numbers.js';
import { formatPercent, formatSignedPercent } from '../../format/percent.js';
import { addDays, meanByDate, onlyKey, perpSeries, sumByDate } from '../series.js';
import { asDatedSeries } from '../read.js';
import { CME_CONTRACT } from '../../domain/series-sources.js';
import { palette } from '../theme.js';
import { POSITIONING_LABELS } from '../../domain/labels/field-rows.js';
import { el, type PageContext } from '../ui.js';
import { staleInputsLine } from '../what-changed.js';
import { fetchAll, fieldsCard, need, optional, PAGE_DAYS, timeCard } from './time-cards.js';

/** Renders the positioning page into ctx.root. */
export async function renderPositioning(ctx: PageContext): Promise<void> {
  const grid = el('div', 'grid');
  ctx.root.append(grid);
  const data = await fetchAll(ctx, ['spot', 'perp', 'cme', 'cme-basis', 'cot']);
  if (!ctx.isCurrent()) return;
  const p = palette();
  const sign = (v: number): string => (v >= 0 ? p.up : p.down);
  // Every chart reads the series the analysis read (domain/series-sources.ts) and names its source.
  const perp = optional(data, 'perp');
  const oiSource = perpSeries(perp, 'open_interest_usd', 'sum').source;
  const fundingSource = perpSeries(perp, 'funding_rate8h', 'mean').source;
  const liqSource = perpSeries(perp, 'long_liquidations_usd', 'sum').source;
  const spotSource = ctx.analysis.freshness.find((f) => f.input === 'spot')?.source;

  const oiTitle = `Perp open interest (left, ${oiSource}) and price (right${spotSource ? `, ${spotSource}` : ''})`;
  timeCard(ctx, grid, oiTitle, 'perp-oi', 'Perp open interest', (chart) => {
    const oi = perpSeries(need(data, 'perp'), 'open_interest_usd', 'sum').points;
    addLine(chart, oi, {
      color: p.series[0] ?? p.accent,
      title: 'OI',
      scale: 'left',
      format: formatUsd,
      column: 'perp_open_interest_usd',
    });
    const price = meanByDate(onlyKey(optional(data, 'spot'), 'venue', spotSource), 'close');
    if (oi.length > 0 && price.length > 0)
      addLine(chart, price, { color: p.muted, title: 'price', format: formatPrice, column: 'spot_close' });
    return oi.length;
  });
  timeCard(ctx, grid, `Perp funding rate per 8h (${fundingSource})`, 'funding', 'Funding rates', (chart) => {
    const funding = perpSeries(need(data, 'perp'), 'funding_rate8h', 'mean').points;
    addHistogram(chart, funding, {
      title: 'funding 8h',
      colorOf: sign,
      format: (v) => formatPercent(v, 4),
      column: 'funding_rate_8h',
    });
    return funding.length;
  });
  const liqTitle = `Liquidations: longs (down) and shorts (up), ${liqSource}`;
  timeCard(ctx, grid, liqTitle, 'liquidations', 'Liquidations', (chart) => {
    const table = need(data, 'perp');
    const longs = perpSeries(table, 'long_liquidations_usd', 'sum').points.map((x) => ({
      date: x.date,
      value: -x.value,
    }));
    const shorts = perpSeries(table, 'short_liquidations_usd', 'sum').points;
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
  const cmeTitle = 'CME front month: open interest (left) and annualised basis (right)';
  timeCard(ctx, grid, cmeTitle, 'cme', 'CME positioning', (chart) => {
    const oi = sumByDate(onlyKey(need(data, 'cme'), 'contract', CME_CONTRACT), 'open_interest_usd');
    if (oi.length > 0)
      addLine(chart, oi, {
        color: p.series[1] ?? p.accent,
        title: 'CME OI',
        scale: 'left',
        format: formatUsd,
        column: 'cme_open_interest_usd',
      });
    // The analysis's own annualised basis per day (same F, S and expiry as its latest figure).
    // Over the window the page shows (the analysis carries its whole look-back).
    const shownFrom = addDays(ctx.analysis.asOf, -PAGE_DAYS);
    const basis = asDatedSeries(ctx.analysis.signals.positioning.cme.annualisedBasisSeries).filter(
      (d) => d.date >= shownFrom,
    );
    if (basis.length > 0)
      addLine(chart, basis, {
        color: p.series[2] ?? p.muted,
        title: 'basis, annualised',
        format: (v) => formatSignedPercent(v),
        column: 'cme_annualised_basis',
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
  fieldsCard(
    grid,
    'Positioning signal',
    ctx.analysis.signals.positioning,
    POSITIONING_LABELS,
    'positioning-signal',
    staleInputsLine(ctx.analysis, ['openInterestUsd', 'fundingRate8h', 'liquidations', 'cme', 'cot']),
  );
}
