// The planted timeline: the ordered steps of the de-risking episode (uptrend → topping → leverage
// flush → policy event → ETF outflow wave → bottoming → recovery → second decline with one
// liquidity-failure stretch → bottoming tail), their seeded jittered lengths, and what each step
// sets: phase label, ETF flow regime, price move, volatility, leverage drift, funding, CME and mNAV.
// Extra history before the episode (10-year runs) is filled with generic market cycles.
import type { FlowRegime, PhaseLabel } from '../domain/analysis.js';
import type { Random } from '../signals/stats/seeded-random.js';

/** One step of the timeline and the market behaviour it plants. */
export interface Step {
  readonly name: string;
  readonly phase: PhaseLabel;
  readonly flowRegime: FlowRegime;
  /** Calendar days. */
  readonly days: number;
  /** BTC log return over the step (ETH follows through its beta). */
  readonly logReturn: number;
  /** Multiplier on the base daily volatility. */
  readonly volMultiplier: number;
  /** Daily log drift of perp open interest in coins. */
  readonly oiDrift: number;
  /** Daily noise of perp open interest in coins. */
  readonly oiNoise: number;
  /** Funding level this step pulls towards, as a multiple of the asset's calibrated mean. */
  readonly fundingMultiple: number;
  /** Daily log drift of CME open interest in contracts. */
  readonly cmeOiDrift: number;
  /** Annualised CME basis (fraction). */
  readonly annualBasis: number;
  /** Strategy's mNAV at the end of the step. */
  readonly mnavEnd: number;
  /** Spot volume multiplier (below 1 = volume dries up). */
  readonly volumeMultiplier: number;
  /** Multiplier on the intraday high-low range. */
  readonly rangeMultiplier: number;
}

/** A step placed on the calendar: index of its first day and one past its last. */
export interface PlacedStep extends Step {
  readonly startIndex: number;
  readonly endIndex: number;
}

type StepSpec = Omit<Step, 'days'>;

const base = { volumeMultiplier: 1, rangeMultiplier: 1, oiNoise: 0.02 };
const UPTREND: StepSpec = {
  ...base,
  name: 'uptrend',
  phase: 'uptrend',
  flowRegime: 'one-way-inflow',
  logReturn: Math.log(4),
  volMultiplier: 1,
  oiDrift: 0.0005,
  fundingMultiple: 1.3,
  cmeOiDrift: 0.0012,
  annualBasis: 0.1,
  mnavEnd: 2.6,
};
const TOPPING: StepSpec = {
  ...base,
  name: 'topping',
  phase: 'topping',
  flowRegime: 'two-way',
  logReturn: 0.02,
  volMultiplier: 0.85,
  oiDrift: 0.001,
  fundingMultiple: 1.6,
  cmeOiDrift: 0,
  annualBasis: 0.08,
  mnavEnd: 2.2,
};
const FLUSH_DECLINE: StepSpec = {
  ...base,
  name: 'leverage-flush-decline',
  phase: 'trend-decline',
  flowRegime: 'two-way',
  logReturn: -0.16,
  volMultiplier: 1.3,
  oiDrift: -0.0008,
  fundingMultiple: 0.3,
  cmeOiDrift: -0.001,
  annualBasis: 0.04,
  mnavEnd: 1.6,
};
const OUTFLOW_WAVE: StepSpec = {
  ...base,
  name: 'etf-outflow-wave',
  phase: 'trend-decline',
  flowRegime: 'one-way-outflow',
  logReturn: -0.18,
  volMultiplier: 1.25,
  oiDrift: -0.001,
  fundingMultiple: 0.4,
  cmeOiDrift: -0.008,
  annualBasis: 0.03,
  mnavEnd: 1.2,
};
const DECLINE_TAIL: StepSpec = {
  ...base,
  name: 'decline-tail',
  phase: 'trend-decline',
  flowRegime: 'two-way',
  logReturn: -0.03,
  volMultiplier: 1.1,
  oiDrift: -0.0005,
  fundingMultiple: 0.6,
  cmeOiDrift: -0.002,
  annualBasis: 0.035,
  mnavEnd: 1.15,
};
const BOTTOMING: StepSpec = {
  ...base,
  name: 'bottoming',
  phase: 'bottoming',
  flowRegime: 'two-way',
  logReturn: 0.03,
  volMultiplier: 0.7,
  oiDrift: 0,
  oiNoise: 0.008,
  fundingMultiple: 0.9,
  cmeOiDrift: 0,
  annualBasis: 0.045,
  mnavEnd: 1.2,
};
const RECOVERY: StepSpec = {
  ...base,
  name: 'recovery',
  phase: 'uptrend',
  flowRegime: 'one-way-inflow',
  logReturn: 0.33,
  volMultiplier: 0.95,
  oiDrift: 0.0008,
  fundingMultiple: 1.2,
  cmeOiDrift: 0.0015,
  annualBasis: 0.07,
  mnavEnd: 1.5,
};
const DECLINE_2A: StepSpec = {
  ...base,
  name: 'second-decline',
  phase: 'trend-decline',
  flowRegime: 'one-way-outflow',
  logReturn: -0.12,
  volMultiplier: 1.0,
  oiDrift: -0.002,
  fundingMultiple: 0.4,
  cmeOiDrift: -0.004,
  annualBasis: 0.03,
  mnavEnd: 1.2,
};
const LIQUIDITY_FAILURE: StepSpec = {
  ...base,
  name: 'liquidity-failure',
  phase: 'trend-decline',
  flowRegime: 'one-way-outflow',
  logReturn: -0.09,
  volMultiplier: 1.5,
  oiDrift: -0.002,
  fundingMultiple: 0.2,
  cmeOiDrift: -0.004,
  annualBasis: 0.02,
  mnavEnd: 1.05,
  volumeMultiplier: 0.3,
  rangeMultiplier: 2.8,
};
const DECLINE_2B: StepSpec = {
  ...base,
  name: 'second-decline-end',
  phase: 'trend-decline',
  flowRegime: 'one-way-outflow',
  logReturn: Math.log(0.75) + 0.21,
  volMultiplier: 1.0,
  oiDrift: -0.002,
  fundingMultiple: 0.4,
  cmeOiDrift: -0.004,
  annualBasis: 0.03,
  mnavEnd: 0.95,
};
const TAIL: StepSpec = { ...BOTTOMING, name: 'bottoming-tail', logReturn: 0.04, mnavEnd: 1.0 };

