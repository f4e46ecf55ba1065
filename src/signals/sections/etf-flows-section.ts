// The ETF-flows section: regime (directionality), outflow share, runs test, weekly flows, flows as
// % of AUM, issuer breakdown and online change points of the daily total — with evidence.
import { formatDate } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import type { DatedValue, MarketSeries } from '../../domain/market-series.js';
import { dailyFlowTotals } from '../daily-flow-totals.js';
import { etfFlowRegime, etfFlowRegimeHistory, ONE_WAY_DIRECTIONALITY } from '../etf-flow-regime.js';
import { flowPctOfAum } from '../flow-pct-of-aum.js';
import { issuerBreakdown } from '../issuer-breakdown.js';
import { onlineChangePoints, type ChangePoint } from '../online-change-points.js';
import { runsTest } from '../runs-test.js';
import { availabilityOf } from '../section.js';
import { consecutivePositiveWeeks, weeklyNetFlows } from '../weekly-net-flows.js';
import { formatSignedUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatPct, formatSignedPct } from '../../format/percent.js';
import type { EtfFlowsSection } from '../../domain/sections/etf-flows.js';

export interface EtfFlowsSectionOptions {
  /** Trading days for regime, runs test, % of AUM and issuers (default 10). */
  readonly window?: number;
  /** Weeks of weekly flows returned (default 12). */
  readonly weeks?: number;
  /** Trading days of change points reported (default 250, about a year). */
  readonly changePointLookback?: number;
  /**
   * The daily totals BOCPD runs over: the whole flow history (analyzeSeries passes it), so its prior
   * comes from the first days ever recorded and a past change point never moves when the as-of date
   * does. Default: the totals of `m` (the analysis window).
   */
  readonly changePointTotals?: readonly DatedValue[];
  /** BOCPD expected run length in trading days (default 120, about half a year). */
  readonly expectedRunLength?: number;
  /**
   * BOCPD already run over a longer history's daily totals (changePointRun): when the totals read here
   * are a prefix of its totals, its change points detected within that prefix are used — the same ones,
   * as BOCPD is causal — instead of running it again. Otherwise it runs here.
   */
  readonly changePointRun?: ChangePointRun;
  /**
   * Trading days of regime history returned (default 260: the year the dashboard's flow chart shows,
   * so its regime shading covers the whole visible range; 0 = none).
   */
  readonly historyDays?: number;
}

/**
 * ETF-flow signals from `m.etfFlows` (per fund; summed per day) known by `m.asOf`.
 * Options: window 10, weeks 12, changePointLookback 250, expectedRunLength 120, historyDays 260.
 * No flows → every figure null/empty and `availability.missing` names etfFlows.
 */
