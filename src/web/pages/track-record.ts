// Track record page: every replayed call of the engine scored against hindsight next to the two
// price-only baselines, read once per asset from /api/track-record — the price with the calls as bands,
// where the engine is worse than a baseline in words, and per period (tabs: in-sample, out-of-sample)
// the verdicts, every yardstick, the equity curves and the reliability diagram.
import type { TrackRecordAnswer, TrackRecordAnswerPeriod } from '../../domain/track-record-answer.js';
import type { TrackRecordEngineId } from '../../domain/track-record.js';
import { TRACK_RECORD_ENGINES } from '../../domain/track-record.js';
import { brierSentence, labelRows, reliabilityRows } from '../../domain/track-record-tables.js';
import { sampleMeaning, verdictMark, worseVerdicts, yardstickRows } from '../../domain/track-record-views.js';
import { formatCount, formatDecimal, formatPrice } from '../../format/numbers.js';
import { formatPercent } from '../../format/percent.js';
import { getJson } from '../api.js';
import { createEChart } from '../charts/ec.js';
import { escapeHtml } from '../format.js';
import { card, el, notAvailable, showError, type PageContext } from '../ui.js';
import { drawEquityChart, drawPriceChart, drawReliabilityChart } from './track-record-charts.js';
import { renderForwardReturns } from './track-record-forward.js';
import { tableHtml } from './track-record-tables.js';

/** Row names of the strip under the price (short, so both grids keep the same left edge). */
const STRIP_NAMES = { hindsight: 'hindsight', engine: 'engine', sma50and200: '50/200', sma200: '200-day' } as const;

// One request per asset for the page's lifetime (the record runs to the latest data; the as-of date does
// not change it). Failures are not kept, so a retry asks again.
const answers = new Map<string, Promise<TrackRecordAnswer>>();

/** GET /api/track-record for `asset` without the per-call rows the page does not draw. */
export function fetchTrackRecord(asset: string): Promise<TrackRecordAnswer> {
  let pending = answers.get(asset);
  if (!pending) {
    pending = getJson('/api/track-record', { asset, omit: 'scoredCalls' }) as Promise<TrackRecordAnswer>;
    answers.set(asset, pending);
    pending.catch(() => answers.delete(asset));
  }
  return pending;
}

