// Dashboard entry: the tab bar, as-of date picker and asset switch kept in sync with the URL,
// fetching /api/analysis for the chosen day and rendering the chosen page (loaded on demand).
import type { Analysis } from '../domain/analysis.js';
import { fetchAnalysis, fetchSeries } from './api.js';
import { escapeHtml } from './format.js';
import { PAGES, PAGE_TITLES, readViewState, viewQuery, type PageName, type ViewState } from './state.js';
import { applyTheme, currentTheme } from './theme.js';
import { el, seriesWindow, showError, type PageContext } from './ui.js';
import { renderOverview } from './pages/overview.js';
import { addMissingTableCsvButtons } from './csv.js';

type Renderer = (ctx: PageContext) => void | Promise<void>;

// The overview is bundled with the entry (first paint needs it); other pages load on demand.
const LOADERS: Record<PageName, () => Promise<Renderer>> = {
  overview: () => Promise.resolve(renderOverview),
  'etf-flows': async () => (await import('./pages/etf-flows.js')).renderEtfFlows,
  positioning: async () => (await import('./pages/positioning.js')).renderPositioning,
  liquidity: async () => (await import('./pages/liquidity.js')).renderLiquidity,
  events: async () => (await import('./pages/events.js')).renderEvents,
  waves: async () => (await import('./pages/waves.js')).renderWaves,
  'track-record': async () => (await import('./pages/track-record.js')).renderTrackRecord,
  playbook: async () => (await import('./pages/playbook.js')).renderPlaybook,
};

const pageRoot = document.getElementById('page') as HTMLElement;
// Every table a page draws, now or after a later switch, gets a CSV button.
new MutationObserver(() => addMissingTableCsvButtons(pageRoot)).observe(pageRoot, { childList: true, subtree: true });
const tabs = document.getElementById('tabs') as HTMLElement;
const asOfInput = document.getElementById('asof') as HTMLInputElement;
const assetSelect = document.getElementById('asset') as HTMLSelectElement;
const banner = document.getElementById('banner') as HTMLElement;
const themeToggle = document.getElementById('theme-toggle') as HTMLButtonElement;

let view: ViewState = readViewState(location.search);
let analysis: { key: string; value: Analysis } | null = null;
let generation = 0;
const disposers: (() => void)[] = [];

function disposePage(): void {
  for (const d of disposers.splice(0)) {
    try {
      d();
    } catch {
      // a chart already gone is fine
    }
  }
}

function renderTabs(): void {
  tabs.innerHTML = PAGES.map(
    (p) =>
      `<a href="${viewQuery({ ...view, page: p })}" data-page="${p}" class="${p === view.page ? 'active' : ''}"${p === view.page ? ' aria-current="page"' : ''}>${escapeHtml(PAGE_TITLES[p])}</a>`,
  ).join('');
}

function navigate(next: ViewState, push = true): void {
  view = next;
  if (push && viewQuery(view) !== location.search) history.pushState(null, '', viewQuery(view));
  void load();
}

async function load(): Promise<void> {
  const mine = ++generation;
  const isCurrent = (): boolean => mine === generation;
  disposePage();
  renderTabs();
  assetSelect.value = view.asset;
  if (view.asOf) asOfInput.value = view.asOf;
  pageRoot.removeAttribute('data-ready');
  pageRoot.dataset['state'] = 'loading';
  pageRoot.innerHTML = '<div class="loading" role="status"><span class="spinner"></span> Loading…</div>';
  const key = `${view.asOf ?? 'latest'}|${view.asset}`;
  try {
    const [value, render] = await Promise.all([
      analysis?.key === key ? analysis.value : fetchAnalysis(view.asOf, view.asset),
      LOADERS[view.page](),
    ]);
    if (!isCurrent()) return;
    analysis = { key, value };
    asOfInput.value = value.asOf;
    banner.hidden = !value.simulated;
    banner.textContent = value.simulated
      ? 'SIMULATED DATA — this analysis runs on the seeded simulator, not on market data.'
      : '';
    pageRoot.innerHTML = '';
    pageRoot.dataset['asof'] = value.asOf;
    pageRoot.dataset['phase'] = value.phase.label ?? 'no-call';
    await render({
      root: pageRoot,
      analysis: value,
      view,
      isCurrent,
      onDispose: (fn) => (isCurrent() ? disposers.push(fn) : fn()),
    });
    if (!isCurrent()) return;
    pageRoot.dataset['state'] = 'ready';
    pageRoot.dataset['ready'] = view.page;
    if (performance.getEntriesByName('tidemark-ready').length === 0) performance.mark('tidemark-ready');
  } catch (error) {
    if (!isCurrent()) return;
    pageRoot.innerHTML = '';
    const box = el('div');
    pageRoot.append(box);
    showError(
      box,
      view.page === 'overview' || analysis?.key !== key
        ? 'The analysis could not be loaded'
        : 'This page could not be drawn',
      error,
    );
    pageRoot.dataset['state'] = 'error';
  }
}

tabs.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a[data-page]');
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  navigate({ ...view, page: link.getAttribute('data-page') as PageName });
});
// Typing a date fires 'change' for every complete value on the way (2026 → 0002, 0020, 0202, 2026):
// the day is applied once, when typing pauses, on Enter or on leaving the field.
const AS_OF_SETTLE_MS = 400;
let asOfTimer: ReturnType<typeof setTimeout> | undefined;
const applyAsOf = (): void => {
  clearTimeout(asOfTimer);
  const value = asOfInput.value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value !== (view.asOf ?? analysis?.value.asOf))
    navigate({ ...view, asOf: value });
};
asOfInput.addEventListener('change', () => {
  clearTimeout(asOfTimer);
  asOfTimer = setTimeout(applyAsOf, AS_OF_SETTLE_MS);
});
asOfInput.addEventListener('blur', applyAsOf);
asOfInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') applyAsOf();
});
assetSelect.addEventListener('change', () => navigate({ ...view, asset: assetSelect.value === 'ETH' ? 'ETH' : 'BTC' }));
(document.getElementById('controls') as HTMLFormElement).addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', () => navigate(readViewState(location.search), false));

applyTheme(currentTheme());
themeToggle.textContent = currentTheme() === 'dark' ? '☀ Light' : '☾ Dark';
themeToggle.addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  applyTheme(next, true);
  themeToggle.textContent = next === 'dark' ? '☀ Light' : '☾ Dark';
  void load();
});
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  applyTheme(currentTheme());
  void load();
});

// Fetch the chart library (and, for a known day, the overview's prices) while the analysis is on
// its way; every page but events/waves/track-record/playbook uses lightweight-charts.
if (!['events', 'waves', 'track-record', 'playbook'].includes(view.page)) void import('./charts/lw.js');
if (view.page === 'overview' && view.asOf)
  fetchSeries('spot', seriesWindow(view.asOf, view.asset, 365)).catch(() => undefined);
void load();