/** Generic cycle steps used before the episode when the run is longer than the episode. */
const FILLER: readonly [StepSpec, number][] = [
  [{ ...BOTTOMING, name: 'filler', mnavEnd: 2.0 }, 80],
  [{ ...UPTREND, name: 'filler', logReturn: 0.5, mnavEnd: 2.6 }, 200],
  [{ ...TOPPING, name: 'filler', mnavEnd: 2.3 }, 40],
  [
    {
      ...DECLINE_TAIL,
      name: 'filler',
      flowRegime: 'one-way-outflow',
      logReturn: -0.35,
      cmeOiDrift: -0.004,
      mnavEnd: 1.8,
    },
    100,
  ],
];

/** Nominal lengths (calendar days) and jitter (± days) of the episode after the first uptrend. */
const EPISODE: readonly [StepSpec, number, number][] = [
  [TOPPING, 45, 5],
  [FLUSH_DECLINE, 31, 4],
  [OUTFLOW_WAVE, 45, 5],
  [DECLINE_TAIL, 25, 5],
  [BOTTOMING, 75, 8],
  [RECOVERY, 260, 15],
  [DECLINE_2A, 20, 3],
  [LIQUIDITY_FAILURE, 6, 0],
  [DECLINE_2B, 34, 4],
  [TAIL, 45, 5],
];

/** Shortest and longest first uptrend (days); beyond the longest, filler cycles come first. */
const MIN_UPTREND_DAYS = 150;
const MAX_UPTREND_DAYS = 560;

/** The fewest calendar days a run can have (the episode plus a minimal first uptrend and jitter). */
export const MIN_SIMULATION_DAYS = EPISODE.reduce((n, [, d, j]) => n + d + j, 0) + MIN_UPTREND_DAYS;

/** Days after the flush on which the policy event falls (nominal, jitter). */
export const EVENT_AFTER_FLUSH = { days: 10, jitter: 3 } as const;

/**
 * Places the steps on `totalDays` calendar days with seeded jitter. The first uptrend absorbs the
 * remainder; runs longer than the episode start with generic filler cycles. Throws a RangeError
 * when `totalDays` < MIN_SIMULATION_DAYS.
 */
export function planSteps(totalDays: number, random: Random): PlacedStep[] {
  if (totalDays < MIN_SIMULATION_DAYS) {
    throw new RangeError(
      `simulateMarket: ${totalDays} days is too short; the planted episode needs at least ${MIN_SIMULATION_DAYS} days`,
    );
  }
  const episode = EPISODE.map(([spec, days, jitter]) => ({ ...spec, days: days + random.int(-jitter, jitter) }));
  const episodeDays = episode.reduce((n, s) => n + s.days, 0);
  let remaining = totalDays - episodeDays;
  const filler: Step[] = [];
  while (remaining > MAX_UPTREND_DAYS) {
    for (const [spec, days] of FILLER) {
      if (remaining - days < MIN_UPTREND_DAYS) break;
      filler.push({ ...spec, days });
      remaining -= days;
    }
    if (remaining > MAX_UPTREND_DAYS && filler.length === 0) break;
  }
  const steps: Step[] = [...filler, { ...UPTREND, days: remaining }, ...episode];
  let start = 0;
  return steps.map((s) => {
    const placed = { ...s, startIndex: start, endIndex: start + s.days };
    start += s.days;
    return placed;
  });
}

/** The placed step named `name` (the last one when several share it); throws when absent. */
export function stepNamed(steps: readonly PlacedStep[], name: string): PlacedStep {
  const found = steps.filter((s) => s.name === name).at(-1);
  if (!found) throw new Error(`scenario: no step named "${name}"`);
  return found;
}

/** A lookup from calendar index to its step (steps are contiguous and ordered). */
export function stepIndexer(steps: readonly PlacedStep[]): (index: number) => PlacedStep {
  const byIndex: PlacedStep[] = [];
  for (const s of steps) for (let i = s.startIndex; i < s.endIndex; i++) byIndex.push(s);
  return (index) => byIndex[index] ?? steps[steps.length - 1]!;
}