export function etfFlowsSection(m: MarketSeries, options: EtfFlowsSectionOptions = {}): EtfFlowsSection {
  const window = options.window ?? 10;
  const daily = dailyFlowTotals(m.etfFlows, m.asOf);
  const regime = etfFlowRegime(daily, { window });
  const last = daily.slice(Math.max(0, daily.length - window));
  const rt = runsTest(last.map((d) => d.value));
  const pct =
    regime.from && regime.to
      ? flowPctOfAum(
          regime.netFlowUsd,
          m.etfAumUsd.filter((a) => a.date <= m.asOf),
          regime.from,
          regime.to,
        )
      : null;
  const weeks = weeklyNetFlows(daily, { weeks: options.weeks ?? 12, asOf: m.asOf });
  const streak = consecutivePositiveWeeks(weeks);
  const cp = changePointsOf(
    options.changePointTotals?.filter((d) => d.date <= m.asOf) ?? daily,
    options.changePointLookback ?? 250,
    options.expectedRunLength ?? 120,
    options.changePointRun,
  );
  const issuers =
    regime.from && regime.to
      ? issuerBreakdown(
          m.etfFlows.filter((f) => f.date <= m.asOf),
          regime.from,
          regime.to,
        )
      : [];
  const historyDays = options.historyDays ?? 260;
  const regimeHistory =
    historyDays > 0
      ? etfFlowRegimeHistory(daily.slice(Math.max(0, daily.length - historyDays - window + 1)), { window })
      : undefined;

  const evidence: Evidence[] = [];
  const label = `${window}-day ${m.asset} ETF flows`;
  if (regime.regime !== null && regime.directionality !== null) {
    const d = regime.directionality;
    const words =
      regime.regime === 'two-way' ? 'two-way' : regime.regime === 'one-way-outflow' ? 'one-way out' : 'one-way in';
    evidence.push({
      signal: 'etf-flow-regime',
      text: `${label} ${words}: D = ${formatDecimal(d)} (|D| ≥ ${ONE_WAY_DIRECTIONALITY} is one-way), ${regime.outflowDays} of ${regime.days} days outflow, net ${formatSignedUsd(regime.netFlowUsd)}.`,
      value: d,
      // One-way outflow is the decline; two-way is the bottoming signature; one-way inflow the uptrend.
      weight: regime.regime === 'one-way-outflow' ? -1 : regime.regime === 'two-way' ? 0.5 : 1,
    });
  }
  if (rt) {
    const clustered = rt.z < -1.64;
    evidence.push({
      signal: 'etf-flow-runs',
      text: `Runs test on ${rt.positives + rt.negatives} signed days: ${rt.runs} runs vs ${formatDecimal(rt.expectedRuns, 1)} expected (z = ${formatDecimal(rt.z)}, p = ${formatDecimal(rt.pValue)})${clustered ? ': flows cluster by sign' : ': no sign clustering'}.`,
      value: rt.z,
      weight: 0,
    });
  }
  if (pct !== null) {
    evidence.push({
      signal: 'etf-flow-pct-aum',
      text: `${label} net ${formatSignedUsd(regime.netFlowUsd)} = ${formatSignedPct(pct, 2)} of ETF AUM.`,
      value: pct,
      weight: Math.max(-1, Math.min(1, pct / 2)),
    });
  }
  const lastWeek = weeks[weeks.length - 1];
  const lastComplete = weeks.findLast((w) => w.complete !== false);
  if (lastWeek) {
    const partial = lastWeek.complete === false;
    const completeText =
      partial && lastComplete
        ? `; last complete week (ending ${formatDate(lastComplete.weekEnding)}) ${formatSignedUsd(lastComplete.netFlowUsd)}`
        : '';
    evidence.push({
      signal: 'etf-weekly-flows',
      text: `Week ending ${formatDate(lastWeek.weekEnding)} (${lastWeek.days} day${lastWeek.days === 1 ? '' : 's'}${partial ? ', partial' : ''}): ${formatSignedUsd(lastWeek.netFlowUsd)}${completeText}; ${streak} consecutive positive complete week${streak === 1 ? '' : 's'}.`,
      value: lastWeek.netFlowUsd,
      // Judged on complete weeks only: one Monday of the current week says little.
      weight: streak >= 2 ? 0.5 : lastComplete !== undefined && lastComplete.netFlowUsd < 0 ? -0.3 : 0,
    });
  }
  const lastCp = cp.dates[cp.dates.length - 1];
  if (lastCp) {
    evidence.push({
      signal: 'etf-flow-change-point',
      text: `Latest change in the daily flow regime seen on ${formatDate(lastCp)} (began ~${formatDate(cp.starts[cp.starts.length - 1])}); ${cp.dates.length} change point(s) in the last ${Math.min(daily.length, options.changePointLookback ?? 250)} trading days.`,
      value: cp.dates.length,
      weight: 0,
    });
  }
  const top = issuers[0];
  if (top) {
    evidence.push({
      signal: 'etf-issuers',
      text: `Largest issuer flow over the window: ${top.issuer} ${formatSignedUsd(top.netFlowUsd)} (${formatPct(Math.abs(top.share) * 100, 0)} of gross issuer flow).`,
      value: top.netFlowUsd,
      weight: 0,
    });
  }

  return {
    regime: regime.regime,
    directionality: regime.directionality,
    outflowShare: regime.outflowShare,
    outflowDays: regime.outflowDays,
    days: regime.days,
    windowFrom: regime.from,
    windowTo: regime.to,
    netFlowUsd: regime.netFlowUsd,
    runsTest: rt ? { runs: rt.runs, expectedRuns: rt.expectedRuns, z: rt.z, pValue: rt.pValue } : null,
    flowPctOfAum: pct,
    weeklyNetFlowsUsd: weeks,
    consecutivePositiveWeeks: streak,
    changePoints: cp.dates,
    changePointStarts: cp.starts,
    issuers,
    ...(regimeHistory ? { regimeHistory } : {}),
    evidence,
    availability: availabilityOf({
      etfFlows: daily.length > 0,
      [`etfFlows (≥ ${window} days)`]: daily.length >= window,
      etfAumUsd: m.etfAumUsd.length > 0,
    }),
  };
}

/**
 * Change points found by BOCPD over all of `daily` (causal: each found with the days up to it, the
 * prior from the first days of the series), reported for the last `lookback` days only.
 */
function changePointsOf(
  daily: readonly DatedValue[],
  lookback: number,
  expectedRunLength: number,
  run?: ChangePointRun,
): { dates: string[]; starts: string[] } {
  const changePoints =
    run !== undefined && run.expectedRunLength === expectedRunLength && isPrefix(daily, run.totals)
      ? run.changePoints.filter((c) => c.detectedAt < daily.length)
      : onlineChangePoints(
          daily.map((d) => d.value),
          { expectedRunLength },
        ).changePoints;
  const from = Math.max(0, daily.length - lookback);
  const recent = changePoints.filter((c) => c.detectedAt >= from);
  return {
    dates: recent.map((c) => daily[c.detectedAt]!.date),
    starts: recent.map((c) => daily[Math.max(0, c.startsAt)]!.date),
  };
}

/** At least BOCPD's warmup (20 values by default) plus margin: a shorter prefix runs BOCPD itself. */
const CHANGE_POINT_PRIOR_DAYS = 30;

/** BOCPD's change points over a history's daily totals, for etfFlowsSection's `changePointRun`. */
export interface ChangePointRun {
  readonly totals: readonly DatedValue[];
  readonly expectedRunLength: number;
  readonly changePoints: readonly ChangePoint[];
}

/** Runs BOCPD once over `totals` (e.g. a whole loaded history's), for many as-of dates' sections. */
export function changePointRun(totals: readonly DatedValue[], expectedRunLength = 120): ChangePointRun {
  const { changePoints } = onlineChangePoints(
    totals.map((d) => d.value),
    { expectedRunLength },
  );
  return { totals, expectedRunLength, changePoints };
}

/**
 * Whether `daily` is the first days of `totals`, same dates and values, and long enough that BOCPD's
 * prior (set from the first CHANGE_POINT_PRIOR_DAYS values at most) is the same over both.
 */
function isPrefix(daily: readonly DatedValue[], totals: readonly DatedValue[]): boolean {
  if (daily.length < CHANGE_POINT_PRIOR_DAYS || daily.length > totals.length) return false;
  for (let i = 0; i < daily.length; i += 1)
    if (daily[i]!.date !== totals[i]!.date || daily[i]!.value !== totals[i]!.value) return false;
  return true;
}
