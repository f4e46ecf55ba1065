// Paging exchange history by time windows: each window is sized to hold at most one page; a page
// that comes back full is split in two and both halves fetched, so the result does not depend on
// whether a venue returns the oldest or the newest items of a window first. Pages are merged and
// de-duplicated by timestamp.
import { dedupeByTimestamp } from './perp-daily.js';

export interface PageRequest {
  /** Window start, ms (inclusive). */
  readonly since: number;
  /** Window end, ms (inclusive). */
  readonly until: number;
  readonly limit: number;
}

export interface PageByTimeOptions {
  readonly from: number;
  /** End, ms (exclusive). */
  readonly to: number;
  /** Items per page the venue returns at most. */
  readonly limit: number;
  /** Spacing of items (e.g. 8 h for funding, 1 d for daily bars): window = limit × periodMs. */
  readonly periodMs: number;
  /** Called after each page with the number of pages fetched so far and the windows known. */
  readonly onPage?: (pages: number, windows: number) => void;
}

/**
 * Fetches every item with from ≤ timestamp < to through `fetchPage`, one window at a time.
 * Items outside the requested window are ignored; duplicates (same timestamp) keep the first.
 */
export async function pageByTime<T extends { readonly timestamp: number }>(
  fetchPage: (request: PageRequest) => Promise<readonly T[]>,
  options: PageByTimeOptions,
): Promise<T[]> {
  const windowMs = Math.max(options.periodMs, options.limit * options.periodMs);
  const windows: [number, number][] = [];
  for (let start = options.from; start < options.to; start += windowMs)
    windows.push([start, Math.min(options.to, start + windowMs)]);
  const out: T[] = [];
  let pages = 0;
  while (windows.length > 0) {
    const [since, end] = windows.shift()!;
    const page = await fetchPage({ since, until: end - 1, limit: options.limit });
    pages++;
    const inWindow = page.filter((x) => x.timestamp >= since && x.timestamp < end);
    if (inWindow.length >= options.limit && end - since > options.periodMs) {
      const mid = since + Math.floor((end - since) / 2);
      windows.unshift([since, mid], [mid, end]);
    } else {
      out.push(...inWindow);
    }
    options.onPage?.(pages, pages + windows.length);
  }
  return dedupeByTimestamp(out);
}
