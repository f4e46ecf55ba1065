// The cost of trading on a sell-off's crash days against its own trailing distribution: Amihud's
// price impact per dollar, the Abdi–Ranaldo and Corwin–Schultz spreads. Each is averaged over the
// crash days (the whole fall, and every acute window of `acuteBars` days inside it) and scored
// against the means of same-length windows in the `baselineBars` bars up to the peak — data public
// by the classification date only. Volume is deliberately not a cost measure (see docs/liquidity.md).
import type { CostLevel, CostMeasure, CostMeasureName, CostWindowReading } from '../domain/sections/selloff.js';
import { signedSpreadFromSquared } from './abdi-ranaldo.js';
import type { SelloffContext } from './selloff-context.js';
import { SELLOFF_THRESHOLDS } from './selloff-thresholds.js';
import { referenceDistribution, rollingMeans, scoreAgainst, type ReferenceDistribution } from './trailing-reference.js';

export type { CostLevel, CostMeasure, CostMeasureName, CostWindowReading } from '../domain/sections/selloff.js';
export const COST_MEASURES: readonly CostMeasureName[] = ['amihud', 'abdiRanaldo', 'corwinSchultz'];

/** A measure's trailing baseline, fixed for the episode at its classification date. */
export interface CostBaseline {
  /** Baseline daily values (index 0 = bar `fromIndex`), as public at the classification date. */
  readonly daily: Readonly<Record<CostMeasureName, readonly (number | null)[]>>;
  readonly fromIndex: number;
  readonly bars: number;
  readonly minWindows: number;
  readonly references: Map<string, ReferenceDistribution | null>;
  /**
   * Scored windows by measure/from/to. A window's reading never changes once all its days are
   * public (the baseline is fixed), so it is scored once; windows with a missing day are not cached.
   */
  readonly windows: Map<string, { readonly reading: CostWindowReading; readonly visibleOn: string }>;
}

const SPECS: Record<
  CostMeasureName,
  {
    readonly daily: (ctx: SelloffContext) => readonly (number | null)[];
    readonly needsVolume: boolean;
    /** The day's value uses the next bar too (public only once that bar is). */
    readonly needsNextBar: boolean;
    readonly transform?: (x: number) => number;
    readonly value: (meanRaw: number) => number;
  }
> = {
  amihud: { daily: (c) => c.illiquidity, needsVolume: true, needsNextBar: false, transform: Math.log, value: (m) => m },
  abdiRanaldo: {
    daily: (c) => c.abdiRanaldoSquared,
    needsVolume: false,
    needsNextBar: true,
    value: signedSpreadFromSquared,
  },
  corwinSchultz: { daily: (c) => c.corwinSchultz, needsVolume: false, needsNextBar: false, value: (m) => m },
};

/** The baseline of bars (peakIndex − baselineBars, peakIndex], with volumes public by `classifiedOn`. */
export function costBaseline(
  ctx: SelloffContext,
  peakIndex: number,
  classifiedOn: string,
  baselineBars: number,
  minWindows: number,
): CostBaseline {
  const fromIndex = Math.max(1, peakIndex - baselineBars + 1);
  const daily = {} as Record<CostMeasureName, (number | null)[]>;
  for (const name of COST_MEASURES) {
    const spec = SPECS[name];
    const all = spec.daily(ctx);
    const out: (number | null)[] = [];
    for (let i = fromIndex; i <= peakIndex; i += 1) {
      const reachesIntoFall = spec.needsNextBar && i === peakIndex;
      const late = spec.needsVolume && ctx.volumeVisibleOn[i]! > classifiedOn;
      out.push(reachesIntoFall || late ? null : (all[i] ?? null));
    }
    daily[name] = out;
  }
  return {
    daily,
    fromIndex,
    bars: peakIndex - fromIndex + 1,
    minWindows,
    references: new Map(),
    windows: new Map(),
  };
}

function reference(baseline: CostBaseline, name: CostMeasureName, length: number): ReferenceDistribution | null {
  const key = `${name}/${length}`;
  if (baseline.references.has(key)) return baseline.references.get(key)!;
  const d = baseline.daily[name];
  const means = rollingMeans(d, 0, d.length - 1, length);
  const ref = means.length >= baseline.minWindows ? referenceDistribution(means, SPECS[name].transform) : null;
  baseline.references.set(key, ref);
  return ref;
}

