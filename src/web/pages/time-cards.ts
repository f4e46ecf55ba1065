// Shared plumbing for pages made of lightweight-charts cards: fetch several datasets at once
// (each may fail on its own) and draw one time chart per card, or say what is missing.
import type { IChartApi } from 'lightweight-charts';
import { fetchSeries, type SeriesTable } from '../api.js';
import { type FieldLabel } from '../../domain/labels/field-labels.js';
import { labelledRows } from '../../domain/labels/field-rows.js';
import { addCsvButton, addTableCsvButton, seriesCsv } from '../csv.js';
import { escapeHtml } from '../format.js';
import { chartSeries, createTimeChart } from '../charts/lw.js';
import { card, notAvailable, seriesQuery, showError, type PageContext } from '../ui.js';

/** Each dataset's table, or the error it failed with. */
export type Fetched = Record<string, SeriesTable | Error>;

/** Calendar days of history a page of time charts shows, back from the as-of date. */
export const PAGE_DAYS = 365;

/** Fetches the datasets in parallel over the page's window; failures are kept per dataset. */
export async function fetchAll(ctx: PageContext, datasets: readonly string[]): Promise<Fetched> {
  const settled = await Promise.allSettled(datasets.map((d) => fetchSeries(d, seriesQuery(ctx, PAGE_DAYS))));
  const out: Fetched = {};
  datasets.forEach((d, i) => {
    const s = settled[i];
    out[d] = s?.status === 'fulfilled' ? s.value : s?.reason instanceof Error ? s.reason : new Error(String(s?.reason));
  });
  return out;
}

/** The table of a dataset; throws the fetch error so timeCard shows it in place of the chart. */
export function need(fetched: Fetched, dataset: string): SeriesTable {
  const t = fetched[dataset];
  if (t instanceof Error) throw t;
  return t ?? { columns: [], rows: [] };
}

/** The table of a dataset, or an empty table when it failed (for optional overlays). */
export function optional(fetched: Fetched, dataset: string): SeriesTable {
  const t = fetched[dataset];
  return t && !(t instanceof Error) ? t : { columns: [], rows: [] };
}

/**
 * Adds a card with a time chart; `draw` adds the series and returns how many points it drew.
 * `options.wide` spans the card over the grid's full width.
 * Zero points replaces the chart with "<what>: not available"; a throw shows the error instead.
 */
export function timeCard(
  ctx: PageContext,
  parent: HTMLElement,
  title: string,
  id: string,
  what: string,
  draw: (chart: IChartApi) => number,
  options: { wide?: boolean } = {},
): void {
  const body = card(parent, title, { chart: true, id, wide: options.wide ?? false });
  if (!ctx.isCurrent()) return;
  const chart = createTimeChart(body);
  let points: number;
  try {
    points = draw(chart);
  } catch (error) {
    chart.remove();
    return showError(body, `${what} could not be loaded`, error);
  }
  if (points === 0) {
    chart.remove();
    return notAvailable(body, what);
  }
  body.dataset['points'] = String(points);
  chart.timeScale().fitContent();
  addCsvButton(body, id, () => seriesCsv(chartSeries(chart)));
  ctx.onDispose(() => chart.remove());
}

/**
 * A card listing a signal section's figures with the label table's words and digits (fields not in
 * `labels` are not shown); `id` names the card and its CSV download; `staleLine` (staleInputsLine) stands above.
 */
export function fieldsCard(
  parent: HTMLElement,
  title: string,
  section: object | null,
  labels: Readonly<Record<string, FieldLabel>>,
  id: string,
  staleLine: string | null = null,
): void {
  const body = card(parent, title, { id });
  const rows = labelledRows(section, labels);
  if (rows.length === 0) return notAvailable(body, title);
  body.innerHTML = `${staleLine === null ? '' : `<p class="stale-inputs">${escapeHtml(staleLine)}</p>`}<table class="kv">${rows
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')}</table>`;
  addTableCsvButton(body, id);
}
