// Whether each input of an analysis is as fresh as its source normally is: a source publishes a
// date's number at a known time (domain/known-at.ts) — Farside's flows for US trading day D at D+1
// 02:00 UTC, a crypto daily bar at D+1 00:00 UTC, the CFTC's Tuesday report on Friday — and is late
// once that time plus a grace period has passed without the number. Used by the stale-input rule: a
// feed that is late by hours, an early warning, where domain/freshness.ts judges an input too old (in
// days) for the judgment to read. Inputs are named in the label table's words (SERIES_NAMES).
import { addDays, dayOfWeek, daysBetween } from '../domain/dates.js';
import {
  cmeSettleKnownAt,
  cotKnownAt,
  cryptoDailyKnownAt,
  etfFlowKnownAt,
  usCloseKnownAt,
} from '../domain/known-at.js';
import type { MarketSeries } from '../domain/market-series.js';
import { SERIES_NAMES } from '../domain/labels/code-names.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';

/** The inputs whose freshness is checked. */
export const FRESHNESS_INPUTS = [
  'etf-flows',
  'spot',
  'perp-open-interest',
  'perp-funding',
  'liquidations',
  'cme',
  'cot',
  'strategy-mnav',
] as const;

export type FreshnessInput = (typeof FRESHNESS_INPUTS)[number];

/** One input's freshness at an instant. */
export interface InputFreshness {
  readonly input: FreshnessInput;
  /** The input's latest date known, or null when the series is empty (then it is missing, not stale). */
  readonly lastDate: string | null;
  /** The latest date the source should have published by now (its publication time plus grace). */
  readonly expectedDate: string | null;
  /** Calendar days from lastDate to expectedDate (0 when fresh). */
  readonly lateDays: number;
  readonly stale: boolean;
}

interface InputClock {
  /** The input's name for people, from the label table. */
  readonly label: string;
  /** The dates the source publishes (US trading days, every day, Tuesdays). */
  readonly publishes: (date: string) => boolean;
  readonly knownAt: (date: string) => string;
  /**
   * Hours after the normal publication time before the input counts as late. Farside 18 h: late
   * funds fill in the afternoon of D+1 (US); crypto dailies 24 h; CME 48 h (exports dated by the
   * session's opening day); COT 72 h (holiday weeks move the release a business day); the mNAV
   * export 72 h (a vendor download, not a feed).
   */
  readonly graceHours: number;
  readonly lastDate: (m: MarketSeries) => string | null;
}

const last = (items: readonly { readonly date: string }[]): string | null => items.at(-1)?.date ?? null;
const STRATEGY = /^(strategy|microstrategy|mstr)\b/i;

/** Each input's publication clock and where its dates are in the series. */
export const INPUT_CLOCKS: Readonly<Record<FreshnessInput, InputClock>> = {
  'etf-flows': {
    label: SERIES_NAMES.etfFlows,
    publishes: isUsTradingDay,
    knownAt: etfFlowKnownAt,
    graceHours: 18,
    lastDate: (m) => m.etfFlows.reduce<string | null>((a, f) => (a === null || f.date > a ? f.date : a), null),
  },
  spot: {
    label: SERIES_NAMES.spot,
    publishes: () => true,
    knownAt: cryptoDailyKnownAt,
    graceHours: 24,
    lastDate: (m) => last(m.spot),
  },
  'perp-open-interest': {
    label: SERIES_NAMES.openInterestUsd,
    publishes: () => true,
    knownAt: cryptoDailyKnownAt,
    graceHours: 24,
    lastDate: (m) => last(m.openInterestUsd),
  },
  'perp-funding': {
    label: SERIES_NAMES.fundingRate8h,
    publishes: () => true,
    knownAt: cryptoDailyKnownAt,
    graceHours: 24,
    lastDate: (m) => last(m.fundingRate8h),
  },
  liquidations: {
    label: SERIES_NAMES.liquidations,
    publishes: () => true,
    knownAt: cryptoDailyKnownAt,
    graceHours: 24,
    lastDate: (m) => last(m.longLiquidationsUsd),
  },
  cme: {
    label: SERIES_NAMES.cme,
    publishes: isUsTradingDay,
    knownAt: cmeSettleKnownAt,
    graceHours: 48,
    lastDate: (m) => last(m.cme),
  },
  cot: {
    label: SERIES_NAMES.cot,
    publishes: (d) => dayOfWeek(d) === 2,
    knownAt: cotKnownAt,
    graceHours: 72,
    lastDate: (m) => last(m.cot),
  },
  'strategy-mnav': {
    label: SERIES_NAMES.mnav,
    publishes: isUsTradingDay,
    knownAt: usCloseKnownAt,
    graceHours: 72,
    lastDate: (m) => last(m.treasuries.find((t) => STRATEGY.test(t.company))?.mnav ?? []),
  },
};

/** How far back the expected date is searched (a COT catch-up after a shutdown spans weeks). */
const SEARCH_DAYS = 70;

/** The latest date the input's source should have published by `now` (ISO instant); null if none within SEARCH_DAYS. */
export function expectedDate(clock: InputClock, now: string): string | null {
  const nowMs = Date.parse(now);
  let date = now.slice(0, 10);
  for (let i = 0; i <= SEARCH_DAYS; i++, date = addDays(date, -1)) {
    if (!clock.publishes(date)) continue;
    if (Date.parse(clock.knownAt(date)) + clock.graceHours * 3_600_000 <= nowMs) return date;
  }
  return null;
}

/**
 * Each input's freshness at `now` (an ISO instant; for an analysis of a past as-of date, the end of
 * that date). An empty series is not stale (the analysis reports it missing). A series whose last
 * date is before the expected one is stale by that many calendar days.
 */
export function inputFreshness(m: MarketSeries, now: string): InputFreshness[] {
  return FRESHNESS_INPUTS.map((input) => {
    const clock = INPUT_CLOCKS[input];
    const lastDate = clock.lastDate(m);
    const expected = expectedDate(clock, now);
    const lateDays =
      lastDate !== null && expected !== null && lastDate < expected ? daysBetween(lastDate, expected) : 0;
    return { input, lastDate, expectedDate: expected, lateDays, stale: lateDays > 0 };
  });
}