/** Renders the track-record page into ctx.root. */
export async function renderTrackRecord(ctx: PageContext): Promise<void> {
  const asset = ctx.analysis.asset;
  const waiting = el(
    'div',
    'loading',
    `<span class="spinner"></span> Replaying every US trading day of ${escapeHtml(asset)} and scoring it (the first time takes seconds)…`,
  );
  ctx.root.append(waiting);
  let record: TrackRecordAnswer;
  try {
    record = await fetchTrackRecord(asset);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    waiting.remove();
    const box = el('div');
    ctx.root.append(box);
    showError(box, 'The track record could not be loaded', error);
    return;
  }
  if (!ctx.isCurrent()) return;
  waiting.remove();
  const names = Object.fromEntries(record.method.engines.map((e) => [e.id, e.name])) as Record<
    TrackRecordEngineId,
    string
  >;
  const grid = el('div', 'grid');
  ctx.root.append(grid);

  const intro = card(grid, `Track record — ${asset}${record.simulated ? ' (SIMULATED DATA)' : ''}`, {
    wide: true,
    id: 'tr-intro',
  });
  const first = record.periods[0]?.firstCallDate ?? '–';
  const last = record.periods.at(-1)?.lastCallDate ?? '–';
  const { bullDecline, bearRise } = record.method.dating;
  intro.innerHTML = `${record.simulated ? '<p class="tr-simulated">SIMULATED DATA: replayed on the seeded simulator; it says nothing about real markets.</p>' : ''}
    <p>${escapeHtml(`${formatCount(record.replay.days)} US trading days from ${first} to ${last} replayed point-in-time and scored against a hindsight dating (a bull market ends ${formatPercent(bullDecline, 0)} below its peak, a bear market ${formatPercent(bearRise, 0)} above its trough; ${formatCount(record.turningPoints.length)} turning points), next to the ${names.sma200} and the ${names.sma50and200} on the same days. Through the latest data: the as-of date does not apply on this page.`)}</p>`;
  const worse = record.periods.flatMap((p) => worseVerdicts(p).map((v) => `${p.name}: ${v.text}`));
  const worseBox = el('div', undefined, '<h3 class="tr-h3">Where the engine is worse than a baseline</h3>');
  worseBox.id = 'tr-worse';
  worseBox.append(
    worse.length > 0
      ? el('ul', 'verdicts', worse.map((w) => `<li class="worse">${escapeHtml(w)}</li>`).join(''))
      : el('p', 'na', 'On no yardstick is the engine worse than the best baseline.'),
  );
  intro.append(worseBox);

  const priceBox = card(
    grid,
    'Close with the engine’s calls (bands), dated peaks ▼ and troughs ▲; below: calls vs hindsight',
    {
      chart: true,
      wide: true,
      id: 'tr-price',
    },
  );
  priceBox.classList.add('tall');
  const split = record.periods.length > 1 && record.periods.some((p) => p.sample === 'in-sample');
  if (record.days === undefined || record.days.length === 0) notAvailable(priceBox, 'Daily closes');
  else {
    const { chart, dispose } = createEChart(priceBox);
    ctx.onDispose(dispose);
    priceBox.dataset['points'] = String(drawPriceChart(chart, record.days, record.turningPoints, split, STRIP_NAMES));
  }

  const tabs = el('div', 'toolbar period-tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.id = 'tr-periods';
  const periodBox = el('div', 'grid tr-period');
  const tabsCard = card(grid, 'Period', { wide: true, id: 'tr-period-card' });
  tabsCard.append(tabs);
  ctx.root.append(periodBox);
  record.periods.forEach((period, i) => {
    const button = el(
      'button',
      'seg',
      escapeHtml(`${period.name} · ${period.firstCallDate ?? period.from} → ${period.lastCallDate ?? period.to}`),
    );
    button.type = 'button';
    button.dataset['period'] = String(i);
    button.setAttribute('role', 'tab');
    button.addEventListener('click', () => showPeriod(i));
    tabs.append(button);
  });
  let disposeCharts: (() => void)[] = [];
  ctx.onDispose(() => disposeCharts.forEach((d) => d()));

  function showPeriod(index: number): void {
    disposeCharts.forEach((d) => d());
    disposeCharts = [];
    periodBox.innerHTML = '';
    for (const b of tabs.querySelectorAll('button')) {
      const selected = b.dataset['period'] === String(index);
      b.classList.toggle('active', selected);
      b.setAttribute('aria-selected', String(selected));
    }
    const period = record.periods[index]!;
    periodBox.dataset['period'] = period.sample;
    renderPeriod(period);
  }

  function renderPeriod(period: TrackRecordAnswerPeriod): void {
    const verdicts = card(periodBox, `Verdicts against the best baseline — ${period.name}`, {
      wide: true,
      id: 'tr-verdicts',
    });
    verdicts.innerHTML = `<p class="note">${escapeHtml(sampleMeaning(period, record.simulated))}</p>
      <ul class="verdicts">${period.verdicts
        .map((v) => `<li class="${v.outcome}"><span class="mark">${verdictMark(v)}</span> ${escapeHtml(v.text)}</li>`)
        .join('')}</ul>`;
    const equity = card(periodBox, 'Growth of 1 following each engine’s calls vs buy and hold (costs included)', {
      chart: true,
      wide: true,
      id: 'tr-equity',
    });
    const equityCurves = period.equityCurves ?? [];
    if (equityCurves.length === 0) notAvailable(equity, 'Equity curves');
    else {
      const { chart, dispose } = createEChart(equity);
      disposeCharts.push(dispose);
      equity.dataset['points'] = String(drawEquityChart(chart, { ...period, equityCurves }, names));
    }
    const reliability = card(periodBox, 'Reliability of the confidence', { chart: true, id: 'tr-reliability' });
    const { chart, dispose } = createEChart(reliability);
    disposeCharts.push(dispose);
    const bins = drawReliabilityChart(chart, { ...period, equityCurves });
    reliability.dataset['points'] = String(bins);
    const calibration = period.engines.engine.calibration;
    const calibrationTable = card(periodBox, 'Reliability table and Brier score', { id: 'tr-reliability-table' });
    if (bins === 0 || calibration === null) {
      notAvailable(reliability, 'Scored calls with a confidence');
      notAvailable(calibrationTable, 'Scored calls with a confidence');
    } else
      calibrationTable.innerHTML = `<p class="note">${escapeHtml(brierSentence(calibration))}</p>${tableHtml(
        ['Confidence', 'Calls', 'Mean confidence', 'Share right'],
        reliabilityRows(calibration),
      )}`;

    const labels = card(periodBox, 'Per called label: scored days and share right in hindsight', {
      wide: true,
      id: 'tr-labels',
    });
    labels.innerHTML = tableHtml(
      ['Call', ...TRACK_RECORD_ENGINES.map((id) => names[id])],
      labelRows(period).map((r) => [r.label, ...r.text]),
    );
    renderForwardReturns(periodBox, period, record.method, names, (d) => disposeCharts.push(d));

    const table = card(periodBox, 'Every yardstick, side by side', { wide: true, id: 'tr-table' });
    table.innerHTML = tableHtml(
      ['Yardstick', ...TRACK_RECORD_ENGINES.map((id) => names[id]), 'Buy and hold'],
      yardstickRows(period, record.method.horizonsDays).map((r) => [r.yardstick, ...r.text]),
    );

    const turns = card(periodBox, 'Dated turning points and each engine’s lag to its first matching call', {
      wide: true,
      id: 'tr-turns',
    });
    const points = period.engines.engine.turningPointLags.points;
    if (points.length === 0) notAvailable(turns, 'Turning points in this period');
    else
      turns.innerHTML = tableHtml(
        ['Turn', 'Kind', 'Close', ...TRACK_RECORD_ENGINES.map((id) => names[id])],
        points.map((pt, i) => [
          pt.date,
          pt.kind,
          formatPrice(pt.close),
          ...TRACK_RECORD_ENGINES.map((id) => {
            const q = period.engines[id].turningPointLags.points[i];
            return q === undefined ? '–' : q.status === 'matched' ? `${formatDecimal(q.lagDays, 0)} d` : q.status;
          }),
        ]),
        2,
      );
  }

  // Out-of-sample first when there is one: those are the figures to judge the engine by.
  const outOfSample = record.periods.findIndex((p) => p.sample === 'out-of-sample');
  if (record.periods.length > 0) showPeriod(outOfSample >= 0 ? outOfSample : 0);
}
