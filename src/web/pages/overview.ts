// Overview page: phase label (or "no call" and why), confidence gauge, headline signals, ranked evidence, the
// confirmation checklist and the spot price leading to the as-of date.
import type { Evidence } from '../../domain/analysis.js';
import { fetchAnalysis, fetchSeries } from '../api.js';
import { formatUsd } from '../../format/money.js';
import { formatDecimal, formatPrice } from '../../format/numbers.js';
import { formatPercent, formatSignedPct } from '../../format/percent.js';
import { formatDate } from '../../format/dates.js';
import { signalLabel, valueLabel } from '../../domain/labels/code-names.js';
import { addCsvButton, addTableCsvButton, seriesCsv } from '../csv.js';
import { escapeHtml } from '../format.js';
import { humanText } from '../../domain/labels/human-text.js';
import { markStale, previousSession, whatChanged, type WhatChanged } from '../what-changed.js';
import { asNumber, asStrings } from '../read.js';
import { meanByDate, onlyKey } from '../series.js';
import { palette } from '../theme.js';
import { card, el, notAvailable, seriesQuery, showError, type PageContext } from '../ui.js';

/** An SVG coordinate to two decimals (geometry, not a figure for people: no src/format). */
function svgCoordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** SVG half-circle gauge of a 0..1 confidence. */
export function gaugeSvg(confidence: number | null): string {
  const c = confidence === null ? 0 : Math.min(1, Math.max(0, confidence));
  const angle = Math.PI * (1 - c);
  const x = 60 + 50 * Math.cos(angle);
  const y = 60 - 50 * Math.sin(angle);
  const large = 0;
  const label = confidence === null ? 'n/a' : formatPercent(c, 0);
  return `<svg class="gauge" viewBox="0 0 120 72" role="img" aria-label="confidence ${label}">
    <path d="M10 60 A50 50 0 0 1 110 60" class="gauge-track" />
    ${c > 0 ? `<path d="M10 60 A50 50 0 ${large} 1 ${svgCoordinate(x)} ${svgCoordinate(y)}" class="gauge-fill" />` : ''}
    <text x="60" y="56" text-anchor="middle" class="gauge-text">${label}</text>
  </svg>`;
}

/** Evidence lines shown before "Show all" (keeps the overview within one 1366×768 screen). */
const SHOWN_EVIDENCE = 6;

function evidenceRank(e: Evidence): number {
  return Math.abs(asNumber(e.weight) ?? 0);
}

/** Fills the "what changed" card: the call line, the compared figures and the inputs gone stale. */
function renderWhatChanged(body: HTMLElement, diff: WhatChanged): void {
  const stale =
    diff.newStale.length > 0
      ? `<p class="stale-new">Newly stale: ${diff.newStale.map(escapeHtml).join('; ')}</p>`
      : `<p class="muted">No input went stale since ${escapeHtml(formatDate(diff.previousAsOf))}.</p>`;
  const still =
    diff.stale.length > diff.newStale.length
      ? `<p class="muted">Stale (left out of the call): ${diff.stale.map(escapeHtml).join('; ')}</p>`
      : '';
  body.innerHTML = `<p class="headline" id="what-changed-call">${escapeHtml(diff.headline)}</p>
    <table class="events compare"><thead><tr><th>Figure</th><th class="num">${escapeHtml(formatDate(diff.previousAsOf))}</th><th class="num">Now</th><th class="num">Change</th></tr></thead><tbody>${diff.rows
      .map(
        (r) =>
          `<tr><th>${escapeHtml(r.label)}</th><td class="num">${escapeHtml(r.before)}</td><td class="num">${escapeHtml(r.now)}</td><td class="num">${escapeHtml(r.change)}</td></tr>`,
      )
      .join('')}</tbody></table>${stale}${still}`;
  addTableCsvButton(body, 'what-changed');
}

