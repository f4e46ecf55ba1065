// Point-in-time history of every sell-off: when it was first classifiable, with which label, and
// every later change of its reading — computed once from the full inputs, readable at any as-of
// date without re-running. An episode is classified on the first as-of date its trigger bar is
// public; its reading is then re-evaluated each calendar day with the data public that day until it
// can no longer change (the fall can no longer extend and late data have had `settleDays` to
// arrive). Its label only ever changes in a reading marked 'revised' (with that date as revisedOn);
// since every cost reading is a maximum over the crash windows seen so far, the one revision the
// rule allows is position-rebalancing → liquidity-failure, on the day the evidence became public.
import type { SelloffAsOf } from '../domain/sections/selloff.js';
import { addDays, daysBetween } from '../domain/dates.js';
import {
  measureFall,
  selloffBaselines,
  selloffVerdict,
  type SelloffBaselines,
  type SelloffClassifierOptions,
  type SelloffLabel,
  type SelloffMeasures,
} from './selloff-classifier.js';
import { lastVisibleBar, selloffContext, type SelloffContext, type SelloffInputs } from './selloff-context.js';
import {
  detectSelloffs,
  SELLOFF_DETECTION_DEFAULTS,
  type SelloffDetectionOptions,
  type SelloffEpisode,
} from './selloff-detection.js';
import { SELLOFF_CLASSIFIER_DEFAULTS } from './selloff-thresholds.js';

export interface SelloffHistoryOptions extends SelloffDetectionOptions, SelloffClassifierOptions {
  /** Days late data may still update a closed fall's reading. Default SELLOFF_CLASSIFIER_DEFAULTS.settleDays (14). */
  readonly settleDays?: number;
}

/** An episode's reading from its `on` date until the next reading. */
export interface SelloffReading {
  readonly on: string;
  /** 'classified' (the first), 'revised' (the label changed) or 'updated' (same label, new numbers). */
  readonly kind: 'classified' | 'updated' | 'revised';
  readonly type: SelloffLabel;
  /** The lowest close so far. */
  readonly end: string;
  readonly drawdownPct: number;
  readonly reasons: readonly string[];
  readonly measures: SelloffMeasures;
}

export interface SelloffRecord {
  /** The peak the fall started from. */
  readonly start: string;
  /** The bar that first crossed the threshold. */
  readonly trigger: string;
  /** The first as-of date on which the episode could be classified (its trigger bar was public). */
  readonly classifiedOn: string;
  readonly initialType: SelloffLabel;
  /** Date of the last revision of the label; null when never revised. */
  readonly revisedOn: string | null;
  /** The last date the reading can change; null when the fall was still open at the end of the data. */
  readonly settledOn: string | null;
  /** Ascending by `on`; the first is the classification. */
  readonly readings: readonly SelloffReading[];
}

/**
 * Every sell-off in `inputs.spot` with its point-in-time readings (see the file header). Each
 * reading on date D is computed from items public by D only (knownAt, else date), so it is the
 * same as running on the inputs cut at D. Options: detection (minDrawdownPct 10, maxDays 10),
 * classifier (baselineBars 365, minBaselineWindows 90, acuteBars 3) and settleDays 14.
 */
export type { SelloffAsOf } from '../domain/sections/selloff.js';

