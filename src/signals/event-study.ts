// Event study on one daily series: abnormal values around an event against a constant-mean model
// (or a market model on a benchmark), their cumulative sum, a t-test and an exact sign test.
// Offsets count observations of the series (trading days for ETF flows, calendar days for crypto).
import type { DatedValue } from '../domain/market-series.js';
import { binomialSignTestPValue } from './stats/binomial-sign-test.js';
import { mean } from './stats/mean.js';
import { tDistributionPValue } from './stats/t-distribution-p-value.js';
import type { AbnormalDay, SeriesEventStudy } from '../domain/sections/events.js';

export interface EventStudyOptions {
  /** Estimation window as [first, last] offsets before the event (default [-60, -11]). */
  readonly estimationWindow?: readonly [number, number];
  /** Event window as [first, last] offsets (default [-1, 10]). */
  readonly eventWindow?: readonly [number, number];
  /** Nothing dated after asOf is used; the event window is truncated there. */
  readonly asOf: string;
  /** Benchmark series (same dates) for a market model value = α + β·benchmark; omitted = constant mean. */
  readonly benchmark?: readonly DatedValue[];
  /** Fewest estimation observations accepted (default 20). */
  readonly minEstimationDays?: number;
}

/**
 * Event study of `series` (ascending) around `eventDate`. null when the event day is not in the
 * data by asOf, the estimation window has fewer than minEstimationDays observations, or no event
 * day is observed yet. With a benchmark, days missing from it are dropped from both windows.
 */
export function eventStudy(
  series: readonly DatedValue[],
  eventDate: string,
  options: EventStudyOptions,
): SeriesEventStudy | null {
  const [estFirst, estLast] = options.estimationWindow ?? [-60, -11];
  const [evFirst, evLast] = options.eventWindow ?? [-1, 10];
  const minEst = options.minEstimationDays ?? 20;
  const known = series.filter((d) => d.date <= options.asOf);
  const zero = known.findIndex((d) => d.date >= eventDate);
  if (zero < 0) return null;
  const bench = options.benchmark ? new Map(options.benchmark.map((b) => [b.date, b.value])) : null;
  const pick = (first: number, last: number): { offset: number; point: DatedValue; x: number | null }[] => {
    const out: { offset: number; point: DatedValue; x: number | null }[] = [];
    for (let k = first; k <= last; k++) {
      const point = known[zero + k];
      if (!point) continue;
      const x = bench ? (bench.get(point.date) ?? null) : null;
      if (bench && x === null) continue;
      out.push({ offset: k, point, x });
    }
    return out;
  };
  const est = pick(estFirst, estLast);
  if (est.length < minEst) return null;
  const ev = pick(evFirst, evLast);
  if (ev.length === 0) return null;

  let expectedOf: (x: number | null) => number;
  let dfLoss = 1;
  if (bench) {
    const xs = est.map((e) => e.x ?? 0);
    const ys = est.map((e) => e.point.value);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
    }
    const beta = sxx > 0 ? sxy / sxx : 0;
    const alpha = my - beta * mx;
    expectedOf = (x) => alpha + beta * (x ?? 0);
    dfLoss = 2;
  } else {
    const m = mean(est.map((e) => e.point.value));
    expectedOf = () => m;
  }
  const residuals = est.map((e) => e.point.value - expectedOf(e.x));
  const sigma = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / (residuals.length - dfLoss));
  const abnormal: AbnormalDay[] = ev.map((e) => {
    const expected = expectedOf(e.x);
    return {
      offset: e.offset,
      date: e.point.date,
      actual: e.point.value,
      expected,
      abnormal: e.point.value - expected,
    };
  });
  const car = abnormal.reduce((a, d) => a + d.abnormal, 0);
  const tStat = sigma > 0 ? car / (sigma * Math.sqrt(abnormal.length)) : null;
  const nonZero = abnormal.filter((d) => d.abnormal !== 0);
  const positiveDays = nonZero.filter((d) => d.abnormal > 0).length;
  return {
    model: bench ? 'market-model' : 'constant-mean',
    eventDay: known[zero]!.date,
    estimationDays: est.length,
    abnormal,
    car,
    tStat,
    tPValue: tStat === null ? null : tDistributionPValue(tStat, residuals.length - dfLoss),
    positiveDays,
    signTestPValue: nonZero.length > 0 ? binomialSignTestPValue(positiveDays, nonZero.length) : null,
    truncated: ev[ev.length - 1]!.offset < evLast,
  };
}
