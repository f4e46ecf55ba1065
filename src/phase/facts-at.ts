// The phase facts as known at an as-of date, read from PhaseInputs by index: each input's known part
// is found by binary search (known-prefix.ts) and the signals read only the short tail they need.
// Windowed signals see the same window as the analysis's 1,100-day view (ANALYSIS_WINDOW_DAYS);
// the price regime and the de-risking waves are read off paths built once over the whole history.
// Returns null when some input's known part is not a prefix (an item published out of date order):
// the caller then rebuilds the inputs from a slice at that date.
import type { SelloffType } from '../domain/analysis.js';
import type { DeRiskingWave } from '../domain/sections/waves.js';
import { addDays, asOfCutoff, daysBetween } from '../domain/dates.js';
import { ANALYSIS_WINDOW_DAYS, type DailyBar, type DatedValue, type MarketSeries } from '../domain/market-series.js';
import { isStrategy } from '../domain/strategy-company.js';
import { etfFlowRegime } from '../signals/etf-flow-regime.js';
import { fundingRegime } from '../signals/funding-regime.js';
import { oiPriceDivergence } from '../signals/oi-price-divergence.js';
import { priceMomentum } from '../signals/price-momentum.js';
import { latestSelloffAsOf, selloffsAt } from '../signals/selloff-history.js';
import { supportResistance } from '../signals/support-resistance.js';
import { wavesAt } from '../signals/wave-levels.js';
import { consecutivePositiveWeeks, fridayOnOrAfter, weeklyNetFlows } from '../signals/weekly-net-flows.js';
import type { PhaseFacts } from './facts.js';
import { knownPrefix } from './known-prefix.js';
import { inputFreshness, withoutStaleInputs } from './stale-inputs.js';
import { PHASE_INPUT_NAMES, type PhaseInputName, type PhaseInputs } from './phase-inputs.js';

/** Percent (not fraction) rise over 30 days of positions that counts as leverage rebuilt (positioning section's default). */
const OI_REBUILD_PCT = 5;
/** Weeks of weekly flows the streak is counted over (the ETF-flows section's default). */
const STREAK_WEEKS = 12;
/** Trading days of the flow regime window (the ETF-flows section's default). */
const FLOW_WINDOW = 10;
/** Bars searched for consolidation ranges (support-resistance default). */
const RANGE_BARS = 365;
/** Days a sell-off's end stays "latest" (liquidity section default). */
const SELLOFF_LOOKBACK_DAYS = 90;