/** Renders the overview into ctx.root. */
export async function renderOverview(ctx: PageContext): Promise<void> {
  const a = ctx.analysis;
  const grid = el('div', 'grid');
  ctx.root.append(grid);

  const phase = card(grid, 'Market phase', { id: 'phase-card' });
  // No call (no price known at the as-of date): say so and why; no confidence gauge.
  phase.innerHTML =
    a.phase.label === null
      ? `<div class="phase-row">
      <div><div class="phase-label phase-no-call" id="phase-label">no call</div>
      <div class="muted">${escapeHtml(a.asset)} as of ${escapeHtml(a.asOf)}</div>
      <p class="no-call-reason" id="no-call-reason">${escapeHtml(a.phase.noCallReason)}</p></div>
    </div>`
      : `<div class="phase-row">
      <div><div class="phase-label phase-${escapeHtml(a.phase.label)}" id="phase-label">${escapeHtml(a.phase.label)}</div>
      <div class="muted">${escapeHtml(a.asset)} as of ${escapeHtml(formatDate(a.asOf))}</div></div>
      <div class="gauge-box">${gaugeSvg(a.phase.confidence)}<div class="muted">confidence</div></div>
    </div>`;

  const head = card(grid, 'Headline signals', { id: 'headline' });
  const { etfFlows: flows, liquidity, positioning, trend } = a.signals;
  const rows: [string, string][] = [
    [`${a.asset} close`, formatPrice(trend.close)],
    ['Price against 200-day average', formatSignedPct(trend.pctFromSma200)],
    ['ETF flow regime', valueLabel(flows.regime)],
    ['Flow directionality', formatDecimal(flows.directionality)],
    ['Outflow share', formatPercent(flows.outflowShare)],
    ['Sell-off type', valueLabel(liquidity.selloffType)],
    ['Perp open interest', markStale(a, 'openInterestUsd', formatUsd(positioning.openInterestUsd))],
    ['Perp OI change, 30 days', markStale(a, 'openInterestUsd', formatSignedPct(positioning.oiChangePct.d30))],
  ];
  head.innerHTML = `<table class="kv">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
  addTableCsvButton(head, 'headline');

  const changed = card(grid, 'What changed since the previous session', { id: 'what-changed' });
  const previousAsOf = previousSession(a.asOf);
  const previous = fetchAnalysis(previousAsOf, a.asset);

  const evidence = card(grid, 'Evidence, strongest first', { id: 'evidence' });
  const ranked = [...(a.phase.evidence ?? [])].sort((x, y) => evidenceRank(y) - evidenceRank(x));
  if (ranked.length === 0) notAvailable(evidence, 'Evidence');
  else {
    evidence.innerHTML = `<ol class="evidence">${ranked
      .map((e, i) => {
        const w = asNumber(e.weight) ?? 0;
        const width = Math.min(100, Math.abs(w) * 100);
        return `<li${i >= SHOWN_EVIDENCE ? ' class="more" hidden' : ''}><span class="weight ${w >= 0 ? 'pos' : 'neg'}" title="weight ${formatDecimal(w)}"><i style="width:${Math.round(width)}%"></i></span>
          <span class="sig">${escapeHtml(signalLabel(String(e.signal)))}</span>
          <span class="txt">${escapeHtml(humanText(String(e.text)))}</span></li>`;
      })
      .join('')}</ol>`;
    if (ranked.length > SHOWN_EVIDENCE) {
      const more = el('button', 'link', `Show all ${ranked.length}`);
      more.type = 'button';
      more.addEventListener('click', () => {
        const hidden = evidence.querySelector('li.more[hidden]') !== null;
        evidence.querySelectorAll<HTMLElement>('li.more').forEach((li) => (li.hidden = !hidden));
        more.textContent = hidden ? `Show the strongest ${SHOWN_EVIDENCE}` : `Show all ${ranked.length}`;
      });
      evidence.append(more);
    }
  }
  const unused = asStrings(a.phase.unusedEvidence);
  if (unused.length > 0) {
    evidence.append(el('p', 'note', `Not used (inputs missing): ${unused.map(escapeHtml).join('; ')}`));
  }

  const checklist = card(grid, 'Confirmation checklist', { id: 'checklist' });
  const items = a.checklist ?? [];
  if (items.length === 0) notAvailable(checklist, 'Checklist');
  else {
    const met = items.filter((i) => i.met).length;
    checklist.innerHTML = `<p class="muted">${met} of ${items.length} met</p><ul class="checklist">${items
      .map(
        (i) =>
          `<li class="${i.met ? 'met' : 'unmet'}"><span aria-hidden="true">${i.met ? '✓' : '✗'}</span> ${escapeHtml(humanText(i.text))}</li>`,
      )
      .join('')}</ul>`;
  }

  try {
    renderWhatChanged(changed, whatChanged(await previous, a));
  } catch (error) {
    showError(changed, `The analysis of ${formatDate(previousAsOf)} could not be loaded`, error);
  }
  if (!ctx.isCurrent()) return;

  const priceBox = card(grid, `${a.asset} spot close`, { chart: true, id: 'overview-price', wide: true });
  try {
    const [spot, { createTimeChart, addLine, chartSeries }] = await Promise.all([
      fetchSeries('spot', seriesQuery(ctx, 365)),
      import('../charts/lw.js'),
    ]);
    if (!ctx.isCurrent()) return;
    // The spot source the analysis read (its close is the headline's), not a mean across sources.
    const spotSource = a.freshness.find((f) => f.input === 'spot')?.source;
    const closes = meanByDate(onlyKey(spot, 'venue', spotSource), 'close');
    if (closes.length === 0) return notAvailable(priceBox, 'Spot prices');
    const chart = createTimeChart(priceBox);
    ctx.onDispose(() => chart.remove());
    addLine(chart, closes, { color: palette().accent, title: 'close', format: formatPrice, column: 'close' });
    chart.timeScale().fitContent();
    priceBox.dataset['points'] = String(closes.length);
    addCsvButton(priceBox, 'overview-price', () => seriesCsv(chartSeries(chart)));
  } catch (error) {
    showError(priceBox, 'Spot prices could not be loaded', error);
  }
}