/** The level of a window reading of measure `name` (SELLOFF_THRESHOLDS). */
export function levelOf(name: CostMeasureName, p: number, z: number | null): CostLevel {
  const t = SELLOFF_THRESHOLDS;
  const extreme = name === 'amihud' ? t.priceImpactExtreme : t.spreadExtreme;
  if (z !== null && p >= extreme.percentile && z >= extreme.robustZ) return 'extreme';
  if (z !== null && p >= t.elevated.percentile && z >= t.elevated.robustZ) return 'elevated';
  return 'normal';
}

/** Order of the levels, for ranking windows. */
export const COST_LEVEL_RANK: Record<CostLevel, number> = { normal: 0, elevated: 1, extreme: 2 };

function moreExtreme(name: CostMeasureName, a: CostWindowReading, b: CostWindowReading | null): boolean {
  if (b === null) return true;
  const la = COST_LEVEL_RANK[levelOf(name, a.percentile, a.robustZ)];
  const lb = COST_LEVEL_RANK[levelOf(name, b.percentile, b.robustZ)];
  if (la !== lb) return la > lb;
  const za = a.robustZ ?? -Infinity;
  const zb = b.robustZ ?? -Infinity;
  return za !== zb ? za > zb : a.percentile > b.percentile;
}

/**
 * One cost measure over the crash days (peakIndex, endIndex] as public on `asOf`, scored against
 * `baseline`. A window counts only when every day in it has the input. `withFall` false skips the
 * whole-fall reading (it does not set the level), for callers that only need the level.
 */
export function costMeasure(
  ctx: SelloffContext,
  baseline: CostBaseline,
  name: CostMeasureName,
  peakIndex: number,
  endIndex: number,
  asOf: string,
  acuteBars: number,
  withFall = true,
): CostMeasure {
  const spec = SPECS[name];
  const all = spec.daily(ctx);
  // prefix sums over the crash days, with a running count of missing days
  const sums = [0];
  const missing = [0];
  const publicOn = (i: number): string =>
    spec.needsVolume
      ? ctx.volumeVisibleOn[i]!
      : spec.needsNextBar
        ? (ctx.barVisibleOn[i + 1] ?? '9999-12-31')
        : ctx.barVisibleOn[i]!;
  for (let i = peakIndex + 1; i <= endIndex; i += 1) {
    const v = publicOn(i) > asOf ? null : (all[i] ?? null);
    sums.push(sums[sums.length - 1]! + (v ?? 0));
    missing.push(missing[missing.length - 1]! + (v === null ? 1 : 0));
  }
  const windowReading = (from: number, to: number): CostWindowReading | null => {
    const key = `${name}/${from}/${to}`;
    const cached = baseline.windows.get(key);
    if (cached !== undefined && cached.visibleOn <= asOf) return cached.reading;
    const a = from - peakIndex - 1;
    const b = to - peakIndex;
    if (missing[b]! - missing[a]! > 0) return null;
    let visibleOn = '';
    for (let i = from; i <= to; i += 1) if (publicOn(i) > visibleOn) visibleOn = publicOn(i);
    const ref = reference(baseline, name, to - from + 1);
    if (ref === null) return null;
    const meanRaw = (sums[b]! - sums[a]!) / (to - from + 1);
    const { percentile, robustZ } = scoreAgainst(ref, meanRaw);
    const reading = {
      start: ctx.spot[from]!.date,
      end: ctx.spot[to]!.date,
      bars: to - from + 1,
      value: spec.value(meanRaw),
      percentile,
      robustZ,
    };
    baseline.windows.set(key, { reading, visibleOn });
    return reading;
  };
  const fall = withFall && endIndex > peakIndex ? windowReading(peakIndex + 1, endIndex) : null;
  let worst: CostWindowReading | null = null;
  const consider = (w: CostWindowReading | null): void => {
    if (w !== null && moreExtreme(name, w, worst)) worst = w;
  };
  // runs of exactly `acuteBars` crash days; a fall shorter than that is one window (single days
  // and pairs of a spread estimator are too noisy to stand alone inside a longer fall)
  const length = Math.min(acuteBars, endIndex - peakIndex);
  for (let t = peakIndex + length; t <= endIndex && length > 0; t += 1) consider(windowReading(t - length + 1, t));
  const w = worst as CostWindowReading | null;
  return { fall, worst: w, level: w === null ? null : levelOf(name, w.percentile, w.robustZ) };
}