/** Index of the first item in [lo, hi) dated on or after `date` (hi when none). */
function firstOnOrAfter(items: readonly { readonly date: string }[], date: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value on or before `date` within [lo, end), else null. */
function onOrBefore<T extends { readonly date: string }>(
  items: readonly T[],
  date: string,
  lo: number,
  end: number,
): T | null {
  const i = firstOnOrAfter(items, date, lo, end);
  if (i < end && items[i]!.date === date) return items[i]!;
  return i > lo ? items[i - 1]! : null;
}

/** Percent change over `days` calendar days to the last value within [lo, end) (pctChangeOverDays). */
function pctChangeIn(items: readonly DatedValue[], lo: number, end: number, days: number): number | null {
  if (end <= lo) return null;
  const last = items[end - 1]!;
  const before = onOrBefore(items, addDays(last.date, -days), lo, end);
  if (before === null || before.value === 0) return null;
  return (last.value / before.value - 1) * 100;
}

/** Start of the last `weeks` distinct Friday-ending weeks among items [lo, end). */
function lastWeeksStart(items: readonly DatedValue[], lo: number, end: number, weeks: number): number {
  let seen = 0;
  let current = '';
  for (let i = end - 1; i >= lo; i -= 1) {
    const key = fridayOnOrAfter(items[i]!.date);
    if (key !== current) {
      if (seen === weeks) return i + 1;
      seen += 1;
      current = key;
    }
  }
  return lo;
}

/** The known end of every input at `asOf`, or null when some input is not a prefix. */
export function knownEnds(inputs: PhaseInputs, asOf: string): Readonly<Record<PhaseInputName, number>> | null {
  const cutoff = asOfCutoff(asOf);
  const ends = {} as Record<PhaseInputName, number>;
  for (const name of PHASE_INPUT_NAMES) {
    const k = knownPrefix(inputs.index[name], asOf, cutoff);
    if (!k.prefix) return null;
    ends[name] = k.end;
  }
  // A date whose fund cells were published at different times: its total is partial at asOf.
  const flows = inputs.series.etfFlows;
  const f = ends.etfFlows;
  if (f > 0 && f < flows.length && flows[f]!.date === flows[f - 1]!.date) return null;
  return ends;
}

/** The facts at `asOf` from `inputs`, or null when an input's known part is not a prefix. */
export function factsAt(inputs: PhaseInputs, asOf: string): PhaseFacts | null {
  const ends = knownEnds(inputs, asOf);
  if (ends === null) return null;
  const m = inputs.series;
  const from = addDays(asOf, -ANALYSIS_WINDOW_DAYS);
  const lo = <T extends { readonly date: string }>(items: readonly T[], end: number): number =>
    firstOnOrAfter(items, from, 0, end);
  const window = <T extends { readonly date: string }>(items: readonly T[], end: number, count: number): T[] =>
    items.slice(Math.max(lo(items, end), end - count), end);

  // ── price ────────────────────────────────────────────────────────────────────
  const spotEnd = ends.spot;
  const spotLo = lo(m.spot, spotEnd);
  const last = spotEnd > spotLo ? m.spot[spotEnd - 1]! : null;
  const close = last?.close ?? null;
  const sma = (period: number): number | null => {
    if (spotEnd - spotLo < period) return null;
    let sum = 0;
    for (let i = spotEnd - period; i < spotEnd; i += 1) sum += inputs.closes[i]!;
    return sum / period;
  };
  let peak = 0;
  for (let i = spotLo; i < spotEnd; i += 1) if (inputs.closes[i]! > peak) peak = inputs.closes[i]!;
  const momentum = priceMomentum(window(m.spot, spotEnd, 21));
  const regimePoint = spotEnd > 0 ? inputs.regime[spotEnd - 1]! : null;
  const regimeExtreme = regimePoint && regimePoint.state !== null ? m.spot[regimePoint.extremeIndex]! : null;
  const sr = supportResistance(window(m.spot, spotEnd, RANGE_BARS));

  // ── ETF flows ────────────────────────────────────────────────────────────────
  const totals = inputs.etfFlowTotals;
  const totalsEnd = ends.etfFlowTotals;
  const totalsLo = lo(totals, totalsEnd);
  const regime = etfFlowRegime(totals.slice(Math.max(totalsLo, totalsEnd - FLOW_WINDOW), totalsEnd), {
    window: FLOW_WINDOW,
  });
  const weeks = weeklyNetFlows(totals.slice(lastWeeksStart(totals, totalsLo, totalsEnd, STREAK_WEEKS), totalsEnd), {
    weeks: STREAK_WEEKS,
    asOf,
  });
  const hasFlows = regime.days > 0;

  // ── positioning ──────────────────────────────────────────────────────────────
  const oi = m.openInterestUsd;
  const oiEnd = ends.openInterestUsd;
  const oiLo = lo(oi, oiEnd);
  const oiChange30 = pctChangeIn(oi, oiLo, oiEnd, 30);
  const lastOiDate = oiEnd > oiLo ? oi[oiEnd - 1]!.date : null;
  const divergenceTo = lastOiDate !== null && last !== null ? (lastOiDate < last.date ? lastOiDate : last.date) : null;
  const divergence =
    divergenceTo === null
      ? null
      : oiPriceDivergence(
          oi.slice(Math.max(oiLo, firstOnOrAfter(oi, addDays(divergenceTo, -14), oiLo, oiEnd) - 1), oiEnd),
          m.spot.slice(
            Math.max(spotLo, firstOnOrAfter(m.spot, addDays(divergenceTo, -14), spotLo, spotEnd) - 1),
            spotEnd,
          ),
        ).divergence;
  const funding = fundingRegime(window(m.fundingRate8h, ends.fundingRate8h, 7));
  const liq = liquidationsAt(inputs, ends.liquidationDays, lo);
  const coins = inputs.waves.perpsInCoins ? inputs.waves.perps.levels : [];
  const coinsEnd = inputs.waves.perpsInCoins ? ends.perpsWaveLevels : 0;
  const oiCoinsChange = pctChangeIn(coins, lo(coins, coinsEnd), coinsEnd, 30);
  const leverageChange = pctChangeIn(m.leverageRatio, lo(m.leverageRatio, ends.leverageRatio), ends.leverageRatio, 30);
  const positionsChangePct = oiCoinsChange ?? leverageChange;

  // ── liquidity, waves ─────────────────────────────────────────────────────────
  const selloffType = selloffTypeAt(inputs, ends, lo, last, asOf);
  // The series a load at asOf would read: CME from CFTC totals once a report is known, perps in coins
  // once a priced day is known.
  const cmeFromFrontMonth = ends.cot === 0;
  const perpsFromUsd = ends.perpsWaveLevels === 0;
  const waves = wavesAt(inputs.waves, {
    perps: perpsFromUsd ? ends.perpsUsdWaveLevels : ends.perpsWaveLevels,
    etf: ends.etfWaveLevels,
    cme: cmeFromFrontMonth ? ends.cmeFrontMonthWaveLevels : ends.cmeWaveLevels,
    perpsFromUsd,
    cmeFromFrontMonth,
  });
  const present = (items: readonly { readonly date: string }[], end: number): boolean => end > lo(items, end);

  const lastDateOf = (items: readonly { readonly date: string }[], end: number): string | null =>
    end > 0 ? items[end - 1]!.date : null;
  const freshness = [
    inputFreshness('spot', last?.date ?? null, asOf, m.spotSource),
    inputFreshness('etfFlows', lastDateOf(totals, totalsEnd), asOf),
    inputFreshness('openInterestUsd', lastDateOf(oi, oiEnd), asOf),
    inputFreshness('fundingRate8h', lastDateOf(m.fundingRate8h, ends.fundingRate8h), asOf),
    inputFreshness('liquidations', lastDateOf(inputs.liquidationDays, ends.liquidationDays), asOf),
    inputFreshness('cme', lastDateOf(m.cme, ends.cme), asOf),
    inputFreshness('cot', lastDateOf(m.cot, ends.cot), asOf),
    inputFreshness('etfAumUsd', lastDateOf(m.etfAumUsd, ends.etfAumUsd), asOf),
    inputFreshness('mnav', strategyMnavDate(m, asOf), asOf),
  ];

  return withoutStaleInputs({
    asset: m.asset,
    freshness,
    close,
    closeDate: last?.date ?? null,
    sma50: sma(50),
    sma200: sma(200),
    drawdownFromPeak: close === null || !(peak > 0) ? null : Math.max(0, -((close / peak - 1) * 100) / 100),
    return10d: momentum.return10d,
    return20d: momentum.return20d,
    aboveLow20d: momentum.aboveLow20d,
    aboveResistance: sr.aboveResistance,
    nearestSupport: sr.supports[0] ?? null,
    nearestResistance: sr.resistances[0] ?? null,
    regime: regimePoint?.state ?? null,
    regimeConfirmedOn: regimePoint && regimePoint.confirmedIndex >= 0 ? m.spot[regimePoint.confirmedIndex]!.date : null,
    regimeExtremeClose: regimeExtreme?.close ?? null,
    regimeExtremeDate: regimeExtreme?.date ?? null,
    flowRegime: regime.regime,
    flowDirectionality: regime.directionality,
    flowOutflowDays: hasFlows ? regime.outflowDays : null,
    flowDays: hasFlows ? regime.days : null,
    consecutivePositiveWeeks: weeks.length > 0 ? consecutivePositiveWeeks(weeks) : null,
    lastWeekNetFlowUsd: weeks.filter((w) => w.complete !== false).at(-1)?.netFlowUsd ?? null,
    oiChange30d: oiChange30 === null ? null : oiChange30 / 100,
    oiPriceDivergence: divergence,
    fundingRegime: funding.regime,
    fundingAnnualised: funding.fundingAnnualised,
    liquidationSpike: oiEnd === oiLo && liq.longUsd === null ? null : liq.spike,
    leverageRebuiltWithoutStress:
      positionsChangePct === null || funding.regime === null
        ? null
        : positionsChangePct >= OI_REBUILD_PCT && funding.regime !== 'overheated' && liq.recentSpikes === 0,
    selloffType,
    waves,
    wavesDecidable: present(oi, oiEnd) || present(m.etfFlows, ends.etfFlows) || present(m.cme, ends.cme),
    daysSinceWaveEnded: daysSinceWaveEnded(waves, asOf),
  });
}

/** Days from the latest end of an ended wave to `asOf` (null when none ended). */
export function daysSinceWaveEnded(waves: readonly DeRiskingWave[], asOf: string): number | null {
  const lastEnded = waves
    .filter((w) => w.end !== null)
    .map((w) => w.end!)
    .sort()
    .at(-1);
  return lastEnded ? daysBetween(lastEnded, asOf) : null;
}

/** Date of Strategy's latest mNAV on or before asOf and published by then (the treasuries section's figure), or null. */
function strategyMnavDate(m: MarketSeries, asOf: string): string | null {
  const strategy = m.treasuries.find((c) => isStrategy(c.company));
  const cutoff = asOfCutoff(asOf);
  const known = strategy?.mnav.filter((p) => p.date <= asOf && (p.knownAt === undefined || p.knownAt < cutoff)) ?? [];
  return known.at(-1)?.date ?? null;
}

/** Spike days scanned at the end of the known liquidation days (the positioning section's default). */
const RECENT_SPIKE_DAYS = 14;

/**
 * The latest known liquidation day within the window and the spike days among the last 14 (the
 * liquidationSpike reading), read from the days scored once in the phase inputs.
 */
function liquidationsAt(
  inputs: PhaseInputs,
  end: number,
  lo: <T extends { readonly date: string }>(items: readonly T[], end: number) => number,
): { longUsd: number | null; spike: boolean; recentSpikes: number } {
  const days = inputs.liquidationDays;
  const first = Math.max(lo(days, end), end - RECENT_SPIKE_DAYS);
  if (end <= first) return { longUsd: null, spike: false, recentSpikes: 0 };
  let recentSpikes = 0;
  for (let i = first; i < end; i += 1) if (days[i]!.spike) recentSpikes += 1;
  const last = days[end - 1]!;
  return { longUsd: last.longUsd, spike: last.spike, recentSpikes };
}

/**
 * The sell-off type of the liquidity section on the 1,100-day view: from the sell-off records when
 * the inputs carry them (a replay), else classified on the view's inputs cut at their known ends.
 */
function selloffTypeAt(
  inputs: PhaseInputs,
  ends: Readonly<Record<PhaseInputName, number>>,
  lo: <T extends { readonly date: string }>(items: readonly T[], end: number) => number,
  last: DailyBar | null,
  asOf: string,
): SelloffType | null {
  const m = inputs.series;
  const cutoff = asOfCutoff(asOf);
  if (inputs.selloffs !== null) {
    // From the records built once: the latest episode classified by asOf, without copying the view.
    const spotLo = lo(m.spot, ends.spot);
    const viewStart = m.spot[spotLo]?.date ?? asOf;
    const present = <T extends { readonly date: string }>(items: readonly T[], end: number): boolean =>
      end > lo(items, end);
    let volume = false;
    for (let i = ends.spot - 1; i >= spotLo && !volume; i -= 1) {
      const b = m.spot[i]!;
      volume =
        (b.volumeUsd !== null || b.volumeUnits !== null) && (b.volumeKnownAt === undefined || b.volumeKnownAt < cutoff);
    }
    const available =
      ends.spot > spotLo &&
      volume &&
      present(m.openInterestUsd, ends.openInterestUsd) &&
      present(m.cot, ends.cot) &&
      present(m.etfFlows, ends.etfFlows) &&
      present(m.etfAumUsd, ends.etfAumUsd) &&
      present(m.longLiquidationsUsd, ends.longLiquidationsUsd);
    const latest = latestSelloffAsOf(inputs.selloffs, asOf);
    const inView = latest !== null && latest.start >= viewStart;
    if (!available && !inView) return null;
    return inView && last !== null && latest.end > addDays(last.date, -SELLOFF_LOOKBACK_DAYS) ? latest.type : 'none';
  }
  const cut = <T extends { readonly date: string }>(items: readonly T[], end: number): T[] =>
    items.slice(lo(items, end), end);
  // Volume published after the cut-off is not there yet (as in sliceMarketSeries).
  const spot = cut(m.spot, ends.spot).map((b) =>
    b.volumeKnownAt !== undefined && b.volumeKnownAt >= cutoff ? { ...b, volumeUsd: null, volumeUnits: null } : b,
  );
  const view = {
    spot,
    openInterestUsd: cut(m.openInterestUsd, ends.openInterestUsd),
    longLiquidationsUsd: cut(m.longLiquidationsUsd, ends.longLiquidationsUsd),
    cot: cut(m.cot, ends.cot),
    etfFlows: cut(m.etfFlows, ends.etfFlows),
    etfAumUsd: cut(m.etfAumUsd, ends.etfAumUsd),
    etfHoldingsCoins: cut(m.etfHoldingsCoins, ends.etfHoldingsCoins),
  };
  const classified = selloffsAt(view, asOf);
  // The liquidity section's availability: every input present, else only when a sell-off was found.
  const available =
    spot.length > 0 &&
    spot.some((b) => b.volumeUsd !== null || b.volumeUnits !== null) &&
    view.openInterestUsd.length > 0 &&
    view.cot.length > 0 &&
    view.etfFlows.length > 0 &&
    view.etfAumUsd.length > 0 &&
    view.longLiquidationsUsd.length > 0;
  if (!available && classified.length === 0) return null;
  const latest =
    last === null ? undefined : classified.filter((s) => s.end > addDays(last.date, -SELLOFF_LOOKBACK_DAYS)).at(-1);
  return latest?.type ?? 'none';
}
