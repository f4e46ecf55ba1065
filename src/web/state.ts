// The dashboard's view state (page, as-of date, asset) and its two-way sync with the URL query
// (?tab=&asOf=&asset=), so any view can be linked and the back button replays past judgments.

export const PAGES = [
  'overview',
  'etf-flows',
  'positioning',
  'liquidity',
  'events',
  'waves',
  'track-record',
  'playbook',
] as const;
export type PageName = (typeof PAGES)[number];

export const PAGE_TITLES: Record<PageName, string> = {
  overview: 'Overview',
  'etf-flows': 'ETF flows',
  positioning: 'Positioning',
  liquidity: 'Liquidity',
  events: 'Events',
  waves: 'Waves',
  'track-record': 'Track record',
  playbook: 'Playbook',
};

export interface ViewState {
  readonly page: PageName;
  /** null = the server's latest day. */
  readonly asOf: string | null;
  readonly asset: 'BTC' | 'ETH';
}

/** Reads the view from a query string; unknown values fall back to overview / latest / BTC. */
export function readViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const tab = q.get('tab');
  const asOf = q.get('asOf');
  return {
    page: (PAGES as readonly string[]).includes(tab ?? '') ? (tab as PageName) : 'overview',
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    asset: q.get('asset')?.toUpperCase() === 'ETH' ? 'ETH' : 'BTC',
  };
}

/** The query string for a view (tab left out for overview, asOf left out when latest). */
export function viewQuery(view: ViewState): string {
  const q = new URLSearchParams();
  if (view.page !== 'overview') q.set('tab', view.page);
  if (view.asOf) q.set('asOf', view.asOf);
  q.set('asset', view.asset);
  return `?${q.toString()}`;
}