export function selloffHistory(inputs: SelloffInputs, options: SelloffHistoryOptions = {}): SelloffRecord[] {
  const { maxDays = SELLOFF_DETECTION_DEFAULTS.maxDays, settleDays = SELLOFF_CLASSIFIER_DEFAULTS.settleDays } = options;
  const ctx = selloffContext(inputs);
  const { spot } = ctx;
  return detectSelloffs(spot, options).map((ep) => {
    const classifiedOn = ctx.barVisibleOn[ep.triggerIndex]!;
    const baselines = selloffBaselines(ctx, ep.startIndex, classifiedOn, options);
    const closeBar = ep.endIndex + maxDays;
    const settledOn = closeBar < spot.length ? addDays(ctx.barVisibleOn[closeBar]!, settleDays) : null;
    const lastDay = settledOn !== null && settledOn < ctx.dataEnd ? settledOn : ctx.dataEnd;
    const readings: SelloffReading[] = [];
    let previousKey = '';
    for (const on of changeDates(ctx, ep, closeBar, classifiedOn, lastDay)) {
      const reading = readingOn(ctx, ep, classifiedOn, on, options, baselines);
      const key = JSON.stringify(reading);
      if (key === previousKey) continue;
      previousKey = key;
      const last = readings[readings.length - 1];
      const kind = last === undefined ? 'classified' : last.type !== reading.type ? 'revised' : 'updated';
      readings.push({ on, kind, ...reading });
    }
    const revisions = readings.filter((r) => r.kind === 'revised');
    return {
      start: ep.start,
      trigger: spot[ep.triggerIndex]!.date,
      classifiedOn,
      initialType: readings[0]!.type,
      revisedOn: revisions.length > 0 ? revisions[revisions.length - 1]!.on : null,
      settledOn,
      readings,
    };
  });
}

type ReadingBody = Omit<SelloffReading, 'on' | 'kind'>;

/** The episode's reading on `on` from the data public that day (baselines fixed at classifiedOn). */
function readingOn(
  ctx: SelloffContext,
  ep: SelloffEpisode,
  classifiedOn: string,
  on: string,
  options: SelloffHistoryOptions,
  baselines: SelloffBaselines,
  withFall = true,
): ReadingBody {
  const k = lastVisibleBar(ctx, on);
  let endIndex = ep.lowIndexes[0]!;
  for (const i of ep.lowIndexes) if (i <= k) endIndex = i;
  const measures = measureFall(ctx, ep.startIndex, endIndex, classifiedOn, on, options, baselines, withFall);
  const verdict = selloffVerdict(measures);
  return {
    type: verdict.type,
    end: ctx.spot[endIndex]!.date,
    drawdownPct: (ctx.spot[endIndex]!.close / ctx.spot[ep.startIndex]!.close - 1) * 100,
    reasons: verdict.reasons,
    measures,
  };
}

/**
 * The dates in [first, last] on which something the episode's reading depends on becomes public:
 * its bars and volumes up to the last bar that could extend it, and position, liquidation and
 * ETF items dated from 13 days before the peak (a CFTC report up to 12 days old, a value up to 5)
 * to 7 days after that bar (the CFTC report after the low). On other days the reading cannot change.
 */
function changeDates(ctx: SelloffContext, ep: SelloffEpisode, closeBar: number, first: string, last: string): string[] {
  const dates = new Set<string>([first]);
  const add = (d: string): void => {
    if (d > first && d <= last) dates.add(d);
  };
  const lastBar = Math.min(closeBar, ctx.spot.length - 1);
  for (let i = ep.startIndex + 1; i <= lastBar; i += 1) {
    add(ctx.barVisibleOn[i]!);
    add(ctx.volumeVisibleOn[i]!);
  }
  const from = addDays(ctx.spot[ep.startIndex]!.date, -13);
  const to = addDays(ctx.spot[lastBar]!.date, 7);
  for (const s of [
    ctx.longLiquidationsUsd,
    ctx.openInterestUsd,
    ctx.cot,
    ctx.etfHoldingsCoins,
    ctx.etfAumUsd,
    ctx.etfFlows,
  ] as const) {
    const items: readonly { readonly date: string }[] = s.items;
    for (let i = 0; i < items.length; i += 1) if (items[i]!.date >= from && items[i]!.date <= to) add(s.visibleOn[i]!);
  }
  return [...dates].sort();
}

/** The reading of `record` in force on `asOf`; null before its classification. */
function readingAsOf(record: SelloffRecord, asOf: string): SelloffReading | null {
  const rs = record.readings;
  let lo = 0;
  let hi = rs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rs[mid]!.on <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : rs[lo - 1]!;
}

