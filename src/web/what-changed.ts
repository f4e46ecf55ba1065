// "What changed since the previous session": the call, the key numbers and the inputs that went stale
// between two analyses of the same asset (the previous US trading day's and the shown day's).
// A comparison for display only: both sides come from /api/analysis as they are.
import type { Analysis } from '../domain/analysis.js';
import { FRESHNESS_INPUT_LABELS, type FreshnessInput } from '../domain/freshness.js';
import { isUsTradingDay } from '../domain/us-market-calendar.js';
import { formatSignedUsd, formatUsd } from '../format/money.js';
import { formatPrice, formatRatio } from '../format/numbers.js';
import { NOT_AVAILABLE } from '../format/digits.js';
import {
  formatFundingRate8h,
  formatPercent,
  formatPercentagePoints,
  formatSignedPct,
  formatSignedPercent,
} from '../format/percent.js';
import { formatDate } from '../format/dates.js';
import { valueLabel } from '../domain/labels/code-names.js';
import { addDays } from './series.js';

/** The US trading day before `asOf` (the previous session a desk compares with). */
export function previousSession(asOf: string): string {
  let day = addDays(asOf, -1);
  while (!isUsTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** One compared figure: its label, both values as read and the change in words ('' when not comparable). */
export interface ChangedRow {
  readonly label: string;
  readonly before: string;
  readonly now: string;
  readonly change: string;
}

export interface WhatChanged {
  readonly previousAsOf: string;
  /** "Call unchanged: bottoming" or "Call changed: trend decline → bottoming". */
  readonly headline: string;
  readonly rows: readonly ChangedRow[];
  /** Inputs stale now that were fresh at the previous session, with their age ("ETF flows, 9 days old"). */
  readonly newStale: readonly string[];
  /** Every input stale now. */
  readonly stale: readonly string[];
}

function change(before: number | null, now: number | null, format: (d: number) => string): string {
  return before === null || now === null ? '' : format(now - before);
}

function relative(before: number | null, now: number | null): string {
  return before === null || now === null || before === 0 ? '' : formatSignedPct((now / before - 1) * 100);
}

function staleNames(a: Analysis): Map<string, string> {
  return new Map(
    a.freshness
      .filter((f) => f.stale)
      .map((f) => [f.input, `${FRESHNESS_INPUT_LABELS[f.input]}, ${f.ageDays ?? NOT_AVAILABLE} days old`]),
  );
}

/**
 * One line naming the stale inputs among `inputs`, with the date of their last value ("Stale, left
 * out of the call: perp open interest (last 11 Apr 2026, 87 days old)"), or null when all are fresh:
 * tables that show such inputs' latest figures say so above them.
 */
export function staleInputsLine(a: Analysis, inputs: readonly FreshnessInput[]): string | null {
  const stale = a.freshness.filter((f) => f.stale && inputs.includes(f.input));
  if (stale.length === 0) return null;
  const parts = stale.map(
    (f) =>
      `${FRESHNESS_INPUT_LABELS[f.input]} (last ${f.lastDate === null ? NOT_AVAILABLE : formatDate(f.lastDate)}, ${f.ageDays ?? NOT_AVAILABLE} days old)`,
  );
  return `Stale, left out of the call: ${parts.join('; ')}.`;
}

/** `value` with " (stale)" appended when `input` is stale in `a` (the note marks the same figures). */
export function markStale(a: Analysis, input: FreshnessInput, value: string): string {
  return a.freshness.some((f) => f.input === input && f.stale) ? `${value} (stale)` : value;
}

/** Strategy's mNAV, marked " (stale)" when the analysis judges its input stale (domain/freshness.ts). */
function mnavText(a: Analysis): string {
  return markStale(a, 'mnav', formatRatio(a.signals.treasuries.strategyMnav));
}

/** Compares the previous session's analysis with the shown one (same asset). */
export function whatChanged(previous: Analysis, current: Analysis): WhatChanged {
  const p = previous.signals;
  const c = current.signals;
  const call = (a: Analysis): string => `${valueLabel(a.phase.label)} (${formatPercent(a.phase.confidence, 0)})`;
  const rows: ChangedRow[] = [
    {
      label: 'Call',
      before: call(previous),
      now: call(current),
      change: previous.phase.label === current.phase.label ? 'unchanged' : 'changed',
    },
    {
      label: `${current.asset} close`,
      before: formatPrice(p.trend.close),
      now: formatPrice(c.trend.close),
      change: relative(p.trend.close, c.trend.close),
    },
    {
      label: 'Price against 200-day average',
      before: formatSignedPct(p.trend.pctFromSma200),
      now: formatSignedPct(c.trend.pctFromSma200),
      change: change(p.trend.pctFromSma200, c.trend.pctFromSma200, formatPercentagePoints),
    },
    {
      label: 'ETF flow regime',
      before: valueLabel(p.etfFlows.regime),
      now: valueLabel(c.etfFlows.regime),
      change: p.etfFlows.regime === c.etfFlows.regime ? 'unchanged' : 'changed',
    },
    {
      label: 'ETF net flow, regime window',
      before: formatSignedUsd(p.etfFlows.netFlowUsd),
      now: formatSignedUsd(c.etfFlows.netFlowUsd),
      change: change(p.etfFlows.netFlowUsd, c.etfFlows.netFlowUsd, formatSignedUsd),
    },
    {
      label: 'Perp open interest',
      before: markStale(previous, 'openInterestUsd', formatUsd(p.positioning.openInterestUsd)),
      now: markStale(current, 'openInterestUsd', formatUsd(c.positioning.openInterestUsd)),
      change: relative(p.positioning.openInterestUsd, c.positioning.openInterestUsd),
    },
    {
      label: 'Funding rate',
      before: markStale(previous, 'fundingRate8h', formatFundingRate8h(p.positioning.fundingRate8h)),
      now: markStale(current, 'fundingRate8h', formatFundingRate8h(c.positioning.fundingRate8h)),
      change: '',
    },
    {
      label: 'CME basis, annualised',
      before: markStale(previous, 'cme', formatSignedPercent(p.positioning.cme.annualisedBasis)),
      now: markStale(current, 'cme', formatSignedPercent(c.positioning.cme.annualisedBasis)),
      change: change(p.positioning.cme.annualisedBasis, c.positioning.cme.annualisedBasis, (d) =>
        formatPercentagePoints(d * 100),
      ),
    },
    {
      label: 'Strategy mNAV',
      before: mnavText(previous),
      now: mnavText(current),
      change: change(p.treasuries.strategyMnav, c.treasuries.strategyMnav, (d) => formatRatio(d)),
    },
  ];
  const staleBefore = staleNames(previous);
  const staleNow = staleNames(current);
  const headline =
    previous.phase.label === current.phase.label
      ? `Call unchanged since ${formatDate(previous.asOf)}: ${valueLabel(current.phase.label)}`
      : `Call changed since ${formatDate(previous.asOf)}: ${valueLabel(previous.phase.label)} → ${valueLabel(current.phase.label)}`;
  return {
    previousAsOf: previous.asOf,
    headline,
    rows,
    newStale: [...staleNow].filter(([input]) => !staleBefore.has(input)).map(([, text]) => text),
    stale: [...staleNow.values()],
  };
}
