// Parameter sweeps: a grid of option values (`tranches=2,4,6`, `timeStopDays=7..35:7`) run over the
// whole window and, apart, over the in-sample and out-of-sample periods. What is reported is every
// combination, the best, and — the honest figure — how the in-sample best did out of sample.
import { z } from 'zod';
import type { BacktestMetrics, SweepCombination, SweepObjective, SweepResult } from '../domain/backtest.js';
import { SWEEP_OBJECTIVES } from '../domain/backtest.js';
import type { BacktestMarket } from './market.js';
import { backtestPeriods } from './periods.js';
import { runStrategy, windowBounds, type RunSettings } from './run-strategy.js';
import { KIND_OPTIONS, strategyOfKind, type StrategyKind } from './strategy-kinds.js';
import { withStops, type StopOptions } from './stops.js';

/** One swept option: its key (dotted for nested options: exposure.bottoming) and its values. */
export interface SweepAxis {
  readonly key: string;
  readonly values: readonly (number | string | boolean | readonly string[])[];
}

/** Most combinations one sweep may run. */
export const MAX_SWEEP_COMBINATIONS = 100_000;

/** A sweep that cannot run: bad syntax, an unknown key or a value the option refuses. */
export class SweepError extends Error {
  override readonly name = 'SweepError';
}

/** The option schema at a dotted key of a kind, unwrapped from optional/nullable; null when unknown. */
function optionSchema(kind: StrategyKind, key: string): z.ZodType | null {
  let current: z.ZodType = KIND_OPTIONS[kind];
  for (const step of key.split('.')) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    if (!(current instanceof z.ZodObject) || !(step in current.shape)) return null;
    current = current.shape[step] as z.ZodType;
  }
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}

/** The keys a kind's sweep accepts: top-level options and one level of nested ones (dotted). */
export function sweepableKeys(kind: StrategyKind): string[] {
  return Object.entries(KIND_OPTIONS[kind].shape).flatMap(([key, schema]) => {
    let inner = schema as z.ZodType;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    return inner instanceof z.ZodObject ? Object.keys(inner.shape).map((k) => `${key}.${k}`) : [key];
  });
}

/**
 * Parses `key=v1,v2,…` or `key=from..to[:step]` (numbers) for a strategy of `kind`. Values become
 * numbers, true/false or strings; for a list option, one value is items joined by "+"
 * (`triggers=support+pessimism,time-stop`). Throws SweepError naming the key and the allowed keys.
 */
export function parseSweepAxis(spec: string, kind: StrategyKind): SweepAxis {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1)
    throw new SweepError(`--sweep "${spec}": write key=v1,v2,… or key=from..to[:step]`);
  const key = spec.slice(0, eq).trim();
  const text = spec.slice(eq + 1).trim();
  const schema = optionSchema(kind, key);
  if (schema === null)
    throw new SweepError(
      `--sweep "${spec}": "${key}" is not an option of ${kind}; allowed: ${sweepableKeys(kind).join(', ') || 'none'}`,
    );
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(text);
  let values: (number | string | boolean | string[])[];
  if (range) {
    const [lo, hi, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    if (!(step > 0) || hi < lo) throw new SweepError(`--sweep "${spec}": a range needs from ≤ to and a step > 0`);
    const count = Math.floor((hi - lo) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_COMBINATIONS) throw new SweepError(`--sweep "${spec}": ${count} values is too many`);
    values = Array.from({ length: count }, (_, i) => Math.round((lo + i * step) * 1e9) / 1e9);
  } else {
    values = text.split(',').map((v) => {
      const t = v.trim();
      if (schema instanceof z.ZodArray) return t.split('+').map((x) => x.trim());
      if (t === 'true' || t === 'false') return t === 'true';
      if (t === 'null') return 'null';
      return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
    });
  }
  if (values.length === 0) throw new SweepError(`--sweep "${spec}": no values`);
  for (const value of values) {
    const checked = schema.safeParse(value === 'null' ? null : value);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const allowed =
        issue.code === 'invalid_value' ? `must be one of ${issue.values.map(String).join(', ')}` : issue.message;
      throw new SweepError(`--sweep "${spec}": ${key} = ${JSON.stringify(value)}: ${allowed}`);
    }
  }
  return { key, values };
}