/** `record` as it stood on `asOf`; null when it was not classified yet. */
export function selloffAsOf(record: SelloffRecord, asOf: string): SelloffAsOf | null {
  const r = readingAsOf(record, asOf);
  if (r === null) return null;
  let revisedOn: string | null = null;
  for (const x of record.readings) if (x.kind === 'revised' && x.on <= asOf) revisedOn = x.on;
  return {
    start: record.start,
    end: r.end,
    drawdownPct: r.drawdownPct,
    type: r.type,
    reasons: r.reasons,
    measures: r.measures,
    classifiedOn: record.classifiedOn,
    initialType: record.initialType,
    revisedOn,
  };
}

/** Every episode classified by `asOf`, as it stood on `asOf`, ascending by classification date. */
export function selloffsAsOf(records: readonly SelloffRecord[], asOf: string): SelloffAsOf[] {
  const out: SelloffAsOf[] = [];
  for (const record of records) {
    if (record.classifiedOn > asOf) break;
    const s = selloffAsOf(record, asOf);
    if (s !== null) out.push(s);
  }
  return out;
}

/**
 * The latest episode classified by `asOf` (largest classifiedOn ≤ asOf), as it stood on `asOf`;
 * null when none. Records must be in selloffHistory's order (ascending classifiedOn). O(log n).
 */
export function latestSelloffAsOf(records: readonly SelloffRecord[], asOf: string): SelloffAsOf | null {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.classifiedOn <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : selloffAsOf(records[lo - 1]!, asOf);
}

/**
 * Every sell-off as it stood on `asOf`, computed directly: the same result as
 * selloffsAsOf(selloffHistory(inputs), asOf) (and as on the inputs cut at `asOf`), with a few
 * evaluations per episode instead of one per day — the label only ever changes once, from
 * position-rebalancing to liquidity-failure, so its revision date is found by bisection.
 */
export function selloffsAt(inputs: SelloffInputs, asOf: string, options: SelloffHistoryOptions = {}): SelloffAsOf[] {
  const { maxDays = SELLOFF_DETECTION_DEFAULTS.maxDays, settleDays = SELLOFF_CLASSIFIER_DEFAULTS.settleDays } = options;
  const ctx = selloffContext(inputs);
  const k = lastVisibleBar(ctx, asOf);
  if (k < 1) return [];
  return detectSelloffs(ctx.spot.slice(0, k + 1), options).map((ep) => {
    const classifiedOn = ctx.barVisibleOn[ep.triggerIndex]!;
    const baselines = selloffBaselines(ctx, ep.startIndex, classifiedOn, options);
    const closeBar = ep.endIndex + maxDays;
    const settledOn = closeBar <= k ? addDays(ctx.barVisibleOn[closeBar]!, settleDays) : null;
    const at = settledOn !== null && settledOn < asOf ? settledOn : asOf;
    const body = readingOn(ctx, ep, classifiedOn, at, options, baselines);
    // the label does not depend on the whole-fall readings: skip them where only the label is needed
    const initial =
      at === classifiedOn ? body : readingOn(ctx, ep, classifiedOn, classifiedOn, options, baselines, false);
    let revisedOn: string | null = null;
    if (initial.type !== body.type) {
      // first day in (classifiedOn, at] with the later label
      let lo = 1;
      let hi = daysBetween(classifiedOn, at);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const type = readingOn(ctx, ep, classifiedOn, addDays(classifiedOn, mid), options, baselines, false).type;
        if (type === body.type) hi = mid;
        else lo = mid + 1;
      }
      revisedOn = addDays(classifiedOn, lo);
    }
    return {
      start: ep.start,
      end: body.end,
      drawdownPct: body.drawdownPct,
      type: body.type,
      reasons: body.reasons,
      measures: body.measures,
      classifiedOn,
      initialType: initial.type,
      revisedOn,
    };
  });
}

/** Every sell-off's reading on the last date the inputs cover (the whole history's final state). */
export function classifySelloffs(inputs: SelloffInputs, options: SelloffHistoryOptions = {}): SelloffAsOf[] {
  const history = selloffHistory(inputs, options);
  const last = history.reduce((m, r) => {
    const d = r.readings[r.readings.length - 1]!.on;
    return d > m ? d : m;
  }, '');
  return selloffsAsOf(history, last);
}
