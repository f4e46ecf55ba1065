// Small DOM helpers shared by the pages: element builder, cards with a chart slot, "not available"
// notes, error boxes, and the PageContext each page renders into.
import type { Analysis } from '../domain/analysis.js';
import { ApiError } from './api.js';
import { escapeHtml } from './format.js';
import type { ViewState } from './state.js';
import { addDays } from './series.js';

/** What a page gets to render: its root, the analysis, the view and a disposer registry. */
export interface PageContext {
  readonly root: HTMLElement;
  readonly analysis: Analysis;
  readonly view: ViewState;
  /** Registers cleanup (chart.remove, listeners) run when the page is left or re-rendered. */
  onDispose(fn: () => void): void;
  /** False once the user navigated elsewhere: late async work must stop drawing. */
  isCurrent(): boolean;
}

/** Series window for charts: the `days` (400) up to the analysis as-of date (point-in-time). */
export function seriesQuery(ctx: PageContext, days = 400): Record<string, string> {
  return seriesWindow(ctx.analysis.asOf, ctx.analysis.asset, days);
}

/** The query of a series window ending on `asOf` (same key order, so fetchSeries can reuse it). */
export function seriesWindow(asOf: string, asset: string, days: number): Record<string, string> {
  return { from: addDays(asOf, -days), to: asOf, asOf, asset };
}

/** Creates an element with a class and optional inner HTML (callers escape text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  html?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (html !== undefined) node.innerHTML = html;
  return node;
}

/** A titled card appended to `parent`; returns its body. `chart` adds a sized chart slot class. */
export function card(
  parent: HTMLElement,
  title: string,
  options: { id?: string; chart?: boolean; wide?: boolean; note?: string } = {},
): HTMLElement {
  const box = el('section', `card${options.wide ? ' wide' : ''}`);
  if (options.id) box.id = options.id;
  // Marks chart cards, so tests can require that every chart drew points.
  if (options.chart) box.dataset['kind'] = 'chart';
  box.append(el('h2', undefined, escapeHtml(title)));
  if (options.note) box.append(el('p', 'note', escapeHtml(options.note)));
  const body = el('div', options.chart ? 'chart' : 'card-body');
  box.append(body);
  parent.append(box);
  return body;
}

/** Replaces `target` content with a muted "not available" line naming what is missing. */
export function notAvailable(target: HTMLElement, what: string): void {
  target.classList.remove('chart');
  target.innerHTML = `<p class="na">${escapeHtml(what)}: not available</p>`;
}

/** A readable error message for any thrown value (ApiError keeps the server's text). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError)
    return error.status > 0 ? `${error.message} (HTTP ${error.status}, ${error.path})` : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Replaces `target` content with an error box. */
export function showError(target: HTMLElement, title: string, error: unknown): void {
  target.classList.remove('chart');
  target.innerHTML = `<div class="error" role="alert"><strong>${escapeHtml(title)}</strong><p>${escapeHtml(errorText(error))}</p></div>`;
}
