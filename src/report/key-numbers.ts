// The key-numbers strip at the top of the note and the freshness line above it: ETF flows for the
// latest day, the week and the month to date, perp open interest and its 30-day change, funding, the
// CME basis, Strategy's mNAV and the price against its 50- and 200-day averages — each with its date
// and marked when its input is stale.
import type { Analysis } from '../domain/analysis.js';
import { addDays, dayOfWeek } from '../domain/dates.js';
import { FRESHNESS_INPUT_LABELS, type FreshnessInput, type InputFreshness } from '../domain/freshness.js';
import { sourceName } from '../domain/labels/code-names.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatSignedUsd, formatUsd } from '../format/money.js';
import { formatPrice, formatRatio, formatSignedDecimal } from '../format/numbers.js';
import { formatFundingRate8h, formatSignedPct, formatSignedPercent } from '../format/percent.js';
import { dailyNetFlows } from './report-charts.js';

export interface KeyNumber {
  readonly label: string;
  readonly value: string;
  readonly note: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The freshness line: each input's latest date and age; the stale ones named as left out. */
export function freshnessLine(analysis: Analysis): string {
  const fresh = analysis.freshness.filter((f) => f.lastDate !== null && !f.stale);
  const stale = analysis.freshness.filter((f) => f.stale);
  const missing = analysis.freshness.filter((f) => f.lastDate === null);
  // The source is named where the input says which it read (the spot price: one venue chosen by freshness).
  const age = (f: InputFreshness): string =>
    `${FRESHNESS_INPUT_LABELS[f.input]} ${f.lastDate}${f.source ? ` (${sourceName(f.source)})` : ''}`;
  const parts = [
    `Data as of ${analysis.asOf}: ${fresh.length > 0 ? fresh.map(age).join(', ') : 'no input is current'}.`,
  ];
  if (stale.length > 0)
    parts.push(
      `Stale and left out of the judgment: ${stale.map((f) => `${FRESHNESS_INPUT_LABELS[f.input]} (last ${f.lastDate}, ${plural(f.ageDays ?? 0, 'day')} old)`).join(', ')}.`,
    );
  if (missing.length > 0) parts.push(`No data: ${missing.map((f) => FRESHNESS_INPUT_LABELS[f.input]).join(', ')}.`);
  return parts.join(' ');
}

/** "as of 2026-04-11 (stale)" when the input is stale, else "2026-04-11"; "" without a date. */
function dated(analysis: Analysis, input: FreshnessInput, date: string | null | undefined): string {
  const stale = analysis.freshness.find((f) => f.input === input)?.stale ?? false;
  if (date === null || date === undefined) return '';
  return stale ? `as of ${date} (stale)` : date;
}

/** ETF net flows of the latest flow day, the week (Monday on) and the month to that day. */
export function etfFlowWindows(series: MarketSeries): {
  day: { date: string; usd: number } | null;
  weekToDate: { from: string; usd: number; sessions: number } | null;
  monthToDate: { from: string; usd: number; sessions: number } | null;
} {
  const daily = dailyNetFlows(series);
  const last = daily.at(-1);
  if (last === undefined) return { day: null, weekToDate: null, monthToDate: null };
  const monday = addDays(last.date, -((dayOfWeek(last.date) + 6) % 7));
  const monthStart = `${last.date.slice(0, 8)}01`;
  const sum = (from: string): { from: string; usd: number; sessions: number } => {
    const days = daily.filter((d) => d.date >= from);
    return { from, usd: days.reduce((s, d) => s + d.value, 0), sessions: days.length };
  };
  return { day: { date: last.date, usd: last.value }, weekToDate: sum(monday), monthToDate: sum(monthStart) };
}

/** The strip's figures, in the order desks read them. */
export function keyNumbers(analysis: Analysis, series: MarketSeries): KeyNumber[] {
  const flows = etfFlowWindows(series);
  const p = analysis.signals.positioning;
  const t = analysis.signals.trend;
  const tr = analysis.signals.treasuries;
  const strategy = tr.companies.find((c) => c.company === 'strategy');
  const cmeDate = analysis.freshness.find((f) => f.input === 'cme')?.lastDate;
  const fundingDate = analysis.freshness.find((f) => f.input === 'fundingRate8h')?.lastDate;
  const vs = (avg: number | null): string =>
    t.close !== null && avg !== null && avg !== 0 ? formatSignedPercent(t.close / avg - 1) : 'n/a';
  return [
    {
      label: 'ETF flows, day',
      value: formatSignedUsd(flows.day?.usd),
      note: dated(analysis, 'etfFlows', flows.day?.date),
    },
    {
      label: 'ETF flows, week to date',
      value: formatSignedUsd(flows.weekToDate?.usd),
      note: flows.weekToDate ? `${plural(flows.weekToDate.sessions, 'session')} from ${flows.weekToDate.from}` : '',
    },
    {
      label: 'ETF flows, month to date',
      value: formatSignedUsd(flows.monthToDate?.usd),
      note: flows.monthToDate ? `${plural(flows.monthToDate.sessions, 'session')} from ${flows.monthToDate.from}` : '',
    },
    {
      label: 'Perp open interest',
      value: formatUsd(p.openInterestUsd),
      note: [`30-day ${formatSignedPct(p.oiChangePct.d30)}`, dated(analysis, 'openInterestUsd', p.openInterestDate)]
        .filter((s) => s !== '')
        .join(', '),
    },
    {
      label: 'Funding',
      value: formatFundingRate8h(p.fundingRate8h),
      note: [`annualised ${formatSignedPercent(p.fundingAnnualised)}`, dated(analysis, 'fundingRate8h', fundingDate)]
        .filter((s) => s !== '')
        .join(', '),
    },
    {
      label: 'CME basis, annualised',
      value: p.cme.nearExpiry ? 'near expiry' : formatSignedPercent(p.cme.annualisedBasis),
      note: [
        p.cme.daysToExpiry !== null ? `${plural(p.cme.daysToExpiry, 'day')} to expiry` : '',
        dated(analysis, 'cme', cmeDate),
      ]
        .filter((s) => s !== '')
        .join(', '),
    },
    {
      label: 'Strategy mNAV',
      value: formatRatio(tr.strategyMnav),
      note: [
        strategy?.mnavChange30d != null ? `30-day ${formatSignedDecimal(strategy.mnavChange30d)}` : '',
        dated(analysis, 'mnav', strategy?.date),
      ]
        .filter((s) => s !== '')
        .join(', '),
    },
    {
      label: `${analysis.asset} price`,
      value: formatPrice(t.close),
      note: `${vs(t.sma50)} vs 50-day, ${vs(t.sma200)} vs 200-day${t.date ? `, ${dated(analysis, 'spot', t.date)}` : ''}`,
    },
  ];
}