/** Sets a dotted key in a copy of `options`. */
function withOption(options: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = key.split('.');
  if (rest.length === 0) return { ...options, [head!]: value === 'null' ? null : value };
  const inner = (options[head!] ?? {}) as Record<string, unknown>;
  return { ...options, [head!]: withOption(inner, rest.join('.'), value) };
}

/** The objective's value (higher is better); −∞ when undefined. */
export function objectiveValue(metrics: BacktestMetrics, objective: SweepObjective): number {
  const value =
    objective === 'sharpe'
      ? metrics.sharpe
      : objective === 'cagr'
        ? metrics.cagr
        : objective === 'calmar'
          ? metrics.calmar
          : objective === 'sortino'
            ? metrics.sortino
            : metrics.totalReturn;
  return value === null || !Number.isFinite(value) ? Number.NEGATIVE_INFINITY : value;
}

export interface SweepRequest extends Omit<RunSettings, 'curve'> {
  readonly kind: StrategyKind;
  /** Options the axes are laid over (a user file's). */
  readonly baseOptions?: Readonly<Record<string, unknown>>;
  readonly user?: { readonly name: string; readonly description?: string };
  readonly stops?: StopOptions;
  readonly axes: readonly SweepAxis[];
  readonly from: string;
  readonly to: string;
  /** Default 'sharpe'. */
  readonly objective?: SweepObjective;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Index of the highest objective among `metrics` (first on ties); null when none is defined. */
function bestIndex(metrics: readonly (BacktestMetrics | null)[], objective: SweepObjective): number | null {
  let best: number | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  metrics.forEach((m, i) => {
    if (m === null) return;
    const v = objectiveValue(m, objective);
    if (best === null || v > bestValue) [best, bestValue] = [i, v];
  });
  return best;
}

/**
 * Runs every combination of `axes` over the whole window and over its in-sample and out-of-sample
 * periods (each from fresh cash), ranking on `objective`. Throws SweepError when the grid is empty
 * or larger than MAX_SWEEP_COMBINATIONS, RangeError when the window holds no decision day.
 */
export function sweepStrategy(market: BacktestMarket, request: SweepRequest): SweepResult {
  const started = performance.now();
  const objective = request.objective ?? 'sharpe';
  if (!(SWEEP_OBJECTIVES as readonly string[]).includes(objective))
    throw new SweepError(`sweep: objective "${objective}" is not one of ${SWEEP_OBJECTIVES.join(', ')}`);
  const total = request.axes.reduce((n, a) => n * a.values.length, 1);
  if (request.axes.length === 0) throw new SweepError('sweep: no --sweep key=values given');
  if (total > MAX_SWEEP_COMBINATIONS)
    throw new SweepError(`sweep: ${total} combinations; at most ${MAX_SWEEP_COMBINATIONS}`);
  const bounds = windowBounds(market, request.from, request.to);
  if (bounds === null)
    throw new RangeError(`sweep: no decision day with a close between ${request.from} and ${request.to}`);
  const from = market.closes[bounds.firstClose]!.date;
  const to = market.closes[bounds.lastClose]!.date;
  const periods = backtestPeriods(market.asset, from, to, market.simulated);
  const inSample = periods.find((p) => p.sample === 'in-sample') ?? null;
  const outOfSample = periods.find((p) => p.sample === 'out-of-sample') ?? null;
  const settings: RunSettings = { ...request, curve: false };
  // A period that is the whole window is not run twice (summarise reads the whole run for it).
  const partOf = (p: { from: string; to: string } | null): boolean => p !== null && (p.from !== from || p.to !== to);
  const combinations: SweepCombination[] = [];
  for (let index = 0; index < total; index += 1) {
    let rest = index;
    let options: Record<string, unknown> = { ...request.baseOptions };
    const parameters: Record<string, number | string> = {};
    for (let a = request.axes.length - 1; a >= 0; a -= 1) {
      const axis = request.axes[a]!;
      const value = axis.values[rest % axis.values.length]!;
      rest = Math.floor(rest / axis.values.length);
      options = withOption(options, axis.key, value);
      parameters[axis.key] = Array.isArray(value)
        ? value.join('+')
        : typeof value === 'boolean'
          ? String(value)
          : (value as number | string);
    }
    let strategy;
    try {
      strategy = strategyOfKind(request.kind, options, request.user);
    } catch (error) {
      if (error instanceof z.ZodError)
        throw new SweepError(
          `sweep: ${JSON.stringify(parameters)}: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      throw error;
    }
    if (request.stops) strategy = withStops(strategy, request.stops);
    const ordered = Object.fromEntries(request.axes.map((a) => [a.key, parameters[a.key]!]));
    combinations.push({
      parameters: ordered,
      whole: runStrategy(market, strategy, { from, to }, settings).metrics,
      inSample: partOf(inSample) ? runStrategy(market, strategy, inSample!, settings).metrics : null,
      outOfSample: partOf(outOfSample) ? runStrategy(market, strategy, outOfSample!, settings).metrics : null,
    });
    request.onProgress?.(index + 1, total);
  }
  return summarise(
    market,
    request,
    objective,
    from,
    to,
    combinations,
    inSample !== null,
    outOfSample !== null,
    started,
  );
}

function summarise(
  market: BacktestMarket,
  request: SweepRequest,
  objective: SweepObjective,
  from: string,
  to: string,
  combinations: SweepCombination[],
  hasInSample: boolean,
  hasOutOfSample: boolean,
  started: number,
): SweepResult {
  // A window that lies wholly in one sample: that sample's figures are the whole window's.
  const inSampleOf = (c: SweepCombination): BacktestMetrics | null => c.inSample ?? (hasInSample ? c.whole : null);
  const outOfSampleOf = (c: SweepCombination): BacktestMetrics | null =>
    c.outOfSample ?? (hasOutOfSample && !hasInSample ? c.whole : null);
  const filled = combinations.map((c) => ({ ...c, inSample: inSampleOf(c), outOfSample: outOfSampleOf(c) }));
  const inSampleBest = bestIndex(
    filled.map((c) => c.inSample),
    objective,
  );
  const outOfSampleBest = bestIndex(
    filled.map((c) => c.outOfSample),
    objective,
  );
  const wholeBest =
    bestIndex(
      filled.map((c) => c.whole),
      objective,
    ) ?? 0;
  let rank: number | null = null;
  if (inSampleBest !== null && filled[inSampleBest]!.outOfSample !== null) {
    const chosen = objectiveValue(filled[inSampleBest]!.outOfSample!, objective);
    rank = 1 + filled.filter((c) => c.outOfSample !== null && objectiveValue(c.outOfSample, objective) > chosen).length;
  }
  const note =
    inSampleBest !== null && rank !== null
      ? `The in-sample best is the honest pick: it was chosen before the out-of-sample period, where it ranked ${rank} of ${filled.length}.`
      : market.simulated
        ? 'The simulator is all in-sample: every figure here was chosen on the data it is scored on.'
        : hasOutOfSample
          ? 'The window has no in-sample part: the best combination was chosen on the data it is scored on, so its figures overstate what a choice made beforehand would have earned.'
          : 'The window has no out-of-sample part: the in-sample best has not been tested on data it was not chosen on.';
  return {
    asset: market.asset,
    simulated: market.simulated,
    strategy: request.user?.name ?? request.kind,
    objective,
    from,
    to,
    combinations: filled,
    inSampleBest,
    outOfSampleBest,
    wholeBest,
    inSampleBestOutOfSampleRank: rank,
    note,
    seconds: (performance.now() - started) / 1000,
  };
}
